import type { RequestError } from '../pipeline/errors.js';

// What the diagnostics channels carry (see diagnostics.ts): the shape of each message, and the
// check a typed subscriber narrows a message with.

/** What a failed call came to, as the `error` event of the request channel carries it. */
export interface RequestFailure {
  /** The error's `_tag`, e.g. `HttpError`. */
  readonly name: RequestError<unknown>['_tag'];
  /** The tag with its status or code, e.g. `HttpError 503`: nothing from the answer's body. */
  readonly message: string;
  readonly status?: number;
  /** The transport's code of a NetworkError (`ECONNREFUSED`, `ResponseTooLarge`, …). */
  readonly code?: string;
  readonly attempts: number;
}

/**
 * The context object of one call on the request TracingChannel: the same object is passed to
 * `start`, `end`, then, once the call has settled, `error` (when it ended in a Left), `asyncStart`
 * and `asyncEnd`. The fields below `path` are filled in when the call has settled.
 */
export interface RequestTraceContext {
  /** The operation's full name, e.g. `SessionsAPI.GetSession`. */
  readonly operation: string;
  readonly method: string;
  /** The spec's path template, e.g. `/api/v1/sessions/{sessionId}`; never the expanded path. */
  readonly path: string;
  /** From the call to its result, backoff waits included, in ms. */
  durationMs?: number;
  /** A success: its status and how many attempts it took. */
  result?: { readonly status: number; readonly attempts: number };
  /** A failure (a Left). */
  error?: RequestFailure;
}

/** One attempt of a call, published on the attempt channel when its outcome is known. */
export interface AttemptEvent {
  readonly operation: string;
  readonly method: string;
  /** The spec's path template; never the expanded path. */
  readonly path: string;
  /** 1 for the first try. */
  readonly attempt: number;
  /** The most attempts this call may make (its retries plus one). */
  readonly maxAttempts: number;
  /** The status answered; absent when no answer came. */
  readonly status?: number;
  /** Why no answer came: `timeout`, `abort`, or a network code (`ECONNREFUSED`, …). */
  readonly failure?: string;
  /** From sending to the end of the answer (or the failure), in ms. */
  readonly durationMs: number;
  /** The wait before the next attempt, when there is one. */
  readonly retryDelayMs?: number;
}

/**
 * Whether a message of the attempt channel is an AttemptEvent (a channel takes any message, so a
 * typed subscriber narrows with this rather than a cast).
 */
export const isAttemptEvent = (message: unknown): message is AttemptEvent =>
  typeof message === 'object' &&
  message !== null &&
  'operation' in message &&
  typeof message.operation === 'string' &&
  'attempt' in message &&
  typeof message.attempt === 'number' &&
  'durationMs' in message &&
  typeof message.durationMs === 'number';
