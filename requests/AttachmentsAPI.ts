import type { Configuration } from '../lib/configuration.js';
import { ApiExchangeAttachmentAccessKeyRequest } from './attachments/exchangeAttachmentAccessKey.js';

/** The Attachments API: document and selfie images of a verification. */
export class AttachmentsAPI {
  constructor(private readonly configuration: Configuration) {}

  exchangeAttachmentAccessKey(): ApiExchangeAttachmentAccessKeyRequest {
    return new ApiExchangeAttachmentAccessKeyRequest(this.configuration, {});
  }
}
