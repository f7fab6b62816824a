/** Lower-case, without diacritics, punctuation turned into spaces: "¿Hablar con un AGENTE?" → "hablar con un agente". */
export function normaliseText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/[^\p{L}\p{N}'@.+#\s-]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}
