/**
 * THE list of node kinds: adding a kind is a folder `./<kind>/` whose `index.ts` exports its
 * definition, plus one line here. The exported name is the kind id stored in every flow
 * document (short, never changed); the palette orders kinds by their `paletteOrder`.
 */
export { kind as start } from "./start";
export { kind as message } from "./message";
export { kind as intent } from "./intent";
export { kind as collect } from "./collect";
export { kind as choice } from "./choice";
export { kind as kb } from "./kb";
export { kind as gate } from "./gate";
export { kind as condition } from "./condition";
export { kind as language } from "./language";
export { kind as set } from "./set";
export { kind as http } from "./http";
export { kind as escalate } from "./escalate";
export { kind as end } from "./end";
