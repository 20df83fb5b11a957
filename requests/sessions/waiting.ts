import { isLeft, left } from 'fp-ts/lib/Either.js';
import { abortError, decodeError, type TimeoutError } from '../../lib/pipeline/errors.js';
import type { ApiResponse } from '../../lib/http/response.js';
import { retryAfterMs } from '../../lib/pipeline/retry.js';
import type { GetSessionResponse } from '../../models/GetSessionResponse.js';
import type { Session } from '../../models/Session.js';
import { SessionState } from '../../models/SessionState.js';
import type { Result } from '../connect.js';
import type { Timing } from './timing.js';

// Polling getSession until the Session is final. Each poll is a whole getSession call, with its
// own retries; between polls the wait grows while nothing changes, and a "later" answer's
// Retry-After wins. `maxWait` is a hard limit on the whole, polls in flight included.

export const WAIT_OPERATION = 'SessionsAPI.WaitForSession';

/** The defaults, as documented on the builder. */
export const WAIT_DEFAULTS = {
  pollIntervalMs: 2_000,
  maxWaitMs: 600_000,
  /** The wait between polls grows by this factor while the state stays the same… */
  growth: 1.5,
  /** …up to this (or the poll interval, if longer)… */
  maxIntervalMs: 30_000,
  /** …and each wait is drawn from [wait, wait × (1 + jitter)], so waiters drift apart. */
  jitter: 0.25,
} as const;

/**
 * Statuses by which a server says "later": after the poll's own retries, the wait goes on (after
 * the answer's Retry-After, if any) instead of failing. Any other error ends the wait.
 */
const LATER = new Set([429, 503]);

/** How far the wait has come, as `onUpdate` is told. */
export interface WaitProgress {
  /** Polls made so far, this one included. */
  readonly polls: number;
  /** Since `execute()` was called, in ms. */
  readonly elapsedMs: number;
}

/**
 * Told each new state. What it returns is ignored (a promise is not awaited); an exception in it,
 * or a rejection of its promise, is swallowed: it cannot break the wait.
 */
export type SessionUpdate = (session: Session, progress: WaitProgress) => unknown;

export interface WaitPlan {
  /** The Session waited for: an answer about any other ends the wait. */
  readonly sessionId: string | undefined;
  readonly pollIntervalMs: number;
  readonly maxWaitMs: number;
  readonly onUpdate: SessionUpdate | undefined;
  readonly signal: AbortSignal | undefined;
  /** The configuration's cap on a Retry-After. */
  readonly maxRetryAfterMs: number;
}

/**
 * One getSession call, cut short when `signal` aborts, making no retry after `retryDeadline`
 * (`Date.now()` ms): its own retries must not sit out a Retry-After past maxWait.
 */
export type Poll = (
  signal: AbortSignal,
  retryDeadline: number,
) => Promise<Result<GetSessionResponse>>;

const isFinal = (state: SessionState): boolean =>
  state === SessionState.IdvSuccess || state === SessionState.IdvFailed;

/** Polls until the Session is final, an error ends it, the caller aborts, or maxWait passes. */
export const waitUntilFinal = async (
  poll: Poll,
  plan: WaitPlan,
  timing: Timing,
): Promise<Result<GetSessionResponse>> => {
  const started = timing.now();
  const deadline = started + plan.maxWaitMs;
  const caller = plan.signal;
  // One signal for both ends, the caller's abort and maxWait; `ended` tells which it was.
  const stop = new AbortController();
  const onAbort = () => {
    stop.abort();
  };
  caller?.addEventListener('abort', onAbort, { once: true });
  const stopped = () => stop.signal.aborted;
  const cancelDeadline = timing.after(plan.maxWaitMs, onAbort);
  let polls = 0;
  let sent = 0;
  let lastState: SessionState | undefined;
  const ended = (why?: string) =>
    left(
      caller?.aborted
        ? abortError(WAIT_OPERATION, sent)
        : timedOut(plan.maxWaitMs, lastState, polls, sent, why),
    );
  try {
    const cap = Math.max(plan.pollIntervalMs, WAIT_DEFAULTS.maxIntervalMs);
    let base = plan.pollIntervalMs;
    for (;;) {
      if (caller?.aborted || stopped() || timing.now() >= deadline) return ended();
      const pollStarted = timing.now();
      // The deadline in the poll's clock (Date.now), however the wait's own clock runs.
      const result = await poll(stop.signal, Date.now() + (deadline - pollStarted));
      const pollMs = timing.now() - pollStarted;
      polls++;
      sent += isLeft(result) ? result.left.attempts : result.right.attempts;
      let laterMs = 0;
      if (isLeft(result)) {
        const error = result.left;
        // Cut short by the caller or by maxWait (an AbortError), or failed as it happened.
        if (stopped()) return ended();
        if (error._tag !== 'HttpError' || !LATER.has(error.status)) return result;
        laterMs = retryAfterMs(error.response.headers, plan.maxRetryAfterMs, Date.now()) ?? 0;
      } else {
        const { session } = result.right.data;
        if (session.id !== plan.sessionId) return anotherSession(result.right);
        if (session.state !== lastState) {
          lastState = session.state;
          base = plan.pollIntervalMs;
          notify(plan.onUpdate, session, { polls, elapsedMs: timing.now() - started });
        }
        // A final answer that came as maxWait passed is still the answer; not after an abort.
        if (isFinal(session.state)) return caller?.aborted ? ended() : result;
      }
      if (stopped()) return ended();
      // The last poll is timed to be over by the deadline, going by how long this one took.
      const room = deadline - timing.now() - 2 * pollMs;
      if (laterMs > 0 && laterMs >= room) {
        return ended(`the server asked to wait ${Math.ceil(laterMs / 1000)} s more (Retry-After)`);
      }
      if (room <= 0) return ended();
      const paced = base * (1 + WAIT_DEFAULTS.jitter * timing.random());
      base = Math.min(cap, base * WAIT_DEFAULTS.growth);
      if (!(await timing.sleep(Math.min(Math.max(paced, laterMs), room), stop.signal))) {
        return ended();
      }
    }
  } finally {
    cancelDeadline();
    caller?.removeEventListener('abort', onAbort);
  }
};

const timedOut = (
  maxWaitMs: number,
  lastState: SessionState | undefined,
  polls: number,
  attempts: number,
  why: string | undefined,
): TimeoutError => ({
  _tag: 'TimeoutError',
  message:
    `${WAIT_OPERATION}: the session was not final within maxWait (${maxWaitMs} ms)` +
    `${why === undefined ? '' : `: ${why}`}; last state seen: ${lastState ?? 'none'}` +
    ` (${polls} ${polls === 1 ? 'poll' : 'polls'})`,
  timeoutMs: maxWaitMs,
  attempts,
});

// The answer to a poll must be about the Session waited for; one about another (a proxy's cache
// gone wrong, a server's bug) would report that Session's state as this one's. Neither id is
// put in the message: an id is the caller's to show.
const anotherSession = ({ response, attempts }: ApiResponse<GetSessionResponse>) =>
  left(
    decodeError(
      WAIT_OPERATION,
      ['session.id: the answer is about another Session than the one waited for'],
      response,
      attempts,
    ),
  );

const notify = (onUpdate: SessionUpdate | undefined, session: Session, progress: WaitProgress) => {
  if (onUpdate === undefined) return;
  try {
    // Any thenable, from any realm: its rejection must not surface as an unhandled one.
    Promise.resolve(onUpdate(session, progress)).catch(() => undefined);
  } catch {
    // The caller's callback failing is the caller's business; the wait goes on.
  }
};
