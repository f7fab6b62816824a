/** The detector is shared with the embedded engines (which analyse each language their own way). */
export { detectLanguage, LANGUAGE_CODES, LANGUAGE_NAMES, type LanguageCode, type LanguageGuess } from "~/engines/detect-language";
