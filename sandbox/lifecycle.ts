import { SessionState, type SessionFailCode } from '../models/index.js';

// The Session state machine. A user's journey is IdvCreated → IdvInitiated → IdvAuthenticating
// → IdvInProgress → IdvSuccess | IdvFailed; a failure can end the journey early, at the point
// where that kind of failure happens. Cancelling (by the relying party) ends it anywhere.

/** The fail codes a user's journey can end with (not SessionFailNone; RpCanceled is a cancel). */
export type UserFailCode = Exclude<SessionFailCode, 'SessionFailNone' | 'SessionFailRpCanceled'>;

export type Outcome =
  { readonly kind: 'success' } | { readonly kind: 'failure'; readonly failCode: UserFailCode };

const JOURNEY: readonly SessionState[] = [
  SessionState.IdvInitiated,
  SessionState.IdvAuthenticating,
  SessionState.IdvInProgress,
];

// The last state a user reaches before each kind of failure. The codes' own list is below: the
// control route's and the launch page's codecs are made from it.
const FAILS_AFTER: Readonly<Record<UserFailCode, SessionState>> = {
  SessionFailUserCanceled: SessionState.IdvInitiated,
  SessionFailExpired: SessionState.IdvInitiated,
  SessionFailAuthentication: SessionState.IdvAuthenticating,
  SessionFailVerificationFailed: SessionState.IdvInProgress,
  SessionFailInternal: SessionState.IdvInProgress,
};

/** The fail codes a person can cause (the launch page offers them); an internal failure is not one. */
type PersonFailCode = Exclude<UserFailCode, 'SessionFailInternal'>;

// Each code named by itself: the shape `enumeration` codecs are made from.
export const PERSON_FAIL_CODES: { readonly [K in PersonFailCode]: K } = {
  SessionFailUserCanceled: 'SessionFailUserCanceled',
  SessionFailAuthentication: 'SessionFailAuthentication',
  SessionFailVerificationFailed: 'SessionFailVerificationFailed',
  SessionFailExpired: 'SessionFailExpired',
};

export const USER_FAIL_CODES: { readonly [K in UserFailCode]: K } = {
  ...PERSON_FAIL_CODES,
  SessionFailInternal: 'SessionFailInternal',
};

/** Final: nothing moves a Session out of these. */
export const isFinal = (state: SessionState): boolean =>
  state === SessionState.IdvSuccess || state === SessionState.IdvFailed;

/** Whether the user may still act: the Session is neither completed nor final. */
export const isOpen = (state: SessionState): boolean =>
  state === SessionState.IdvCreated || state === SessionState.IdvInitiated;

/** The states still to pass through, from `current`, to reach the end of the journey. */
export const stepsToFinish = (current: SessionState, outcome: Outcome): SessionState[] => {
  const last =
    outcome.kind === 'success' ? SessionState.IdvInProgress : FAILS_AFTER[outcome.failCode];
  const from = JOURNEY.indexOf(current) + 1; // IdvCreated is not in JOURNEY: from = 0
  const to = JOURNEY.indexOf(last) + 1;
  const final = outcome.kind === 'success' ? SessionState.IdvSuccess : SessionState.IdvFailed;
  return [...JOURNEY.slice(from, Math.max(from, to)), final];
};

// The order of SessionOrdering.State: the enum's order, as a server sorting the enum would.
const RANK: ReadonlyMap<SessionState, number> = new Map(
  SessionState.values.map((state, index) => [state, index]),
);

export const stateRank = (state: SessionState): number => RANK.get(state) ?? 0;
