/**
 * FNV-1a, 32-bit, over the UTF-16 code units of `text[start…end)`: a cheap, stable, non-cryptographic
 * hash for cache keys, ids and hash tables. The result is a signed 32-bit integer (as `Math.imul` gives
 * it), except for an empty range, which returns the offset basis itself; callers that print it take
 * `>>> 0` first.
 */
export function fnv1a(text: string, start = 0, end = text.length): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}
