import { listTemplateReads } from "../shared/template";
import { defineNodeKind } from "../types";
import { MessageIcon, MessageSettings, MessageSummary } from "./editor";
import { compileMessage, diagnoseMessage } from "./compile";
import { MessageDataSchema, messageHandles } from "./schema";

export const kind = defineNodeKind({
  label: "Send a message",
  description: "Says something to the customer; can include captured details like {{order_id}}.",
  icon: "💬",
  color: "#64748b",
  paletteOrder: 20,
  editor: { Icon: MessageIcon, Summary: MessageSummary, Settings: MessageSettings },
  schema: MessageDataSchema,
  createData: () => MessageDataSchema.parse({ text: "" }),
  handles: messageHandles,
  example: () => ({ text: "Thanks! Let me look that up for you." }),
  waitsForCustomer: false,
  compile: compileMessage,
  diagnose: diagnoseMessage,
  fieldsRead: (data) => listTemplateReads("text", data.text),
  describe: (data) => data.text,
});
