// Exchange an Attachment Access Key (from the identity data's `attachments`) for the image it
// names: the twin of the Go SDK's AttachmentsAPI.ExchangeAttachmentAccessKey example.
//
// Copy it and env.ts into a project, then:
//   npm install trinsic-connect-sdk fp-ts io-ts && npm install --save-dev tsx
//   ATTACHMENT_ACCESS_KEY=... TRINSIC_API_KEY=... npx tsx exchangeAttachmentAccessKey.ts
// It runs as it is in an ES module project ("type": "module") and in a CommonJS one.
// TRINSIC_BASE_URL sends it elsewhere than https://connect.trinsic.id (a sandbox, say).
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { APIClient, Configuration, type AttachmentContent } from 'trinsic-connect-sdk';
import { connection, input, printError, printResponse, run } from './env.js';

const OPERATION = 'AttachmentsAPI.ExchangeAttachmentAccessKey';
const attachmentAccessKey = input('ATTACHMENT_ACCESS_KEY', 'AttachmentAccessKey_example');

// The image itself is not printed: its type and size, or when to ask again (HTTP 202).
const describe = (content: AttachmentContent): string => {
  if (content._tag === 'Attachment') return `${content.contentType}, ${content.bytes.length} bytes`;
  const seconds = content.retryAfterSeconds;
  return `not ready yet (HTTP 202), try again ${seconds === undefined ? 'later' : `in ${seconds} s`}`;
};

run(async () => {
  const apiClient = new APIClient(new Configuration(connection()));
  const result = await apiClient.attachmentsAPI
    .exchangeAttachmentAccessKey()
    .exchangeAttachmentAccessKeyRequest({ attachmentAccessKey })
    .execute();

  pipe(
    result,
    E.map(({ data }) => describe(data)),
    E.match(printError(OPERATION), printResponse(OPERATION)),
  );
});
