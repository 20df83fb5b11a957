import { isLeft } from 'fp-ts/lib/Either.js';
import type { RequestError } from '../pipeline/errors.js';
import { failureLabel, type AttemptOutcome } from '../http/exchange.js';
import type { ResultOf } from '../pipeline/outcome.js';
import {
  channelNamed,
  tracingChannelNamed,
  type PublishChannel,
  type TraceChannels,
} from '../http/channels.js';
import type { AttemptEvent, RequestFailure, RequestTraceContext } from './events.js';

// What the client does, published on Node's diagnostics_channel, as undici publishes its own: a
// TracingChannel per call and a plain channel per attempt, under the names the service gives
// (lib/ names none). Only what describes the request's shape goes out (operation, method, path
// template, attempt, status, codes, durations): never the expanded path (a phone number may be
// in it), a query, a header, a body or a message. With no subscriber, the send path pays one
// `hasSubscribers` check and builds nothing.

/** The channels' names, as the service states them. */
export interface ChannelNames {
  /** A TracingChannel's name: `tracing:<name>:start` (and `end`, `asyncStart`, …). */
  readonly request: string;
  /** A plain channel's name: one `AttemptEvent` per attempt, retries included. */
  readonly attempt: string;
}

/** The channels a configuration's requests publish on. */
export interface Diagnostics {
  readonly calls: TraceChannels<RequestTraceContext>;
  readonly attempts: PublishChannel;
}

// Held here for the life of the process, by name: Node keeps channels weakly, and a subscriber
// must find these very objects by name. Every configuration of a service shares them.
const opened = new Map<string, Diagnostics>();

/** The channels named `names`, opened once per process. */
export const diagnosticsFor = (names: ChannelNames): Diagnostics => {
  const key = `${names.request}\n${names.attempt}`;
  let found = opened.get(key);
  if (found === undefined) {
    found = {
      calls: tracingChannelNamed<RequestTraceContext>(names.request),
      attempts: channelNamed(names.attempt),
    };
    opened.set(key, found);
  }
  return found;
};

/** An operation as the channels describe it. */
interface Described {
  readonly name: string;
  readonly method: string;
  readonly path: string;
}

/**
 * Runs one call under the request channel; only when `calls.hasSubscribers`. `run` never rejects (the send path's promise), so the
 * settled events are published from its result: a Left is the `error` event.
 */
export const traceCall = <T, M>(
  { calls: requests }: Diagnostics,
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

/** Publishes one attempt (only when `attempts.hasSubscribers`); `startedAt` is its `performance.now()` when it was sent. */
export const publishAttempt = (
  { attempts }: Diagnostics,
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
