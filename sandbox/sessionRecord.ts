import {
  SessionFailCode,
  SessionState,
  type CreateSessionRequest,
  type DisclosedFields,
  type IdentityData,
  type Session,
  type Verification,
  type VerificationFailCode,
} from '../models/index.js';
import { unixSeconds } from './clock.js';
import { disclosedFieldsFor } from './identity.js';
import type { Outcome } from './lifecycle.js';
import { newSessionId, newToken } from './secrets.js';

// A stored Session: its public part (what `toSession` shows) and what the sandbox keeps beside it.

/** What the user's completion left: the verdict and, for a success, what it releases. */
export interface Result {
  /** Only a success has one, as only a successful journey hands one to the frontend. */
  readonly resultsAccessKey: string | undefined;
  readonly outcome: Outcome;
  readonly verificationFailCode: VerificationFailCode | undefined;
  readonly provider: string;
  /** Released once the session is final; gone after a cancel or a redaction. */
  identityData: IdentityData | undefined;
  attachmentKeys: string[];
}

/** The rest of the journey after a completion: `steps[i]` is entered at `startedAt + i * intervalMs`. */
export interface Progress {
  readonly startedAt: number;
  readonly intervalMs: number;
  readonly steps: readonly SessionState[];
  /** How many steps have been entered. */
  taken: number;
}

export interface SessionRecord {
  readonly seq: number;
  readonly id: string;
  readonly clientToken: string;
  /** Sandbox time of creation, in ms (`created` is this in seconds). */
  readonly createdAt: number;
  readonly created: number;
  readonly disclosedFields: DisclosedFields;
  /** The providers the session allows; empty: all. */
  readonly providers: readonly string[];
  /** Where the launch page sends the user when done, if the request named a place. */
  readonly redirectUrl: string | undefined;
  state: SessionState;
  failCode: SessionFailCode;
  verification: Verification;
  /** Unix seconds of the last state change: never later than sandbox time. */
  updated: number;
  progress: Progress | undefined;
  result: Result | undefined;
  redacted: boolean;
}

export const newRecord = (
  seq: number,
  request: CreateSessionRequest,
  now: number,
): SessionRecord => ({
  seq,
  id: newSessionId(),
  clientToken: newToken('ct'),
  createdAt: now,
  created: unixSeconds(now),
  disclosedFields: disclosedFieldsFor(request.disclosedFields),
  providers: request.providers ?? [],
  redirectUrl: request.redirectUrl,
  state: SessionState.IdvCreated,
  failCode: SessionFailCode.SessionFailNone,
  verification: {},
  updated: unixSeconds(now),
  progress: undefined,
  result: undefined,
  redacted: false,
});

/** A state change at sandbox time `at` (ms). */
export const move = (record: SessionRecord, state: SessionState, at: number): void => {
  record.state = state;
  record.updated = Math.max(record.updated, unixSeconds(at));
};

/** The wire Session: the stored record's public part. */
export const toSession = (record: SessionRecord): Session => ({
  id: record.id,
  state: record.state,
  failCode: record.failCode,
  verification: record.verification,
  disclosedFields: record.disclosedFields,
  created: record.created,
  updated: record.updated,
});
