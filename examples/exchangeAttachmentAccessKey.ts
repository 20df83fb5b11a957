// Exchange an Attachment Access Key (from the identity data's `attachments`) for the image it
// names: the twin of the Go SDK's AttachmentsAPI.ExchangeAttachmentAccessKey example.
//   ATTACHMENT_ACCESS_KEY=... TRINSIC_API_KEY=... npx tsx examples/exchangeAttachmentAccessKey.ts
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
// In an installed project: from 'trinsic-connect-sdk'.
import { APIClient, Configuration, type AttachmentContent } from '../index.js';
import { connection, input, printError, printResponse } from './env.js';

const OPERATION = 'AttachmentsAPI.ExchangeAttachmentAccessKey';
const attachmentAccessKey = input('ATTACHMENT_ACCESS_KEY', 'AttachmentAccessKey_example');

const apiClient = new APIClient(new Configuration(connection()));
const result = await apiClient.attachmentsAPI
  .exchangeAttachmentAccessKey()
  .exchangeAttachmentAccessKeyRequest({ attachmentAccessKey })
  .execute();

// The image itself is not printed: its type and size, or when to ask again (HTTP 202).
const describe = (content: AttachmentContent): string => {
  if (content._tag === 'Attachment') return `${content.contentType}, ${content.bytes.length} bytes`;
  const seconds = content.retryAfterSeconds;
  return `not ready yet (HTTP 202), try again ${seconds === undefined ? 'later' : `in ${seconds} s`}`;
};

pipe(
  result,
  E.map(({ data }) => describe(data)),
  E.match(printError(OPERATION), printResponse(OPERATION)),
);
