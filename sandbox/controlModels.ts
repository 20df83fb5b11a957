import * as t from 'io-ts';
import { enumeration, listOf, model } from '../lib/schema/codecs.js';
import { integerBetween } from '../lib/schema/scalars.js';
import { DocumentData, PersonData, Session, VerificationFailCode } from '../models/index.js';

// The bodies of the sandbox-only control routes, as codecs: the server validates with them and
// the control client decodes with them. These routes are not part of the Connect API.

export const AttachmentKind = enumeration('AttachmentKind', {
  selfie: 'selfie',
  documentFront: 'documentFront',
  documentBack: 'documentBack',
  documentPortrait: 'documentPortrait',
});

export const UserFailCode = enumeration('UserFailCode', {
  SessionFailInternal: 'SessionFailInternal',
  SessionFailVerificationFailed: 'SessionFailVerificationFailed',
  SessionFailAuthentication: 'SessionFailAuthentication',
  SessionFailExpired: 'SessionFailExpired',
  SessionFailUserCanceled: 'SessionFailUserCanceled',
});

export const Advance = enumeration('Advance', { poll: 'poll', now: 'now' });

/** Identity data the simulated user presents; attachments are made by the sandbox. */
export const IdentityInput = model(
  'IdentityInput',
  {},
  { originatingProviderId: t.string, person: PersonData, document: DocumentData },
);

const common = {
  /** The provider the user picks; default: the Session's first allowed one. */
  provider: t.string,
  /** `poll` (default): one state per later getSession; `now`: final at once. */
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
  {
    /** What the frontend would receive when the user finishes: a secret. */
    resultsAccessKey: t.string,
    session: Session,
  },
  {},
);
/** The results access key the frontend would receive, and the Session after the first move. */
export type CompleteSessionResponse = t.TypeOf<typeof CompleteSessionResponse>;
