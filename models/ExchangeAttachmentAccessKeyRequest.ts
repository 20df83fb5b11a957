import type * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';
import { stringMinLength } from '../lib/schema/scalars.js';

/** What exchangeAttachmentAccessKey sends: the Attachment Access Key (a secret) of one attachment. */
export const ExchangeAttachmentAccessKeyRequest = model(
  'ExchangeAttachmentAccessKeyRequest',
  {
    /** The Attachment Access Key (from `IdentityData.attachments`) to exchange. A secret. */
    attachmentAccessKey: stringMinLength(1),
  },
  {},
);
export type ExchangeAttachmentAccessKeyRequest = t.TypeOf<
  typeof ExchangeAttachmentAccessKeyRequest
>;
