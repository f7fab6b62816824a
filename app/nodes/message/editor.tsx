import { KindIcon } from "../shared/editor/kind-icon";
import { Unset } from "../shared/editor/unset";
import { createTemplateSettings } from "../shared/editor/template-field";
import type { MessageData } from "./schema";

export const MessageIcon = () => <KindIcon><path d="M21 14a2 2 0 0 1-2 2H8l-5 4V6a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z" /></KindIcon>;

export const MessageSummary = ({ data }: { data: MessageData }) => <p className="node-text">{data.text.trim() || <Unset>Nothing to say yet</Unset>}</p>;

export const MessageSettings = createTemplateSettings("text", {
  label: "Message",
  hint: "Insert details the customer gave, like their order number.",
  placeholder: "Thanks! Let me look that up for you.",
  maxLength: 4000,
  rows: 4,
});
