import { KindIcon } from "../shared/editor/kind-icon";
import { Unset } from "../shared/editor/unset";
import { createTemplateSettings } from "../shared/editor/template-field";
import type { EndData } from "./schema";

export const EndIcon = () => <KindIcon><><circle cx="12" cy="12" r="9" /><path d="m8 12 3 3 5-6" /></></KindIcon>;

export const EndSummary = ({ data }: { data: EndData }) => (
  <>
    <p className="node-text">{data.text.trim() || <Unset>No closing message</Unset>}</p>
    <p className="node-meta">Then asks for a 1–5 rating</p>
  </>
);

export const EndSettings = createTemplateSettings("text", {
  label: "Closing message",
  hint: "Said before the conversation is resolved; the customer is then asked to rate it.",
  maxLength: 4000,
});
