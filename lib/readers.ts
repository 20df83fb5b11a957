import type * as t from 'io-ts';
import { right } from 'fp-ts/lib/Either.js';
import { decodeJson } from './schema/decode.js';
import type { ResultReader } from './operation.js';
import { retryAfterMs } from './retry.js';

// How an operation reads a success answer: the three shapes the spec has.

/** A JSON body decoded with `codec`. */
export const json =
  <C extends t.Mixed>(codec: C): ResultReader<t.TypeOf<C>> =>
  (response, strict) =>
    decodeJson(codec, response, strict);

/** No body worth reading (RedactSession answers 200 with nothing). */
export const empty: ResultReader<undefined> = () => right(undefined);

/** The attachment's bytes, or word that it is not ready yet (HTTP 202). */
export type AttachmentContent =
  | {
      readonly _tag: 'Attachment';
      readonly contentType: string;
      readonly bytes: Uint8Array;
    }
  | {
      readonly _tag: 'AttachmentPending';
      /** The server's Retry-After, in seconds, when it sent one. */
      readonly retryAfterSeconds: number | undefined;
    };

export const attachment: ResultReader<AttachmentContent> = (response) => {
  if (response.status === 202) {
    const retryAfter = retryAfterMs(response.headers, Number.POSITIVE_INFINITY);
    return right({
      _tag: 'AttachmentPending',
      retryAfterSeconds: retryAfter === undefined ? undefined : Math.ceil(retryAfter / 1000),
    });
  }
  const contentType = response.headers['content-type'];
  return right({
    _tag: 'Attachment',
    contentType:
      (Array.isArray(contentType) ? contentType[0] : contentType) ?? 'application/octet-stream',
    bytes: response.body,
  });
};
