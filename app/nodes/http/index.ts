import { defineNodeKind } from "../types";
import { HttpIcon, HttpSettings, HttpSummary } from "./editor";
import { httpBehaviour } from "./behaviour";
import { compileHttp, diagnoseHttp } from "./compile";
import { listRequestFields } from "./request";
import { HttpDataSchema, httpHandles } from "./schema";

export const kind = defineNodeKind({
  label: "Call an API",
  description: "Looks something up in your systems (an order, an account) and saves what it finds.",
  icon: "🔌",
  color: "#10b981",
  paletteOrder: 110,
  editor: { Icon: HttpIcon, Summary: HttpSummary, Settings: HttpSettings },
  schema: HttpDataSchema,
  createData: () => HttpDataSchema.parse({}),
  handles: httpHandles,
  example: () => HttpDataSchema.parse({ url: "https://api.example.com/orders/1", map: [{ path: "$.order.status", field: "order_status" }] }),
  waitsForCustomer: false,
  compile: compileHttp,
  diagnose: diagnoseHttp,
  fieldsCaptured: (data) => data.map.map((mapping) => mapping.field),
  fieldsRead: (data) => listRequestFields(data),
  credentials: (data) => (data.credential ? [data.credential] : []),
  behaviour: httpBehaviour,
});
