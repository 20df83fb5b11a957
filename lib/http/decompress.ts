import type * as Zlib from 'node:zlib';
import { builtinModule } from './runtime.js';

// An answer's body as the server meant it: decoded from its Content-Encoding, never past `max`
// bytes. Only the undici transport needs it (fetch decodes bodies itself), and it runs where Node's
// zlib is built in, asked for at first use so that no other runtime has to resolve it. It throws (zlib's errors, ERR_BUFFER_TOO_LARGE past the cap, or an unsupported
// encoding); the transport turns each into a failure the retry loop can reason about.

/**
 * The decoded body. No bytes are no bytes whatever the label: servers send an empty 200 or 204
 * with the Content-Encoding of their other answers, and zlib would call it truncated.
 */
let zlib: typeof Zlib | undefined;

const isZlib = (u: unknown): u is typeof Zlib =>
  typeof u === 'object' && u !== null && typeof Reflect.get(u, 'gunzipSync') === 'function';

const loadZlib = (): typeof Zlib => {
  if (zlib) return zlib;
  const found = builtinModule('node:zlib');
  if (!isZlib(found)) {
    throw Object.assign(new Error('this runtime has no zlib to decode the answer with'), {
      code: 'UnsupportedContentEncoding',
    });
  }
  zlib = found;
  return found;
};

export const decompress = (
  encoding: string | string[] | undefined,
  raw: Buffer,
  max: number,
): Buffer => {
  if (raw.length === 0) return raw;
  switch (typeof encoding === 'string' ? encoding.trim().toLowerCase() : encoding) {
    case undefined:
    case '':
    case 'identity':
      return raw;
    case 'gzip':
    case 'x-gzip':
      return loadZlib().gunzipSync(raw, { maxOutputLength: max });
    case 'deflate':
      return loadZlib().inflateSync(raw, { maxOutputLength: max });
    case 'br':
      return loadZlib().brotliDecompressSync(raw, { maxOutputLength: max });
    default:
      throw Object.assign(new Error('unsupported content-encoding'), {
        code: 'UnsupportedContentEncoding',
      });
  }
};
