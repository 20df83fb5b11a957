import type { Dispatcher } from 'undici';
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { decompress } from './decompress.js';
import type { DispatchTarget } from './dispatcher.js';
import type { HttpHeaders, HttpResponse } from './response.js';
import { startTimer } from './timers.js';

// One HTTP exchange through an undici Dispatcher: send, receive the whole body within a size cap,
// decompress. It never throws; every way it can fail is a value the retry loop can reason about.
//
// It speaks to `dispatcher.dispatch()` directly rather than through `undici.request()`: the body
// arrives as chunks in a handler instead of through a stream and an async iterator, and no
// AbortController is made per request. Per call that is most of the SDK's cost over the socket.

export interface Exchange {
  /** `https://host:port`, with no path. */
  readonly origin: string;
  /** Path and query. */
  readonly path: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly dispatcher: DispatchTarget;
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

/** A failure in a word, for logs and events: the network code, or `timeout` / `abort`. */
export const failureLabel = (failure: ExchangeFailure): string =>
  failure.kind === 'network' ? failure.code : failure.kind;

/** What one attempt came to: a failure of the exchange, or an answer. */
export type AttemptOutcome = Either<ExchangeFailure, HttpResponse>;

// Failures that happen before a connection exists: the server saw nothing.
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const TIMEOUT: AttemptOutcome = left({ kind: 'timeout' });
const ABORT: AttemptOutcome = left({ kind: 'abort' });

const tooLarge = (max: number): AttemptOutcome =>
  left({
    kind: 'network',
    code: 'ResponseTooLarge',
    detail: `the answer is larger than maxResponseBytes (${max} bytes)`,
    mayHaveReachedServer: true,
  });

export const exchange = (ex: Exchange): Promise<AttemptOutcome> =>
  new Promise((resolve) => {
    if (ex.signal?.aborted) {
      resolve(ABORT);
      return;
    }
    let controller: Dispatcher.DispatchController | undefined;
    let settled = false;
    let status = 0;
    let headers: HttpHeaders = {};
    let size = 0;
    const chunks: Buffer[] = [];

    const settle = (outcome: AttemptOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ex.signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    // Settles first, so that the error the abort raises in the handler is ignored.
    const stop = (outcome: AttemptOutcome) => {
      settle(outcome);
      controller?.abort(new Error('the SDK stopped the exchange'));
    };
    // From inside a handler callback the abort waits for the callback to return: undici's parser
    // may still be delivering the same message, and an abort in mid-delivery trips its asserts.
    let ended = false;
    const stopFromHandler = (outcome: AttemptOutcome) => {
      settle(outcome);
      queueMicrotask(() => {
        if (!ended) controller?.abort(new Error('the SDK stopped the exchange'));
      });
    };
    const onAbort = () => {
      stop(ABORT);
    };
    const timer = startTimer(stop, ex.timeoutMs, TIMEOUT);
    ex.signal?.addEventListener('abort', onAbort, { once: true });

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(started) {
        controller = started;
        // The timeout or the caller's abort came while the request waited for a connection.
        if (settled) started.abort(new Error('the SDK stopped the exchange'));
      },
      onResponseStart(_controller, statusCode, responseHeaders) {
        status = statusCode;
        headers = responseHeaders;
        if (Number(responseHeaders['content-length']) > ex.maxResponseBytes) {
          stopFromHandler(tooLarge(ex.maxResponseBytes));
        }
      },
      onResponseData(_controller, chunk) {
        if (settled) return;
        size += chunk.length;
        if (size > ex.maxResponseBytes) stopFromHandler(tooLarge(ex.maxResponseBytes));
        else chunks.push(chunk);
      },
      onResponseEnd() {
        ended = true;
        if (settled) return;
        const raw = chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, size);
        try {
          const body = decompress(headers['content-encoding'], raw, ex.maxResponseBytes);
          settle(right({ status, headers, body }));
        } catch (error) {
          settle(
            codeOf(error) === 'ERR_BUFFER_TOO_LARGE'
              ? tooLarge(ex.maxResponseBytes)
              : failed(error),
          );
        }
      },
      onResponseError(_controller, error) {
        ended = true;
        settle(failed(error));
      },
    };
    try {
      ex.dispatcher.dispatch(
        { origin: ex.origin, path: ex.path, method: ex.method, headers: ex.headers, body: ex.body },
        handler,
      );
    } catch (error) {
      settle(failed(error));
    }
  });

const failed = (error: unknown): AttemptOutcome => {
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
const codeOf = (error: unknown): string | undefined => {
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
