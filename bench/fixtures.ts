import type {
  DisclosedFields,
  GetSessionResponse,
  ListSessionsResponse,
  Session,
  SessionFailCode,
  SessionState,
  VerificationFailCode,
} from '../models/index.js';

// The answers the loopback server gives, built from the SDK's own model types so that they are
// what the SDK must accept. Deterministic: the server and the harness build the same bytes.
// Only type imports here, so that the server process starts without loading io-ts.

export const SESSION_ID = '678c1ff6-2178-49e7-81d2-548afb6f85ec';
export const PAGE_SIZE = 50;

const STATES: readonly SessionState[] = [
  'IdvCreated',
  'IdvInitiated',
  'IdvAuthenticating',
  'IdvInProgress',
  'IdvSuccess',
  'IdvFailed',
];
const SESSION_FAIL_CODES: readonly SessionFailCode[] = [
  'SessionFailNone',
  'SessionFailVerificationFailed',
  'SessionFailExpired',
  'SessionFailUserCanceled',
];
const VERIFICATION_FAIL_CODES: readonly VerificationFailCode[] = [
  'VerificationFailNone',
  'VerificationFailInvalidImage',
  'VerificationFailInauthentic',
];
const PROVIDERS = ['yoti', 'clear', 'idin', 'mdl-ca', 'smart-id'];

const pick = <T>(values: readonly T[], i: number): T => {
  const value = values[i % values.length];
  if (value === undefined) throw new Error('fixtures: empty value list');
  return value;
};

/** A UUID-shaped id that differs per index, so no two sessions share a string. */
const sessionId = (i: number): string => {
  const hex = (i * 2_654_435_761).toString(16).padStart(12, '0').slice(-12);
  return `${SESSION_ID.slice(0, 24)}${hex}`;
};

const disclosedFields = (i: number): DisclosedFields => ({
  idNumber: i % 2 === 0,
  givenName: true,
  familyName: true,
  address: i % 3 === 0,
  dateOfBirth: true,
  country: i % 4 !== 0,
  issueDate: i % 5 === 0,
  expirationDate: i % 5 === 0,
  documentFront: i % 2 === 1,
  documentBack: i % 2 === 1,
  documentPortrait: i % 7 === 0,
  selfie: true,
});

/** A Session with every property the spec names filled in. */
const session = (i: number): Session => {
  const created = 1_722_526_411 + i * 3_600;
  return {
    id: i === 0 ? SESSION_ID : sessionId(i),
    state: pick(STATES, i),
    verification: {
      provider: pick(PROVIDERS, i),
      failCode: pick(VERIFICATION_FAIL_CODES, i),
    },
    disclosedFields: disclosedFields(i),
    created,
    updated: created + 311 + i,
    failCode: pick(SESSION_FAIL_CODES, i),
  };
};

export const getSessionAnswer = (): GetSessionResponse => ({ session: session(0) });

export const listSessionsAnswer = (): ListSessionsResponse => ({
  sessions: Array.from({ length: PAGE_SIZE }, (_, i) => session(i)),
  total: 1_234,
  more: true,
});

/** The two answers, serialised once. */
export interface AnswerBodies {
  readonly getSession: Buffer;
  readonly listSessions: Buffer;
}

export const answerBodies = (): AnswerBodies => ({
  getSession: Buffer.from(JSON.stringify(getSessionAnswer())),
  listSessions: Buffer.from(JSON.stringify(listSessionsAnswer())),
});

export const SESSIONS_PATH = '/api/v1/sessions';
export const LIST_QUERY = `?PageSize=${PAGE_SIZE}&Page=1`;

/** The listing paged through end to end: 10,000 sessions, 200 pages of 50. */
export const PAGED_SESSIONS = 10_000;
/** What a paging client sends before the page number (the SDK's order: OrderBy, PageSize, Page). */
export const PAGING_QUERY_PREFIX = `?OrderBy=Created&PageSize=${PAGE_SIZE}&Page=`;

/** Page `page` (from 1) of the paged listing. */
export const pagedAnswer = (page: number): ListSessionsResponse => {
  const first = (page - 1) * PAGE_SIZE;
  const count = Math.max(0, Math.min(PAGE_SIZE, PAGED_SESSIONS - first));
  return {
    sessions: Array.from({ length: count }, (_, i) => session(first + i)),
    total: PAGED_SESSIONS,
    more: first + count < PAGED_SESSIONS,
  };
};

/** Every page of the paged listing, serialised once: index 0 is page 1. */
export const pagedBodies = (): Buffer[] =>
  Array.from({ length: Math.ceil(PAGED_SESSIONS / PAGE_SIZE) }, (_, i) =>
    Buffer.from(JSON.stringify(pagedAnswer(i + 1))),
  );
