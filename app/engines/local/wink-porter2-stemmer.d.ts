// The package ships no types; it exports one function: word -> Porter2 stem.
declare module "wink-porter2-stemmer" {
  const stem: (word: string) => string;
  export default stem;
}
