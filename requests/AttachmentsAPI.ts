import type { Configuration } from './Configuration.js';
import {
  ApiExchangeAttachmentAccessKeyRequest,
  exchangeAttachmentAccessKey,
} from './attachments/exchangeAttachmentAccessKey.js';
import { startRequest } from './connect.js';

/** The Attachments API: document and selfie images of a verification. */
export class AttachmentsAPI {
  constructor(private readonly configuration: Configuration) {}

  /**
   * Exchanges an Attachment Access Key for the attachment's content (or "not ready yet"):
   * `POST /api/v1/attachments/exchange`.
   */
  exchangeAttachmentAccessKey(): ApiExchangeAttachmentAccessKeyRequest {
    return new ApiExchangeAttachmentAccessKeyRequest(
      startRequest(this.configuration, exchangeAttachmentAccessKey, {}),
    );
  }
}
