import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

// Identifiers and secrets the sandbox hands out, and how it compares a secret it is given.

export const newSessionId = (): string => randomUUID();

/** An opaque random token with a prefix that says what it is: `rk_…` results key, `ak_…` … */
export const newToken = (prefix: string): string =>
  `${prefix}_${randomBytes(24).toString('base64url')}`;

export const newApiKey = (): string => newToken('sk_sandbox');

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Compares digests, so the time taken says nothing about how much of a secret matched. */
export const sameSecret = (given: string, expected: string): boolean =>
  timingSafeEqual(digest(given), digest(expected));
