import { left, type Either } from 'fp-ts/lib/Either.js';
import type { HttpResponse } from './response.js';

// What one HTTP exchange is, whichever transport carries it (undici's dispatch on Node and Deno,
// a fetch function elsewhere), and the failures it can come to: the send path above reasons about
// these values alone, so retries, timeouts and errors read the same on every runtime.

/** One request, as the send path hands it to a transport. */
export interface ExchangeRequest {
  /** `https://host:port`, with no path. */
  readonly origin: string;
  /** Path and query. */
  readonly path: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly maxResponseBytes: number;
}

export type ExchangeFailure =
  | {
      readonly kind: 'network';
      readonly code: string;
      readonly detail: string;
      /** False only when the request cannot have reached the server (refused, DNS). */
      readonly mayHaveReachedServer: boolean;
    }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'abort' };

export type AttemptOutcome = Either<ExchangeFailure, HttpResponse>;

/** Sends one request and never rejects: every way it can fail is an ExchangeFailure. */
export type Transport = (request: ExchangeRequest) => Promise<AttemptOutcome>;

/** A failure in a word, for logs and events: the network code, or `timeout` / `abort`. */
export const failureLabel = (failure: ExchangeFailure): string =>
  failure.kind === 'network' ? failure.code : failure.kind;

// Failures that happen before a connection exists: the server saw nothing. Bun names a refused
// connection in its own words.
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ConnectionRefused',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export const TIMEOUT: AttemptOutcome = left({ kind: 'timeout' });
export const ABORT: AttemptOutcome = left({ kind: 'abort' });

export const tooLarge = (max: number): AttemptOutcome =>
  left({
    kind: 'network',
    code: 'ResponseTooLarge',
    detail: `the answer is larger than maxResponseBytes (${max} bytes)`,
    mayHaveReachedServer: true,
  });

/** A thrown error as a network failure, with the most telling code found on it or its causes. */
export const failed = (error: unknown): AttemptOutcome => {
  const code = codeOf(error) ?? 'UNKNOWN';
  return left({
    kind: 'network',
    code,
    detail: messageOf(error),
    mayHaveReachedServer: !NOT_SENT.has(code),
  });
};

// undici puts the system error's code on the error or on its cause; a code that proves the
// request never left wins over a wrapper's generic one. Errors are duck-typed: they may come from
// another realm (a test runner's sandbox), where `instanceof Error` is false.
export const codeOf = (error: unknown): string | undefined => {
  let first: string | undefined;
  let e: unknown = error;
  for (let depth = 0; isObject(e) && depth < 5; depth++) {
    if (typeof e.code === 'string') {
      if (NOT_SENT.has(e.code)) return e.code;
      first ??= e.code;
    }
    e = e.cause;
  }
  return first;
};

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null;

const messageOf = (error: unknown): string =>
  isObject(error) && typeof error.message === 'string' ? error.message : String(error);
