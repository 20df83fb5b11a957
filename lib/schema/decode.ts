import type * as t from 'io-ts';
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { unknownProperties } from './codecs.js';
import { isExact } from './exact.js';
import type { DecodeProblems } from '../operation.js';
import { describeErrors } from './report.js';
import type { HttpHeaders, HttpResponse } from '../http/response.js';

/**
 * Decodes a parsed value. A valid value with no unknown property is returned as it is (the
 * common case, and the cheap one); anything else takes the full io-ts decode, which names every
 * failing path and drops unknown properties, or, in strict mode, rejects them.
 */
export const decodeValue = <C extends t.Mixed>(
  codec: C,
  value: unknown,
  strict: boolean,
): Either<DecodeProblems, t.TypeOf<C>> => {
  if (isExact(codec, value)) return right(value);
  const decoded = codec.decode(value);
  if (isLeft(decoded)) return left(describeErrors(decoded.left));
  if (strict) {
    const unknown = unknownProperties(codec, value);
    if (unknown.length > 0) {
      return left(
        unknown.map(({ path, model }) => `${path}: not a property of ${model} (strict mode)`),
      );
    }
  }
  return right(decoded.right);
};

const JSON_TYPE = /^(application\/(?:[\w.+-]+\+)?json|text\/json|text\/plain)\s*(;|$)/i;

const header = (headers: HttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

// A view, not a copy: Buffer.from(Uint8Array) would copy the whole body first.
const utf8 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

/** Parses a JSON body; the spec also lists text/plain for the same JSON text. */
export const parseJson = (response: HttpResponse): Either<DecodeProblems, unknown> => {
  const contentType = header(response.headers, 'content-type');
  if (contentType !== undefined && !JSON_TYPE.test(contentType)) {
    return left([`(body): expected a JSON answer, got content-type ${contentType.slice(0, 80)}`]);
  }
  try {
    return right(JSON.parse(utf8(response.body)));
  } catch {
    // The parser's own message quotes the body, which may hold a secret.
    return left([`(body): malformed JSON (${response.body.length} bytes)`]);
  }
};

export const decodeJson = <C extends t.Mixed>(
  codec: C,
  response: HttpResponse,
  strict: boolean,
): Either<DecodeProblems, t.TypeOf<C>> => {
  const parsed = parseJson(response);
  return isLeft(parsed) ? parsed : decodeValue(codec, parsed.right, strict);
};
