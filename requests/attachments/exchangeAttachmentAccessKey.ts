import type { Configuration } from '../../lib/configuration.js';
import { RequestBuilder } from '../../lib/builder.js';
import { compile } from '../../lib/prepare.js';
import { attachment, type AttachmentContent } from '../../lib/readers.js';
import type { RequestOptions } from '../../lib/send.js';
import { ExchangeAttachmentAccessKeyRequest } from '../../models/ExchangeAttachmentAccessKeyRequest.js';

export interface ExchangeAttachmentAccessKeyParams {
  readonly exchangeAttachmentAccessKeyRequest: ExchangeAttachmentAccessKeyRequest;
}

const operation = compile<ExchangeAttachmentAccessKeyParams, AttachmentContent>({
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
  result: attachment,
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
  ApiExchangeAttachmentAccessKeyRequest
> {
  constructor(
    configuration: Configuration,
    params: Partial<ExchangeAttachmentAccessKeyParams>,
    options: RequestOptions = {},
  ) {
    super(configuration, operation, params, options);
  }

  protected rebuild(params: Partial<ExchangeAttachmentAccessKeyParams>, options: RequestOptions) {
    return new ApiExchangeAttachmentAccessKeyRequest(this.configuration, params, options);
  }

  exchangeAttachmentAccessKeyRequest(
    request: ExchangeAttachmentAccessKeyRequest,
  ): ApiExchangeAttachmentAccessKeyRequest {
    return this.with('exchangeAttachmentAccessKeyRequest', request);
  }
}
