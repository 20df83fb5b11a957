import type { HttpHeaders } from './response.js';

// When to try again, and how long to wait first.

/** Statuses that say "try again later" rather than "this request is wrong". */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

/** Exponential backoff with full jitter: uniform in [0, min(cap, base·2^(retry-1))]. */
export const backoffMs = (retry: number, random: () => number = Math.random): number =>
  random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (retry - 1));

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
    const date = Date.parse(value);
    if (Number.isNaN(date)) return undefined;
    ms = date - now;
  }
  return Math.min(Math.max(0, ms), maxMs);
};
