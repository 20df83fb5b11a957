// A page's fingerprint: which keys it holds, in any order, in a short string. Two 32-bit FNV-1a
// hashes per key, summed over the page so that the order does not count, and the page's length:
// pages holding different keys share one only by a chance of about 2⁻⁶⁴ per pair.

const FNV_PRIME = 0x01000193;
const SEEDS = [0x811c9dc5, 0x9e3779b9] as const;

const hash32 = (text: string, seed: number): number => {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
};

/** The same string for the same keys, whatever their order. */
export const fingerprint = (keys: readonly string[]): string => {
  let first = 0;
  let second = 0;
  for (const key of keys) {
    first = (first + hash32(key, SEEDS[0])) >>> 0;
    second = (second + hash32(key, SEEDS[1])) >>> 0;
  }
  return `${keys.length}:${first.toString(36)}:${second.toString(36)}`;
};
