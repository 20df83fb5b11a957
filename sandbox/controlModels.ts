import * as t from 'io-ts';
import { enumeration, listOf, model } from '../lib/schema/codecs.js';
import { integerBetween } from '../lib/schema/scalars.js';
import { DocumentData, PersonData, Session, VerificationFailCode } from '../models/index.js';
import { ATTACHMENT_KIND_NAMES } from './images.js';
import { USER_FAIL_CODES } from './lifecycle.js';

// The bodies of the sandbox-only control routes, as codecs: the server validates with them and
// the control client decodes with them. These routes are not part of the Connect API.

const AttachmentKind = enumeration('AttachmentKind', ATTACHMENT_KIND_NAMES);

const UserFailCode = enumeration('UserFailCode', USER_FAIL_CODES);

const Advance = enumeration('Advance', { poll: 'poll', now: 'now' });

/** Identity data the simulated user presents; attachments are made by the sandbox. */
const IdentityInput = model(
  'IdentityInput',
  {},
  { originatingProviderId: t.string, person: PersonData, document: DocumentData },
);

const common = {
  /** The provider the user picks; default: the Session's first allowed one. */
  provider: t.string,
  /** `poll` (default): one state per second of sandbox time; `now`: final at once. */
  advance: Advance,
};

export const CompleteWithSuccess = model(
  'CompleteWithSuccess',
  { outcome: t.literal('success') },
  {
    ...common,
    identityData: IdentityInput,
    /** Which attachments exist (default: all four), among those the Session discloses. */
    attachments: listOf(AttachmentKind),
    /** `true` or a count: how many exchanges of each attachment answer 202 first. */
    attachmentsPending: t.union([t.boolean, integerBetween(0, 100)]),
  },
);
/** The user finishes with success: the identity data to release (default: a sample adult). */
export type CompleteWithSuccess = t.TypeOf<typeof CompleteWithSuccess>;

export const CompleteWithFailure = model(
  'CompleteWithFailure',
  { outcome: t.literal('failure'), failCode: UserFailCode },
  {
    ...common,
    /** With SessionFailVerificationFailed: the verification's reason (default Inauthentic). */
    verificationFailCode: VerificationFailCode,
  },
);
/** The user's journey ends in a failure, at the point where that failure happens. */
export type CompleteWithFailure = t.TypeOf<typeof CompleteWithFailure>;

/** The body of `POST /sandbox/sessions/{id}/complete`. */
export type CompleteSessionRequest = CompleteWithSuccess | CompleteWithFailure;

export const CompleteSessionResponse = model(
  'CompleteSessionResponse',
  { session: Session },
  {
    /** What the frontend would receive when the user succeeds: a secret. None for a failure. */
    resultsAccessKey: t.string,
  },
);
/** The Session after its first move, and the results key the frontend would receive (success only). */
export type CompleteSessionResponse = t.TypeOf<typeof CompleteSessionResponse>;

/** The longest single move of sandbox time: a year. */
const MAX_ADVANCE_MS = 366 * 24 * 3_600_000;

/** The body of `POST /sandbox/time/advance`. */
export const AdvanceTimeRequest = model(
  'AdvanceTimeRequest',
  { ms: integerBetween(0, MAX_ADVANCE_MS) },
  {},
);

/** Sandbox time, after a move. */
export const SandboxTime = model('SandboxTime', { now: t.string, unixMs: t.number }, {});
/** Sandbox time: ISO 8601 and ms since the Unix epoch. */
export type SandboxTime = t.TypeOf<typeof SandboxTime>;
