import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

// An answer's body as the server meant it: decoded from its Content-Encoding, never past `max`
// bytes. It throws (zlib's errors, ERR_BUFFER_TOO_LARGE past the cap, or an unsupported
// encoding); the transport turns each into a failure the retry loop can reason about.

/**
 * The decoded body. No bytes are no bytes whatever the label: servers send an empty 200 or 204
 * with the Content-Encoding of their other answers, and zlib would call it truncated.
 */
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
      return gunzipSync(raw, { maxOutputLength: max });
    case 'deflate':
      return inflateSync(raw, { maxOutputLength: max });
    case 'br':
      return brotliDecompressSync(raw, { maxOutputLength: max });
    default:
      throw Object.assign(new Error('unsupported content-encoding'), {
        code: 'UnsupportedContentEncoding',
      });
  }
};
