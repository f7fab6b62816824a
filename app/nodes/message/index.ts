import { listTemplateReads } from "../shared/template";
import { defineNodeKind } from "../types";
import { compileMessage, diagnoseMessage } from "./compile";
import { MessageDataSchema, messageHandles } from "./schema";

export const messageKind = defineNodeKind({
  label: "Send a message",
  description: "Says something to the customer; can include captured details like {{order_id}}.",
  icon: "💬",
  schema: MessageDataSchema,
  createData: () => MessageDataSchema.parse({ text: "" }),
  handles: messageHandles,
  waitsForCustomer: false,
  compile: compileMessage,
  diagnose: diagnoseMessage,
  fieldsRead: (data) => listTemplateReads("text", data.text),
});
