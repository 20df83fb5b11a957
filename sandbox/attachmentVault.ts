import { left, right } from 'fp-ts/lib/Either.js';
import type { Attachments } from '../models/index.js';
import { ATTACHMENT_IMAGES, type AttachmentKind, type Image } from './images.js';
import { newToken } from './secrets.js';
import { invalid, type StoreResult } from './storeErrors.js';

// Attachment access keys: issued at a successful completion, exchanged for image bytes (after
// `pending` answers of 202), deleted with their Session's identity data.

export type AttachmentAnswer =
  | { readonly kind: 'ready'; readonly image: Image }
  | { readonly kind: 'pending'; readonly retryAfterSeconds: number };

interface AttachmentRecord {
  readonly kind: AttachmentKind;
  pendingExchanges: number;
}

export class AttachmentVault {
  private readonly attachments = new Map<string, AttachmentRecord>();
  /** Keys removed by a redaction or a cancel, so their exchange can say so. */
  private readonly deleted = new Set<string>();

  constructor(private readonly retryAfterSeconds: number) {}

  clear(): void {
    this.attachments.clear();
    this.deleted.clear();
  }

  /** New keys, one per kind; each answers 202 `pending` times before its bytes. */
  issue(kinds: readonly AttachmentKind[], pending: number): Attachments {
    const keys: Attachments = {};
    for (const kind of kinds) {
      const key = newToken('ak');
      keys[kind] = key;
      this.attachments.set(key, { kind, pendingExchanges: pending });
    }
    return keys;
  }

  delete(keys: readonly string[]): void {
    for (const key of keys) {
      this.attachments.delete(key);
      this.deleted.add(key);
    }
  }

  exchange(key: string): StoreResult<AttachmentAnswer> {
    const attachment = this.attachments.get(key);
    if (attachment === undefined) {
      return left(
        invalid(
          'AttachmentAccessKey',
          this.deleted.has(key)
            ? "The attachment was deleted with its Session's identity data (redacted or canceled)"
            : 'The Attachment Access Key is not valid',
        ),
      );
    }
    if (attachment.pendingExchanges > 0) {
      attachment.pendingExchanges--;
      return right({ kind: 'pending', retryAfterSeconds: this.retryAfterSeconds });
    }
    return right({ kind: 'ready', image: ATTACHMENT_IMAGES[attachment.kind] });
  }
}
