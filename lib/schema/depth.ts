// How deep a JSON text nests, read from its bytes without parsing it. JSON.parse takes time and
// memory that grow with nesting far faster than with size: 10 MiB of `[[[…]]]` costs it about a
// second and 300 MiB, twenty times what an ordinary answer of that size costs, and it cannot be
// interrupted once started. A scan of the bytes costs a fraction of a parse and stops at the limit.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether arrays and objects in `bytes` (UTF-8 JSON) nest more than `limit` levels deep. Brackets
 * inside strings do not count. Malformed text gets an answer too; JSON.parse then refuses it.
 */
export const nestsDeeperThan = (bytes: Uint8Array, limit: number): boolean => {
  let depth = 0;
  const length = bytes.length;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i];
    if (byte === QUOTE) {
      // To the closing quote; an escape skips the byte after it, so \" does not close.
      for (i++; i < length; i++) {
        const inner = bytes[i];
        if (inner === BACKSLASH) i++;
        else if (inner === QUOTE) break;
      }
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
};
