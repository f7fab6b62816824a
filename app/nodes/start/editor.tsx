import { KindIcon } from "../shared/editor/kind-icon";
import { Unset } from "../shared/editor/unset";
import { createTemplateSettings } from "../shared/editor/template-field";
import type { StartData } from "./schema";

export const StartIcon = () => <KindIcon><path d="M5 21V4M5 4h12l-2.5 4L17 12H5" /></KindIcon>;

export const StartSummary = ({ data }: { data: StartData }) => <p className="node-text">{data.greeting.trim() || <Unset>No greeting</Unset>}</p>;

export const StartSettings = createTemplateSettings("greeting", {
  label: "Greeting",
  hint: "The first thing every customer reads. Leave it empty to start without a greeting.",
  maxLength: 2000,
});
