/**
 * 32-bit FNV-1a over UTF-16 code units: a fast, stable, non-cryptographic fingerprint for
 * cache keys ("did these intents change?") and reproducible orderings. Not for anything an
 * attacker could exploit by colliding it.
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
