import { left, right } from 'fp-ts/lib/Either.js';
import type { HttpResponse } from '../../index.js';
import { MAX_TIMER_MS, timerDelay } from '../../lib/http/timers.js';
import type { ExchangeFailure } from '../../lib/http/exchange.js';
import type { AttemptOutcome } from '../../lib/http/exchange.js';
import { retryDelay, type RetrySettings } from '../../lib/pipeline/retry.js';

// The retry rules as a pure function of the outcome, the operation, the attempt and the settings:
// no HTTP, no timer. `random` and `now` are fixed so that every delay is exact.

const settings: RetrySettings = {
  maxRetries: 2,
  retryBaseDelayMs: 500,
  retryMaxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};
const IDEMPOTENT = { idempotent: true };
const NOT_IDEMPOTENT = { idempotent: false };
const NOW = Date.parse('2026-11-30T12:00:00Z');
const half = () => 0.5;
const now = () => NOW;

const answer = (status: number, headers: HttpResponse['headers'] = {}): AttemptOutcome =>
  right({ status, headers, body: new Uint8Array() });
const failure = (f: ExchangeFailure): AttemptOutcome => left(f);
const refused = failure({
  kind: 'network',
  code: 'ECONNREFUSED',
  detail: '',
  mayHaveReachedServer: false,
});
const reset = failure({
  kind: 'network',
  code: 'ECONNRESET',
  detail: '',
  mayHaveReachedServer: true,
});

const delay = (
  outcome: AttemptOutcome,
  operation = IDEMPOTENT,
  attempt = 1,
  with_: Partial<RetrySettings> = {},
) => retryDelay(outcome, operation, attempt, { ...settings, ...with_ }, half, now);

describe('what stops', () => {
  test.each([200, 201, 202, 204, 400, 401, 403, 404, 409, 422])('HTTP %i', (status) => {
    expect(delay(answer(status))).toBeUndefined();
  });

  test('an abort, whatever else', () => {
    expect(delay(failure({ kind: 'abort' }))).toBeUndefined();
  });

  test('an answer too large: sending again would bring the same', () => {
    const tooLarge = failure({
      kind: 'network',
      code: 'ResponseTooLarge',
      detail: '',
      mayHaveReachedServer: true,
    });

    expect(delay(tooLarge)).toBeUndefined();
  });

  test('the last allowed attempt', () => {
    expect(delay(answer(503), IDEMPOTENT, 3)).toBeUndefined();
    expect(delay(answer(503), IDEMPOTENT, 1, { maxRetries: 0 })).toBeUndefined();
  });

  test('what may have reached the server, for an operation that is not idempotent', () => {
    expect(delay(answer(503), NOT_IDEMPOTENT)).toBeUndefined();
    expect(delay(reset, NOT_IDEMPOTENT)).toBeUndefined();
    expect(delay(failure({ kind: 'timeout' }), NOT_IDEMPOTENT)).toBeUndefined();
  });
});

describe('what is retried, and after how long', () => {
  test.each([408, 429, 500, 502, 503, 504])('HTTP %i: full-jitter backoff', (status) => {
    expect(delay(answer(status), IDEMPOTENT, 1)).toBe(250);
    expect(delay(answer(status), IDEMPOTENT, 2)).toBe(500);
  });

  test('the backoff range doubles per retry up to its ceiling', () => {
    const many = { maxRetries: 10 };

    expect([1, 2, 3, 4, 5, 6, 7].map((n) => delay(reset, IDEMPOTENT, n, many))).toStrictEqual([
      250, 500, 1_000, 2_000, 4_000, 4_000, 4_000,
    ]);
  });

  test('a refused connection, for any operation: the request never left', () => {
    expect(delay(refused, NOT_IDEMPOTENT)).toBe(250);
  });

  test('Retry-After in seconds wins over the backoff, capped by maxRetryAfterMs', () => {
    expect(delay(answer(429, { 'retry-after': '3' }))).toBe(3_000);
    expect(delay(answer(429, { 'retry-after': '3600' }))).toBe(60_000);
  });

  test('Retry-After as an HTTP date, measured from now; a past date is no wait', () => {
    expect(delay(answer(503, { 'retry-after': 'Mon, 30 Nov 2026 12:00:07 GMT' }))).toBe(7_000);
    expect(delay(answer(503, { 'retry-after': 'Mon, 30 Nov 2026 11:00:00 GMT' }))).toBe(0);
  });

  test('an unreadable Retry-After falls back to the backoff', () => {
    expect(delay(answer(503, { 'retry-after': 'soon' }))).toBe(250);
    expect(delay(answer(503, { 'retry-after': '-3' }))).toBe(250);
  });
});

describe('timer bounds', () => {
  test('a delay past 2³¹−1 ms waits the longest a timer can, never less', () => {
    expect(timerDelay(Number.MAX_SAFE_INTEGER)).toBe(MAX_TIMER_MS);
    expect(timerDelay(Number.POSITIVE_INFINITY)).toBe(MAX_TIMER_MS);
    expect(timerDelay(30 * 24 * 3_600_000)).toBe(MAX_TIMER_MS);
    expect(timerDelay(1_500)).toBe(1_500);
    expect(timerDelay(-5)).toBe(0);
  });
});
