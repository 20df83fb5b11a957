import { left, right } from 'fp-ts/lib/Either.js';
import type { Session, VerificationFailCode } from '../models/index.js';
import { PROVIDER_IDS } from './fixtures.js';
import { buildIdentityData, disclosedKinds, keysOf, type IdentityInput } from './identity.js';
import type { AttachmentVault } from './attachmentVault.js';
import { ATTACHMENT_KIND_NAMES, type AttachmentKind } from './images.js';
import type { Outcome } from './lifecycle.js';
import { newToken } from './secrets.js';
import type { Result, SessionRecord } from './sessionRecord.js';
import { invalid, type StoreResult } from './storeErrors.js';

// What the simulated user does when completing a session, and what that leaves: the result.

/** The user's completion (the control route's body, or the launch page's). */
export interface Completion {
  readonly outcome: Outcome;
  readonly verificationFailCode?: VerificationFailCode;
  readonly provider?: string;
  readonly identityData?: IdentityInput;
  readonly attachments?: readonly AttachmentKind[];
  /** How many exchanges of each attachment answer 202 before the bytes are ready. */
  readonly attachmentsPending?: number;
  /** `poll` (default): one state per interval of sandbox time; `now`: straight to the final state. */
  readonly advance?: 'poll' | 'now';
}

/** What completing yields: the results key the frontend would receive, for a success only. */
export interface Completed {
  readonly resultsAccessKey?: string;
  readonly session: Session;
}

const ALL_KINDS = keysOf(ATTACHMENT_KIND_NAMES);

/** The result of `completion` for `record`: keys and identity data for a success, none for a failure. */
export const resultOf = (
  record: SessionRecord,
  completion: Completion,
  vault: AttachmentVault,
): StoreResult<Result> => {
  const provider = completion.provider ?? record.providers[0] ?? 'yoti';
  const allowed = record.providers.length === 0 ? PROVIDER_IDS : new Set(record.providers);
  if (!allowed.has(provider)) {
    return left(invalid('provider', `The Session does not allow the provider ${provider}`));
  }
  const verdict = {
    outcome: completion.outcome,
    verificationFailCode: completion.verificationFailCode,
    provider,
  };
  if (completion.outcome.kind === 'failure') {
    return right({
      ...verdict,
      resultsAccessKey: undefined,
      identityData: undefined,
      attachmentKeys: [],
    });
  }
  const kinds = disclosedKinds(completion.attachments ?? ALL_KINDS, record.disclosedFields);
  const attachments = vault.issue(kinds, completion.attachmentsPending ?? 0);
  return right({
    ...verdict,
    resultsAccessKey: newToken('rk'),
    identityData: buildIdentityData(
      completion.identityData,
      provider,
      record.disclosedFields,
      attachments,
    ),
    attachmentKeys: Object.values(attachments),
  });
};
