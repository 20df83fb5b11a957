import type * as t from 'io-ts';
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { unknownProperties } from './codecs.js';
import { nestsDeeperThan } from './depth.js';
import { isExact } from './exact.js';
import type { DecodeProblems } from '../operation/operation.js';
import { MAX_DESCRIBED_PROBLEMS, problemsOf } from './problems.js';
import { describeErrors } from './report.js';
import type { HttpHeaders, HttpResponse } from '../http/response.js';

export { MAX_DESCRIBED_PROBLEMS } from './problems.js';

/** JSON answers nested deeper than this are refused without being parsed. */
export const MAX_JSON_DEPTH = 128;

// Below this size no shape makes parsing costly (a few ms at worst), and the depth scan would cost
// a third of a JSON.parse on every ordinary answer: only larger answers are scanned.
const DEPTH_CHECKED_ABOVE_BYTES = 64 * 1024;

/**
 * Decodes a parsed value. A valid value with no unknown property is returned as it is (the
 * common case, and the cheap one). A valid value with unknown properties takes io-ts's decode,
 * which drops them, or, in strict mode, is rejected naming them. An invalid one is described by
 * its first problems (problems.ts), never by one io-ts error per failure.
 */
export const decodeValue = <C extends t.Mixed>(
  codec: C,
  value: unknown,
  strict: boolean,
): Either<DecodeProblems, t.TypeOf<C>> => {
  if (isExact(codec, value)) return right(value);
  if (!codec.is(value)) return left(problemsOf(codec, value));
  const decoded = codec.decode(value);
  if (isLeft(decoded)) return left(describeErrors(decoded.left));
  if (strict) {
    const unknown = unknownProperties(codec, value);
    if (unknown.length > 0) {
      const lines = unknown
        .slice(0, MAX_DESCRIBED_PROBLEMS)
        .map(({ path, model }) => `${path}: not a property of ${model} (strict mode)`);
      const more = unknown.length - lines.length;
      if (more > 0) lines.push(`${more} more properties the spec does not name (strict mode)`);
      return left(lines);
    }
  }
  return right(decoded.right);
};

const JSON_TYPE = /^(application\/(?:[\w.+-]+\+)?json|text\/json|text\/plain)\s*(;|$)/i;

const header = (headers: HttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

// A view, not a copy: Buffer.from(Uint8Array) would copy the whole body first. Runtimes without
// Node's Buffer (Workers without nodejs_compat, Vercel's Edge runtime) decode with TextDecoder.
const textDecoder = new TextDecoder();
const utf8: (bytes: Uint8Array) => string =
  typeof Buffer === 'function'
    ? (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
    : (bytes) => textDecoder.decode(bytes);

/** JSON text as bytes, parsed unless it nests deeper than MAX_JSON_DEPTH or is malformed. */
export const parseJsonBytes = (bytes: Uint8Array): Either<DecodeProblems, unknown> => {
  if (bytes.length > DEPTH_CHECKED_ABOVE_BYTES && nestsDeeperThan(bytes, MAX_JSON_DEPTH)) {
    return left([
      `(body): JSON nested deeper than ${MAX_JSON_DEPTH} levels, not parsed (${bytes.length} bytes)`,
    ]);
  }
  try {
    return right(JSON.parse(utf8(bytes)));
  } catch {
    // The parser's own message quotes the body, which may hold a secret.
    return left([`(body): malformed JSON (${bytes.length} bytes)`]);
  }
};

/** Parses a JSON body; the spec also lists text/plain for the same JSON text. */
export const parseJson = (response: HttpResponse): Either<DecodeProblems, unknown> => {
  const contentType = header(response.headers, 'content-type');
  if (contentType !== undefined && !JSON_TYPE.test(contentType)) {
    return left([`(body): expected a JSON answer, got content-type ${contentType}`]);
  }
  return parseJsonBytes(response.body);
};

export const decodeJson = <C extends t.Mixed>(
  codec: C,
  response: HttpResponse,
  strict: boolean,
): Either<DecodeProblems, t.TypeOf<C>> => {
  const parsed = parseJson(response);
  return isLeft(parsed) ? parsed : decodeValue(codec, parsed.right, strict);
};
