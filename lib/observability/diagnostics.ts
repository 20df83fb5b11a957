import { isLeft } from 'fp-ts/lib/Either.js';
import type { RequestError } from '../pipeline/errors.js';
import { failureLabel, type AttemptOutcome } from '../http/exchange.js';
import type { ResultOf } from '../pipeline/outcome.js';
import { channelNamed, tracingChannelNamed } from '../http/channels.js';

// What the client does, published on Node's diagnostics_channel, as undici publishes its own: a
// TracingChannel per call and a plain channel per attempt. Only what describes the request's
// shape goes out (operation, method, path template, attempt, status, codes, durations): never
// the expanded path (a phone number may be in it), a query, a header, a body or a message. With
// no subscriber, the send path pays one `hasSubscribers` check and builds nothing.

/** The channels' names, for `diagnostics_channel.tracingChannel(…)` and `.subscribe(…)`. */
export const DIAGNOSTICS_CHANNELS = {
  /** A TracingChannel: `tracing:trinsic-connect:request:start` (and `end`, `asyncStart`, …). */
  request: 'trinsic-connect:request',
  /** A plain channel: one `AttemptEvent` per attempt, retries included. */
  attempt: 'trinsic-connect:attempt',
} as const;

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

/** An operation as the channels describe it. */
interface Described {
  readonly name: string;
  readonly method: string;
  readonly path: string;
}

// Held here for the life of the process: Node keeps channels weakly, and a subscriber must
// find these very objects by name.
const requests = tracingChannelNamed<RequestTraceContext>(DIAGNOSTICS_CHANNELS.request);
const attempts = channelNamed(DIAGNOSTICS_CHANNELS.attempt);

/** Whether anyone listens to calls; when not, the send path must not call `traceCall`. */
export const callsObserved = (): boolean => requests.hasSubscribers;

/** Whether anyone listens to attempts; when not, the send path must not call `publishAttempt`. */
export const attemptsObserved = (): boolean => attempts.hasSubscribers;

/**
 * Runs one call under the request channel. `run` never rejects (the send path's promise), so the
 * settled events are published from its result: a Left is the `error` event.
 */
export const traceCall = <T, M>(
  operation: Described,
  run: () => Promise<ResultOf<T, M>>,
): Promise<ResultOf<T, M>> => {
  const context: RequestTraceContext = {
    operation: operation.name,
    method: operation.method,
    path: operation.path,
  };
  const started = performance.now();
  // runStores: a store bound to `start` (an AsyncLocalStorage) holds for the whole call, so an
  // attempt subscriber can find the span its call subscriber opened.
  return requests.start.runStores(context, () => {
    let pending: Promise<ResultOf<T, M>>;
    try {
      pending = run();
    } finally {
      requests.end.publish(context);
    }
    return pending.then((result) => {
      const durationMs = performance.now() - started;
      settle(() => {
        context.durationMs = durationMs;
      });
      if (isLeft(result)) {
        const error = failureOf(result.left);
        settle(() => {
          context.error = error;
        });
        requests.error.publish(context);
      } else {
        const settled = { status: result.right.response.status, attempts: result.right.attempts };
        settle(() => {
          context.result = settled;
        });
      }
      requests.asyncStart.publish(context);
      requests.asyncEnd.publish(context);
      return result;
    });
  });
};

/**
 * Writes settled fields onto the context, which subscribers have had since `start`: one may have
 * frozen or sealed it, or put a throwing setter in the way. Their choice costs them the field,
 * never the call its result (`publish` already keeps a subscriber's exception from us).
 */
const settle = (write: () => void): void => {
  try {
    write();
  } catch {
    // The context is no longer ours to write; the call's result does not depend on it.
  }
};

const failureOf = (error: RequestError<unknown>): RequestFailure => {
  const { _tag: name, attempts: tries } = error;
  switch (error._tag) {
    case 'HttpError':
      return { name, message: `${name} ${error.status}`, status: error.status, attempts: tries };
    case 'DecodeError':
      return {
        name,
        message: `${name} (HTTP ${error.response.status})`,
        status: error.response.status,
        attempts: tries,
      };
    case 'NetworkError':
      return { name, message: `${name} ${error.code}`, code: error.code, attempts: tries };
    default:
      return { name, message: name, attempts: tries };
  }
};

/** Publishes one attempt; `startedAt` is its `performance.now()` when it was sent. */
export const publishAttempt = (
  operation: Described,
  attempt: number,
  maxAttempts: number,
  outcome: AttemptOutcome,
  startedAt: number,
  retryDelayMs: number | undefined,
): void => {
  // A subscriber that arrived while the attempt was under way has no start time to go by.
  const durationMs = startedAt > 0 ? performance.now() - startedAt : 0;
  const { name, method, path } = operation;
  const base = { operation: name, method, path, attempt, maxAttempts, durationMs };
  let event: AttemptEvent;
  if (isLeft(outcome)) {
    event = { ...base, failure: failureLabel(outcome.left) };
  } else {
    event = { ...base, status: outcome.right.status };
  }
  attempts.publish(retryDelayMs === undefined ? event : { ...event, retryDelayMs });
};
