import type * as t from 'io-ts';
import { listOf } from '../lib/schema/codecs.js';
import { FailureMessage, ValidationResult } from '../models/index.js';

// An answer as data: handlers return one, the server writes it. JSON answers are encoded through
// the SDK's codecs, which keep only the properties the spec names: the sandbox cannot send
// what the models do not describe.

export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array;
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export const jsonReply = <C extends t.Mixed>(
  status: number,
  codec: C,
  value: t.TypeOf<C>,
  headers: Readonly<Record<string, string>> = {},
): Reply => ({
  status,
  headers: { 'content-type': JSON_CONTENT_TYPE, ...headers },
  body: JSON.stringify(codec.encode(value)),
});

/** A JSON `{ message }`: the FailureMessage shape, of every error but a validation failure. */
export const messageReply = (
  status: number,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): Reply => jsonReply(status, FailureMessage, { message }, headers);

/** Any JSON value, as given (an injected fault's own body). */
export const jsonValueReply = (
  status: number,
  value: unknown,
  headers: Readonly<Record<string, string>> = {},
): Reply => ({
  status,
  headers: { 'content-type': JSON_CONTENT_TYPE, ...headers },
  body: JSON.stringify(value),
});

const ValidationResults = listOf(ValidationResult);

export const validationReply = (results: readonly ValidationResult[]): Reply =>
  jsonReply(400, ValidationResults, [...results]);

export const bytesReply = (contentType: string, bytes: Uint8Array): Reply => ({
  status: 200,
  headers: { 'content-type': contentType },
  body: bytes,
});

export const emptyReply = (
  status: number,
  headers: Readonly<Record<string, string>> = {},
): Reply => ({
  status,
  headers,
  body: '',
});

/**
 * An HTML page under a strict Content-Security-Policy: nothing loads but the page's own inline
 * style and script (those carrying `nonce`) and data: images; it may only call its own origin.
 * No referrer leaves it, so a launch URL's client token never reaches the site it returns to.
 */
/** `frameAncestors`: the origins that may frame the page; none by default. */
export const htmlReply = (
  status: number,
  html: string,
  nonce: string,
  frameAncestors: readonly string[] = [],
): Reply => ({
  status,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src 'nonce-${nonce}'`,
      'img-src data:',
      "connect-src 'self'",
      "form-action 'none'",
      "base-uri 'none'",
      `frame-ancestors ${frameAncestors.length === 0 ? "'none'" : frameAncestors.join(' ')}`,
    ].join('; '),
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  },
  body: html,
});
