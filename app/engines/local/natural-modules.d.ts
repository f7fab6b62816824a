// natural ships types for its main entry only; the engines load just its stemmers and stop-word
// lists (not the whole library, which pulls in WordNet, database clients and classifiers).
type NaturalStemmer = { stem: (word: string) => string };
declare module "natural/lib/natural/stemmers/porter_stemmer_es.js" {
  const stemmer: NaturalStemmer;
  export default stemmer;
}
declare module "natural/lib/natural/stemmers/porter_stemmer_fr.js" {
  const stemmer: NaturalStemmer;
  export default stemmer;
}
declare module "natural/lib/natural/stemmers/porter_stemmer_de.js" {
  const stemmer: NaturalStemmer;
  export default stemmer;
}
declare module "natural/lib/natural/stemmers/porter_stemmer_pt.js" {
  const stemmer: NaturalStemmer;
  export default stemmer;
}
declare module "natural/lib/natural/util/stopwords_es.js" {
  export const words: string[];
}
declare module "natural/lib/natural/util/stopwords_fr.js" {
  export const words: string[];
}
declare module "natural/lib/natural/util/stopwords_pt.js" {
  export const words: string[];
}
