import { SessionFailCode, SessionState } from '../models/index.js';
import { isFinal } from './lifecycle.js';
import { move, type SessionRecord } from './sessionRecord.js';

// What sandbox time does to a Session. Its state is a function of time: before any read or
// change, the store brings the Session up to the current sandbox time with `settle`, which enters
// every state that is due, at the time it was due. Every read at one moment sees the same state,
// and `updated` is never later than sandbox time.

/** After a completion, the Session enters its next state once per interval of sandbox time. */
export const STEP_INTERVAL_MS = 1_000;

/** A Session nobody finishes (or cancels) fails with SessionFailExpired this long after creation. */
export const SESSION_LIFETIME_MS = 60 * 60_000;

/** Brings `record` up to sandbox time `now`; returns the states it entered, in order. */
export const settle = (record: SessionRecord, now: number): SessionState[] => {
  const entered: SessionState[] = [];
  const progress = record.progress;
  if (progress !== undefined) {
    while (progress.taken < progress.steps.length) {
      const at = progress.startedAt + progress.taken * progress.intervalMs;
      const next = progress.steps[progress.taken];
      if (at > now || next === undefined) break;
      progress.taken++;
      enter(record, next, at);
      entered.push(next);
    }
  } else if (!isFinal(record.state) && now >= record.createdAt + SESSION_LIFETIME_MS) {
    move(record, SessionState.IdvFailed, record.createdAt + SESSION_LIFETIME_MS);
    record.failCode = SessionFailCode.SessionFailExpired;
    entered.push(SessionState.IdvFailed);
  }
  return entered;
};

/** Enters one step of a completed journey, with what the user's result says about it. */
const enter = (record: SessionRecord, state: SessionState, at: number): void => {
  const result = record.result;
  move(record, state, at);
  if (result === undefined) return;
  if (state === SessionState.IdvAuthenticating) record.verification = { provider: result.provider };
  if (state === SessionState.IdvFailed && result.outcome.kind === 'failure') {
    record.failCode = result.outcome.failCode;
    if (result.outcome.failCode === SessionFailCode.SessionFailVerificationFailed) {
      record.verification = {
        provider: result.provider,
        failCode: result.verificationFailCode ?? 'VerificationFailInauthentic',
      };
    }
  }
};
