import { createCard, Unset } from "../shared/editor/node-card";
import { TemplateField } from "../shared/editor/template-field";
import type { SettingsProps } from "../shared/editor/types";
import type { MessageData } from "./schema";

export const MessageCard = createCard<MessageData>("MessageCard", ({ data }) => <p className="node-text">{data.text.trim() || <Unset>Nothing to say yet</Unset>}</p>);

export function MessageSettings({ data, onChange, context }: SettingsProps<MessageData>) {
  return (
    <TemplateField
      label="Message"
      hint="Insert details the customer gave, like their order number."
      value={data.text}
      onChange={(text) => onChange({ ...data, text })}
      problem={context.problem("text")}
      fields={context.fields}
      placeholder="Thanks! Let me look that up for you."
      maxLength={4000}
      rows={4}
    />
  );
}
