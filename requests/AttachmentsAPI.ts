import type { Configuration } from '../lib/configuration.js';
import {
  ApiExchangeAttachmentAccessKeyRequest,
  exchangeAttachmentAccessKey,
} from './attachments/exchangeAttachmentAccessKey.js';
import { startRequest } from './connect.js';

/** The Attachments API: document and selfie images of a verification. */
export class AttachmentsAPI {
  constructor(private readonly configuration: Configuration) {}

  exchangeAttachmentAccessKey(): ApiExchangeAttachmentAccessKeyRequest {
    return new ApiExchangeAttachmentAccessKeyRequest(
      startRequest(this.configuration, exchangeAttachmentAccessKey, {}),
    );
  }
}
