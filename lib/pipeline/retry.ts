import { isLeft } from 'fp-ts/lib/Either.js';
import type { HttpHeaders } from '../http/response.js';
import type { AttemptOutcome } from '../http/exchange.js';

// When to try again, and how long to wait first: pure functions of the attempt's outcome, so the
// rules are tested without any HTTP (the randomness and the clock are parameters).

/** Statuses that say "try again later" rather than "this request is wrong". */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

export interface Backoff {
  readonly retryBaseDelayMs: number;
  readonly retryMaxDelayMs: number;
}

export interface RetrySettings extends Backoff {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** The longest Retry-After honoured; a longer one is capped to it. */
  readonly maxRetryAfterMs: number;
  /** When set, the latest moment (`now()` ms) a retry may be sent: a later one is not made. */
  readonly deadline?: number;
}

/**
 * How long to wait before attempt `attempt + 1`, or `undefined` to stop here. What may have
 * reached the server is sent again only when the operation is idempotent; a failure that proves
 * the request never left (a refused connection) is retried for any operation.
 */
export const retryDelay = (
  outcome: AttemptOutcome,
  operation: { readonly idempotent: boolean },
  attempt: number,
  settings: RetrySettings,
  random: () => number = Math.random,
  now: () => number = Date.now,
): number | undefined => {
  if (attempt > settings.maxRetries) return undefined;
  const delay = delayBeforeRetry(outcome, operation, attempt, settings, random, now);
  const { deadline } = settings;
  return delay !== undefined && deadline !== undefined && now() + delay > deadline
    ? undefined
    : delay;
};

const delayBeforeRetry = (
  outcome: AttemptOutcome,
  operation: { readonly idempotent: boolean },
  attempt: number,
  settings: RetrySettings,
  random: () => number,
  now: () => number,
): number | undefined => {
  if (isLeft(outcome)) {
    const failure = outcome.left;
    if (failure.kind === 'abort') return undefined;
    const safe =
      failure.kind === 'network'
        ? failure.code !== 'ResponseTooLarge' &&
          (operation.idempotent || !failure.mayHaveReachedServer)
        : operation.idempotent;
    return safe ? backoffMs(attempt, settings, random) : undefined;
  }
  const { status, headers } = outcome.right;
  if (!operation.idempotent || !RETRYABLE_STATUSES.has(status)) return undefined;
  return (
    retryAfterMs(headers, settings.maxRetryAfterMs, now()) ?? backoffMs(attempt, settings, random)
  );
};

/** Exponential backoff with full jitter: uniform in [0, min(max, base·2^(retry-1))]. */
const backoffMs = (
  retry: number,
  { retryBaseDelayMs, retryMaxDelayMs }: Backoff,
  random: () => number = Math.random,
): number => random() * Math.min(retryMaxDelayMs, retryBaseDelayMs * 2 ** (retry - 1));

/**
 * The server's Retry-After, in ms: delta-seconds or an HTTP date. `undefined` when absent or
 * unreadable; never negative; capped at `maxMs`.
 */
export const retryAfterMs = (
  headers: HttpHeaders,
  maxMs: number,
  now: number = Date.now(),
): number | undefined => {
  const raw = headers['retry-after'];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (value === undefined || value === '') return undefined;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(value)) ms = Number(value) * 1000;
  else {
    // An HTTP date names its month; without that check Date.parse reads "-3" as a year.
    const date = /[a-z]{3}/i.test(value) ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(date)) return undefined;
    ms = date - now;
  }
  return Math.min(Math.max(0, ms), maxMs);
};
