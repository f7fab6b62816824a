import { defineNodeKind } from "../types";
import { httpBehaviour } from "./behaviour";
import { compileHttp, diagnoseHttp } from "./compile";
import { listRequestFields } from "./request";
import { HttpDataSchema, httpHandles } from "./schema";

export const httpKind = defineNodeKind({
  label: "Call an API",
  description: "Looks something up in your systems (an order, an account) and saves what it finds.",
  icon: "🔌",
  schema: HttpDataSchema,
  createData: () => HttpDataSchema.parse({}),
  handles: httpHandles,
  waitsForCustomer: false,
  compile: compileHttp,
  diagnose: diagnoseHttp,
  fieldsCaptured: (data) => data.map.map((mapping) => mapping.field),
  fieldsRead: (data) => listRequestFields(data),
  credentials: (data) => (data.credential ? [data.credential] : []),
  behaviour: httpBehaviour,
});
