import { left } from 'fp-ts/lib/Either.js';
import type { BuilderState } from '../../lib/pipeline/builder.js';
import type { AccessToken } from '../../lib/configuration/parameters.js';
import { internalError, invalidRequest } from '../../lib/pipeline/errors.js';
import { checkOptions, withOptions, type RequestOptions } from '../../lib/pipeline/options.js';
import { send } from '../../lib/pipeline/send.js';
import type { GetSessionResponse } from '../../models/GetSessionResponse.js';
import type { HttpErrorModel, Result } from '../connect.js';
import type { GetSessionParams } from './getSession.js';
import { realTiming, type Timing } from './timing.js';
import {
  WAIT_DEFAULTS,
  WAIT_OPERATION,
  waitUntilFinal,
  type Poll,
  type SessionUpdate,
} from './waiting.js';

/** getSession of the Session waited for, as its builder starts. */
type GetSessionRequest = BuilderState<GetSessionParams, GetSessionResponse, HttpErrorModel>;

interface WaitState {
  readonly request: GetSessionRequest;
  /** The per-request options of every poll, set and checked as every builder's are. */
  readonly options: RequestOptions;
  readonly timing: Timing;
  readonly pollIntervalMs: number;
  readonly maxWaitMs: number;
  readonly onUpdate: SessionUpdate | undefined;
}

/**
 * Polls `getSession` until the Session is final (`IdvSuccess` or `IdvFailed`; a failed Session
 * is a successful wait). Immutable, like every builder: each setter returns a new one.
 *
 * Defaults: the first wait between polls is 2 s (`pollInterval`); while the state stays the same
 * each wait is 1.5 × the one before, up to 30 s (or the poll interval, if longer), and a change
 * of state starts again from the poll interval; each wait is drawn from [w, 1.25 × w] so that
 * many waiters drift apart. `maxWait` is 10 minutes, a hard limit, polls included: the last poll
 * is timed to be over by then, and a poll still in flight at that moment is cut short.
 *
 * Each poll is one getSession call with its usual retries (and their Retry-After), none of which
 * waits past `maxWait`. When a poll still ends in HTTP 429 or 503, the wait goes on, after the
 * answer's Retry-After (capped by the configuration's `maxRetryAfterMs`) if it is longer than
 * the next wait; a Retry-After that reaches past `maxWait` ends the wait at once, whatever
 * `maxRetries` is, with a TimeoutError that says so. Any other error ends the wait with it, and
 * so does an answer about another Session than the one waited for (a DecodeError).
 */
export class ApiWaitForSessionRequest {
  constructor(private readonly state: WaitState) {}

  private next(changes: Partial<WaitState>): ApiWaitForSessionRequest {
    return new ApiWaitForSessionRequest({ ...this.state, ...changes });
  }

  /** The first wait between two polls, in ms (default 2 000); later ones may grow. */
  pollInterval(ms: number): ApiWaitForSessionRequest {
    return this.next({ pollIntervalMs: ms });
  }

  /** The limit on the whole wait, in ms (default 600 000): then `TimeoutError`. */
  maxWait(ms: number): ApiWaitForSessionRequest {
    return this.next({ maxWaitMs: ms });
  }

  /**
   * Called once per change of state, the first state seen included, with the Session and how
   * far the wait has come. Not awaited; an exception in it cannot break the wait.
   */
  onUpdate(onUpdate: SessionUpdate): ApiWaitForSessionRequest {
    return this.next({ onUpdate });
  }

  private withOptions(changes: RequestOptions): ApiWaitForSessionRequest {
    return this.next({ options: withOptions(this.state.options, changes) });
  }

  /** Ends the wait at any moment, waits between polls included: `AbortError`. */
  signal(signal: AbortSignal): ApiWaitForSessionRequest {
    return this.withOptions({ signal });
  }

  /** The timeout of each poll's attempts, in ms (default: the configuration's). */
  timeout(ms: number): ApiWaitForSessionRequest {
    return this.withOptions({ timeoutMs: ms });
  }

  /** Another access token for these polls only. */
  accessToken(token: AccessToken): ApiWaitForSessionRequest {
    return this.withOptions({ accessToken: token });
  }

  /** Extra headers on each poll. */
  headers(headers: Readonly<Record<string, string>>): ApiWaitForSessionRequest {
    return this.withOptions({ headers });
  }

  /** Retries of each poll (default: the configuration's). */
  maxRetries(retries: number): ApiWaitForSessionRequest {
    return this.withOptions({ maxRetries: retries });
  }

  /**
   * Waits. Resolves to the final poll's `Right(ApiResponse<GetSessionResponse>)`, or a Left:
   * `TimeoutError` at `maxWait` (its message names the last state seen), `AbortError`, the error
   * that ended a poll, or `InvalidRequest` for a setting out of range (nothing sent). Never
   * rejects. An arrow property, so `builder.execute` is a TaskEither on its own.
   */
  readonly execute = (): Promise<Result<GetSessionResponse>> => {
    const { request, options, timing } = this.state;
    // The options are checked by the very code that checks every builder's.
    const problems = [...settingProblems(this.state), ...checkOptions(options)];
    if (problems.length > 0) return Promise.resolve(left(invalidRequest(WAIT_OPERATION, problems)));
    const { configuration, operation, params } = request;
    const poll: Poll = (signal, retryDeadline) =>
      send(configuration, operation, params, { ...options, signal, retryDeadline });
    const plan = {
      ...this.state,
      sessionId: params.sessionId,
      signal: options.signal,
      maxRetryAfterMs: configuration.maxRetryAfterMs,
    };
    return waitUntilFinal(poll, plan, timing).catch((error: unknown) =>
      // Nothing in the wait is meant to throw; should something, it is still an answer.
      left(internalError(WAIT_OPERATION, error)),
    );
  };
}

const isPositive = (ms: number) => typeof ms === 'number' && Number.isFinite(ms) && ms > 0;

const settingProblems = (state: WaitState): string[] => {
  const problems: string[] = [];
  if (!isPositive(state.pollIntervalMs)) {
    problems.push('pollInterval: must be a positive number of milliseconds');
  }
  if (!isPositive(state.maxWaitMs)) {
    problems.push('maxWait: must be a positive number of milliseconds');
  }
  if (state.onUpdate !== undefined && typeof state.onUpdate !== 'function') {
    problems.push('onUpdate: must be a function');
  }
  return problems;
};

/** A new wait for the Session that `request` gets; `timing` is real but in tests. */
export const startWait = (
  request: GetSessionRequest,
  timing: Timing = realTiming,
): ApiWaitForSessionRequest =>
  new ApiWaitForSessionRequest({
    request,
    options: request.options,
    timing,
    pollIntervalMs: WAIT_DEFAULTS.pollIntervalMs,
    maxWaitMs: WAIT_DEFAULTS.maxWaitMs,
    onUpdate: undefined,
  });
