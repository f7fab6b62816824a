import { defineNodeKind } from "../types";
import { languageBehaviour } from "./behaviour";
import { compileLanguage } from "./compile";
import { LanguageDataSchema, languageHandles } from "./schema";

export const languageKind = defineNodeKind({
  label: "Detect language",
  description: "Works out which language the customer writes in and takes that language's path.",
  icon: "🌐",
  schema: LanguageDataSchema,
  createData: () => LanguageDataSchema.parse({}),
  handles: languageHandles,
  waitsForCustomer: false,
  compile: compileLanguage,
  fieldsCaptured: (data) => [data.field],
  behaviour: languageBehaviour,
});
