import { RequestBuilder } from '../../lib/pipeline/builder.js';
import { ExchangeAttachmentAccessKeyRequest } from '../../models/ExchangeAttachmentAccessKeyRequest.js';
import { connectOperation, type HttpErrorModel } from '../connect.js';
import { attachmentContent, type AttachmentContent } from './attachmentContent.js';

/** The parameters of ExchangeAttachmentAccessKey, as its builder holds them. */
export interface ExchangeAttachmentAccessKeyParams {
  readonly exchangeAttachmentAccessKeyRequest: ExchangeAttachmentAccessKeyRequest;
}

export const exchangeAttachmentAccessKey = connectOperation<
  ExchangeAttachmentAccessKeyParams,
  AttachmentContent
>({
  name: 'AttachmentsAPI.ExchangeAttachmentAccessKey',
  method: 'POST',
  path: '/api/v1/attachments/exchange',
  params: {
    exchangeAttachmentAccessKeyRequest: {
      location: { in: 'body' },
      codec: ExchangeAttachmentAccessKeyRequest,
      required: true,
      sensitive: true,
    },
  },
  result: attachmentContent,
  // An exchange may consume the key: never sent twice.
  idempotent: false,
});

/**
 * POST /api/v1/attachments/exchange: exchange an Attachment Access Key (from
 * `IdentityData.attachments`) for the attachment's bytes, or `AttachmentPending` (HTTP 202) when
 * it is not ready yet.
 */
export class ApiExchangeAttachmentAccessKeyRequest extends RequestBuilder<
  ExchangeAttachmentAccessKeyParams,
  AttachmentContent,
  HttpErrorModel
> {
  /** The body: the Attachment Access Key (required). */
  exchangeAttachmentAccessKeyRequest(request: ExchangeAttachmentAccessKeyRequest): this {
    return this.with('exchangeAttachmentAccessKeyRequest', request);
  }
}
