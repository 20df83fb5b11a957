import { ABORT, TIMEOUT, type AttemptOutcome, type ExchangeRequest } from './exchange.js';
import { startTimer } from './timers.js';

// What both transports do around one exchange, whatever carries it: settle once, at the first of
// the answer, the timeout and the caller's abort; on the last two, cancel the exchange too; leave
// no timer or listener behind.

/** One exchange's settlement, as a transport drives it. */
export interface Attempt {
  /** Resolves the exchange's promise, the first time only; clears the timer and the listener. */
  readonly settle: (outcome: AttemptOutcome) => void;
  /** Whether the exchange is settled (by its answer, its timeout or the caller's abort). */
  readonly isSettled: () => boolean;
}

/**
 * Starts the timeout and listens for the caller's abort; either settles first, then calls
 * `cancel` to stop the exchange. Undefined, and resolved with the abort, when the caller's signal
 * is already aborted: nothing may be sent then.
 */
export const startAttempt = (
  request: Pick<ExchangeRequest, 'signal' | 'timeoutMs'>,
  resolve: (outcome: AttemptOutcome) => void,
  cancel: () => void,
): Attempt | undefined => {
  const { signal } = request;
  if (signal?.aborted) {
    resolve(ABORT);
    return undefined;
  }
  let settled = false;
  const settle = (outcome: AttemptOutcome) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    resolve(outcome);
  };
  // Settles first, so that the error the cancellation raises in the transport is ignored.
  const stop = (outcome: AttemptOutcome) => {
    settle(outcome);
    cancel();
  };
  const onAbort = () => {
    stop(ABORT);
  };
  const timer = startTimer(stop, request.timeoutMs, TIMEOUT);
  signal?.addEventListener('abort', onAbort, { once: true });
  return { settle, isSettled: () => settled };
};
