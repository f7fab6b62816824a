import { defineNodeKind } from "../types";
import { LanguageIcon, LanguageSettings, LanguageSummary } from "./editor";
import { languageBehaviour } from "./behaviour";
import { compileLanguage } from "./compile";
import { LanguageDataSchema, languageHandles } from "./schema";

export const kind = defineNodeKind({
  label: "Detect language",
  description: "Works out which language the customer writes in and takes that language's path.",
  icon: "🌐",
  color: "#0891b2",
  paletteOrder: 90,
  editor: { Icon: LanguageIcon, Summary: LanguageSummary, Settings: LanguageSettings },
  schema: LanguageDataSchema,
  createData: () => LanguageDataSchema.parse({}),
  handles: languageHandles,
  example: () => LanguageDataSchema.parse({}),
  waitsForCustomer: false,
  compile: compileLanguage,
  fieldsCaptured: (data) => [data.field],
  behaviour: languageBehaviour,
});
