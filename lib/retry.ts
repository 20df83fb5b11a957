import type { HttpHeaders } from './http/response.js';

// When to try again, and how long to wait first.

/** Statuses that say "try again later" rather than "this request is wrong". */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

export interface Backoff {
  readonly retryBaseDelayMs: number;
  readonly retryMaxDelayMs: number;
}

/** Exponential backoff with full jitter: uniform in [0, min(max, base·2^(retry-1))]. */
export const backoffMs = (
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
