import type { Dispatcher } from 'undici';
import { right } from 'fp-ts/lib/Either.js';
import { decompress } from './decompress.js';
import type { DispatchTarget } from './dispatcher.js';
import { startAttempt } from './attempt.js';
import { codeOf, failed, tooLarge, type AttemptOutcome, type ExchangeRequest } from './exchange.js';
import type { HttpHeaders } from './response.js';

// One HTTP exchange through an undici Dispatcher: send, receive the whole body within a size cap,
// decompress. It never throws; every way it can fail is a value the retry loop can reason about.
//
// It speaks to `dispatcher.dispatch()` directly rather than through `undici.request()`: the body
// arrives as chunks in a handler instead of through a stream and an async iterator, and no
// AbortController is made per request. Per call that is most of the SDK's cost over the socket.

/** Sends `ex` through `dispatcher`. */
export const exchange = (
  ex: ExchangeRequest,
  dispatcher: DispatchTarget,
): Promise<AttemptOutcome> =>
  new Promise((resolve) => {
    let controller: Dispatcher.DispatchController | undefined;
    // The error the cancellation raises in the handler comes after the settlement: ignored.
    const attempt = startAttempt(ex, resolve, () => {
      controller?.abort(new Error('the SDK stopped the exchange'));
    });
    if (attempt === undefined) return;
    const { settle, isSettled } = attempt;
    let status = 0;
    let headers: HttpHeaders = {};
    let size = 0;
    const chunks: Buffer[] = [];

    // From inside a handler callback the abort waits for the callback to return: undici's parser
    // may still be delivering the same message, and an abort in mid-delivery trips its asserts.
    let ended = false;
    const stopFromHandler = (outcome: AttemptOutcome) => {
      settle(outcome);
      queueMicrotask(() => {
        if (!ended) controller?.abort(new Error('the SDK stopped the exchange'));
      });
    };

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(started) {
        controller = started;
        // The timeout or the caller's abort came while the request waited for a connection.
        if (isSettled()) started.abort(new Error('the SDK stopped the exchange'));
      },
      onResponseStart(_controller, statusCode, responseHeaders) {
        status = statusCode;
        headers = responseHeaders;
        if (Number(responseHeaders['content-length']) > ex.maxResponseBytes) {
          stopFromHandler(tooLarge(ex.maxResponseBytes));
        }
      },
      onResponseData(_controller, chunk) {
        if (isSettled()) return;
        size += chunk.length;
        if (size > ex.maxResponseBytes) stopFromHandler(tooLarge(ex.maxResponseBytes));
        else chunks.push(chunk);
      },
      onResponseEnd() {
        ended = true;
        if (isSettled()) return;
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
      dispatcher.dispatch(
        { origin: ex.origin, path: ex.path, method: ex.method, headers: ex.headers, body: ex.body },
        handler,
      );
    } catch (error) {
      settle(failed(error));
    }
  });
