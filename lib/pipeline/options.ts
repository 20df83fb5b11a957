import { lowerCaseKeys, type Settings } from '../configuration/configuration.js';
import type { AccessToken } from '../configuration/parameters.js';
import type { RetrySettings } from './retry.js';
import { isRecord } from '../schema/codecs.js';

// Per-request options (the ones the Go SDK carries in its context), their checks, and how they
// combine with the configuration's defaults.

/** Per-request settings, the ones the Go SDK carries in its context. */
export interface RequestOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  readonly accessToken?: AccessToken;
  /** Extra headers, names lower-case; they win over the configuration's default headers. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly maxRetries?: number;
  /**
   * No setter sets it: a helper that runs calls under a deadline of its own (waitForSession's
   * maxWait) does. The latest moment, in `Date.now()` ms, a retry may be sent: a retry whose wait
   * would end later is not made, and the answer that asked for it is the call's result.
   */
  readonly retryDeadline?: number;
}

export const NO_OPTIONS: RequestOptions = {};

const NO_PROBLEMS: readonly string[] = [];

// Duck-typed, not `instanceof AbortSignal`: a signal may come from another realm (a test runner's
// VM context, a polyfill), where instanceof is false.
const isAbortSignal = (u: unknown): u is AbortSignal =>
  typeof u === 'object' &&
  u !== null &&
  'aborted' in u &&
  typeof u.aborted === 'boolean' &&
  'addEventListener' in u &&
  typeof u.addEventListener === 'function' &&
  'removeEventListener' in u &&
  typeof u.removeEventListener === 'function';

/**
 * The options with one setter's `changes` applied; headers merge with those set before, names
 * lower-cased. Every builder's setters (and waitForSession's) go through here.
 */
export const withOptions = (before: RequestOptions, changes: RequestOptions): RequestOptions => {
  if (!('headers' in changes)) return { ...before, ...changes };
  const { headers } = changes;
  // Something that is not an object (a JavaScript caller's null) is kept as it came, for the
  // send path to refuse with a clear problem rather than a setter that throws.
  const merged =
    isRecord(headers) && (before.headers === undefined || isRecord(before.headers))
      ? { ...before.headers, ...lowerCaseKeys(headers) }
      : headers;
  return { ...before, ...changes, headers: merged };
};

/** What is wrong with the options, one line per problem; none for the common case. */
export const checkOptions = (options: RequestOptions): readonly string[] => {
  const { timeoutMs, maxRetries, signal, headers } = options;
  const common = timeoutMs === undefined && maxRetries === undefined && headers === undefined;
  if (common && signal === undefined && !('accessToken' in options)) return NO_PROBLEMS;
  const problems: string[] = [];
  // Set to nothing, it would fall back to the configuration's token: another identity than the
  // caller meant to use (a per-user token read from somewhere that had none).
  if ('accessToken' in options && options.accessToken == null) {
    problems.push(
      `accessToken: must be a token or a function that returns one, not ${String(options.accessToken)} ` +
        "(to use the configuration's token, do not set one)",
    );
  }
  // Plain JavaScript callers are not held to the types: each option is checked as it came.
  if (signal !== undefined && !isAbortSignal(signal)) {
    problems.push('signal: must be an AbortSignal (pass controller.signal, not the controller)');
  }
  if (headers !== undefined && !isRecord(headers)) {
    problems.push('headers: must be an object of header names to string values');
  }
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    problems.push('timeout: must be a positive number of milliseconds');
  }
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && maxRetries >= 0)) {
    problems.push('maxRetries: must be a whole number ≥ 0');
  }
  return problems;
};

/** The timeout of each attempt: the request's own, else the configuration's. */
export const timeoutOf = (config: Settings, options: RequestOptions): number =>
  options.timeoutMs ?? config.timeoutMs;

/** The retry settings of a request: the configuration's, with the request's own maxRetries. */
export const retrySettingsOf = (config: Settings, options: RequestOptions): RetrySettings => {
  const { maxRetries, retryDeadline } = options;
  if (maxRetries === undefined && retryDeadline === undefined) return config;
  const settings = { ...backoffOf(config), maxRetries: maxRetries ?? config.maxRetries };
  return retryDeadline === undefined ? settings : { ...settings, deadline: retryDeadline };
};

const backoffOf = ({ retryBaseDelayMs, retryMaxDelayMs, maxRetryAfterMs }: Settings) => ({
  retryBaseDelayMs,
  retryMaxDelayMs,
  maxRetryAfterMs,
});
