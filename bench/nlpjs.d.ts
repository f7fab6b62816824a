// NLP.js 4 ships no type declarations; bench/nlu-peers.ts types what it uses.
declare module "@nlpjs/core" {
  export function containerBootstrap(): Promise<{ use(plugin: unknown): void; get(name: string): unknown }>;
}
declare module "@nlpjs/nlp" {
  export const Nlp: unknown;
}
declare module "@nlpjs/lang-en-min" {
  export const LangEn: unknown;
}
