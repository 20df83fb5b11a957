import { right } from 'fp-ts/lib/Either.js';
import type { ResultReader } from '../../lib/operation/operation.js';
import { retryAfterMs } from '../../lib/pipeline/retry.js';

// What ExchangeAttachmentAccessKey answers: the attachment's bytes, or, with HTTP 202, word that
// it is not ready yet.

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

export const attachmentContent: ResultReader<AttachmentContent> = (response) => {
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
