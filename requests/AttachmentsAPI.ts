import { apiGroup } from './apiGroup.js';

/**
 * The Attachments API: document and selfie images of a verification. Its methods come from the
 * operations' table (requests/operations.ts).
 */
export class AttachmentsAPI extends apiGroup('AttachmentsAPI') {}
