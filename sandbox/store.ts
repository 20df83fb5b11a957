import { left, right, type Either } from 'fp-ts/lib/Either.js';
import {
  SessionFailCode,
  SessionState,
  type Attachments,
  type CreateSessionRequest,
  type DisclosedFields,
  type ExchangeResultsKeyResponse,
  type IdentityData,
  type ListSessionsResponse,
  type Session,
  type Verification,
  type VerificationFailCode,
} from '../models/index.js';
import { PROVIDER_IDS } from './fixtures.js';
import {
  buildIdentityData,
  disclosedFieldsFor,
  disclosedKinds,
  type IdentityInput,
} from './identity.js';
import { ATTACHMENT_IMAGES, type AttachmentKind, type Image } from './images.js';
import { isFinal, stepsToFinish, type Outcome } from './lifecycle.js';
import { listPage, type ListQuery } from './listing.js';
import { newSessionId, newToken, sameSecret } from './secrets.js';

// The sandbox's state: sessions, results keys, attachments and network identities, all in
// memory. Every method is synchronous, so concurrent requests cannot interleave inside one.

/** Why the store refused; the routes turn each kind into its HTTP answer. */
export type StoreError =
  | { readonly kind: 'not-found'; readonly message: string }
  /** A 400 naming `member`, as the API's ValidationResult does. */
  | { readonly kind: 'invalid'; readonly member: string; readonly message: string }
  /** Sandbox control routes only: the session is not in a state the action applies to. */
  | { readonly kind: 'conflict'; readonly message: string };

export type StoreResult<T> = Either<StoreError, T>;

/** What the simulated user does when completing a session (the control route's body). */
export interface Completion {
  readonly outcome: Outcome;
  readonly verificationFailCode?: VerificationFailCode;
  readonly provider?: string;
  readonly identityData?: IdentityInput;
  readonly attachments?: readonly AttachmentKind[];
  /** How many exchanges of each attachment answer 202 before the bytes are ready. */
  readonly attachmentsPending?: number;
  /** `poll` (default): one state per later getSession; `now`: straight to the final state. */
  readonly advance?: 'poll' | 'now';
}

/** What the launch page shows of a session, found by its client token. */
export interface LaunchView {
  readonly session: Session;
  /** The providers the user may choose from: the session's, or all when it names none. */
  readonly providers: readonly string[];
  readonly redirectUrl: string | undefined;
  /** Whether the user has already finished (or the session is final): nothing more to do. */
  readonly finished: boolean;
}

export type AttachmentAnswer =
  | { readonly kind: 'ready'; readonly image: Image }
  | { readonly kind: 'pending'; readonly retryAfterSeconds: number };

interface Result {
  readonly resultsAccessKey: string;
  readonly outcome: Outcome;
  readonly verificationFailCode: VerificationFailCode | undefined;
  readonly provider: string;
  /** Released once the session is final; gone after a cancel or a redaction. */
  identityData: IdentityData | undefined;
  attachmentKeys: string[];
}

interface SessionRecord {
  readonly seq: number;
  readonly id: string;
  readonly clientToken: string;
  readonly created: number;
  readonly disclosedFields: DisclosedFields;
  /** The providers the session allows; empty: all. */
  readonly providers: readonly string[];
  /** Where the launch page sends the user when done, if the request named a place. */
  readonly redirectUrl: string | undefined;
  state: SessionState;
  failCode: SessionFailCode;
  verification: Verification;
  updated: number;
  /** States still to move through, one per getSession, once the user has completed. */
  pendingSteps: SessionState[];
  result: Result | undefined;
  redacted: boolean;
}

interface AttachmentRecord {
  readonly sessionId: string;
  readonly kind: AttachmentKind;
  pendingExchanges: number;
}

export interface StoreOptions {
  /** Unix time in seconds; a parameter so that tests of the store can fix it. */
  readonly now?: () => number;
  /** The Retry-After of a 202 for an attachment not ready yet. */
  readonly retryAfterSeconds?: number;
}

const notFound = (id: string): StoreError => ({
  kind: 'not-found',
  message: `No Session with id ${JSON.stringify(id.slice(0, 100))}`,
});

// The token is the credential: the message never repeats it.
const NO_SUCH_CLIENT_TOKEN: StoreError = {
  kind: 'not-found',
  message: 'No Session has this client token',
};

const invalid = (member: string, message: string): StoreError => ({
  kind: 'invalid',
  member,
  message,
});

const phoneDigits = (phone: string): string => phone.replace(/\D/g, '');

export class SandboxStore {
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly byClientToken = new Map<string, string>();
  private readonly attachments = new Map<string, AttachmentRecord>();
  /** Attachment keys removed by a redaction, so their exchange can say so. */
  private readonly redactedAttachments = new Set<string>();
  /** Phone numbers (digits) of verified users: the Trinsic Network as far as the sandbox knows. */
  private readonly network = new Set<string>();
  private seq = 0;
  private readonly now: () => number;
  private readonly retryAfterSeconds: number;

  constructor(options: StoreOptions = {}) {
    this.now = options.now ?? (() => Math.floor(Date.now() / 1000));
    this.retryAfterSeconds = options.retryAfterSeconds ?? 1;
  }

  reset(): void {
    this.sessions.clear();
    this.byClientToken.clear();
    this.attachments.clear();
    this.redactedAttachments.clear();
    this.network.clear();
  }

  create(request: CreateSessionRequest): { session: Session; clientToken: string } {
    const created = this.now();
    const record: SessionRecord = {
      seq: ++this.seq,
      id: newSessionId(),
      clientToken: newToken('ct'),
      created,
      disclosedFields: disclosedFieldsFor(request.disclosedFields),
      providers: request.providers ?? [],
      redirectUrl: request.redirectUrl,
      state: SessionState.IdvCreated,
      failCode: SessionFailCode.SessionFailNone,
      verification: {},
      updated: created,
      pendingSteps: [],
      result: undefined,
      redacted: false,
    };
    this.sessions.set(record.id, record);
    this.byClientToken.set(record.clientToken, record.id);
    return { session: toSession(record), clientToken: record.clientToken };
  }

  /** GetSession: also the user's progress, one step per call once the user has completed. */
  get(id: string): StoreResult<Session> {
    const record = this.sessions.get(id);
    if (record === undefined) return left(notFound(id));
    this.advance(record);
    return right(toSession(record));
  }

  list(query: ListQuery): ListSessionsResponse {
    const page = listPage([...this.sessions.values()], query);
    return { sessions: page.items.map(toSession), total: page.total, more: page.more };
  }

  /**
   * Cancel: a session not yet final fails with SessionFailRpCanceled, and whatever the user had
   * disclosed is dropped. A failed session is left as it is (a retried cancel succeeds); a
   * successful one cannot be cancelled (redact it instead).
   */
  cancel(id: string): StoreResult<Session> {
    const record = this.sessions.get(id);
    if (record === undefined) return left(notFound(id));
    if (record.state === SessionState.IdvSuccess) {
      return left(
        invalid(
          'SessionId',
          'The Session has already succeeded and cannot be canceled; redact it to remove its identity data',
        ),
      );
    }
    if (record.state !== SessionState.IdvFailed) {
      record.pendingSteps = [];
      if (record.result) this.dropIdentity(record.result);
      this.move(record, SessionState.IdvFailed);
      record.failCode = SessionFailCode.SessionFailRpCanceled;
    }
    return right(toSession(record));
  }

  /** Redact: a final session loses its identity data and attachments for good. Idempotent. */
  redact(id: string): StoreResult<undefined> {
    const record = this.sessions.get(id);
    if (record === undefined) return left(notFound(id));
    if (!isFinal(record.state)) {
      return left(
        invalid(
          'SessionId',
          `The Session is ${record.state}: only a finished Session (IdvSuccess or IdvFailed) can be redacted; cancel it first`,
        ),
      );
    }
    if (record.result) this.dropIdentity(record.result);
    record.redacted = true;
    return right(undefined);
  }

  exchangeResults(id: string, resultsAccessKey: string): StoreResult<ExchangeResultsKeyResponse> {
    const record = this.sessions.get(id);
    if (record === undefined) return left(notFound(id));
    const result = record.result;
    if (result === undefined || !sameSecret(resultsAccessKey, result.resultsAccessKey)) {
      return left(
        invalid('ResultsAccessKey', 'The Results Access Key is not valid for this Session'),
      );
    }
    if (!isFinal(record.state)) {
      return left(
        invalid(
          'ResultsAccessKey',
          `The Session is ${record.state}: results are available once it is IdvSuccess or IdvFailed`,
        ),
      );
    }
    if (record.redacted) {
      return left(
        invalid('ResultsAccessKey', 'The Session was redacted: its identity data is gone'),
      );
    }
    const session = toSession(record);
    return right(
      result.identityData === undefined
        ? { session }
        : { session, identityData: result.identityData },
    );
  }

  exchangeAttachment(key: string): StoreResult<AttachmentAnswer> {
    const attachment = this.attachments.get(key);
    if (attachment === undefined) {
      return left(
        invalid(
          'AttachmentAccessKey',
          this.redactedAttachments.has(key)
            ? "The attachment was deleted with its Session's identity data (redacted or canceled)"
            : 'The Attachment Access Key is not valid',
        ),
      );
    }
    if (attachment.pendingExchanges > 0) {
      attachment.pendingExchanges--;
      return right({ kind: 'pending', retryAfterSeconds: this.retryAfterSeconds });
    }
    return right({ kind: 'ready', image: ATTACHMENT_IMAGES[attachment.kind] });
  }

  identityInNetwork(phoneNumber: string): boolean {
    return this.network.has(phoneDigits(phoneNumber));
  }

  /** The user opened the launch URL: a new session becomes IdvInitiated. */
  launch(clientToken: string): StoreResult<LaunchView> {
    const record = this.byToken(clientToken);
    if (record === undefined) return left(NO_SUCH_CLIENT_TOKEN);
    if (record.state === SessionState.IdvCreated) this.move(record, SessionState.IdvInitiated);
    return right({
      session: toSession(record),
      providers: record.providers.length > 0 ? record.providers : [...PROVIDER_IDS],
      redirectUrl: record.redirectUrl,
      finished: record.result !== undefined || isFinal(record.state),
    });
  }

  /** The launch page acts as the user: `complete`, with the session found by its client token. */
  completeLaunched(
    clientToken: string,
    completion: Completion,
  ): StoreResult<{ resultsAccessKey: string; session: Session }> {
    const record = this.byToken(clientToken);
    return record === undefined ? left(NO_SUCH_CLIENT_TOKEN) : this.complete(record.id, completion);
  }

  private byToken(clientToken: string): SessionRecord | undefined {
    const id = this.byClientToken.get(clientToken);
    return id === undefined ? undefined : this.sessions.get(id);
  }

  /**
   * Sandbox control: act as the user and finish the journey with `completion`. Returns the
   * results key the frontend would receive. The session makes its first move at once.
   */
  complete(
    id: string,
    completion: Completion,
  ): StoreResult<{ resultsAccessKey: string; session: Session }> {
    const record = this.sessions.get(id);
    if (record === undefined) return left(notFound(id));
    if (record.result !== undefined) {
      return left({ kind: 'conflict', message: 'The Session has already been completed' });
    }
    if (record.state !== SessionState.IdvCreated && record.state !== SessionState.IdvInitiated) {
      return left({
        kind: 'conflict',
        message: `The Session is ${record.state}: only an IdvCreated or IdvInitiated Session can be completed`,
      });
    }
    const provider = completion.provider ?? record.providers[0] ?? 'yoti';
    const allowed = record.providers.length === 0 ? PROVIDER_IDS : new Set(record.providers);
    if (!allowed.has(provider)) {
      return left(invalid('provider', `The Session does not allow the provider ${provider}`));
    }

    const result: Result = {
      resultsAccessKey: newToken('rk'),
      outcome: completion.outcome,
      verificationFailCode: completion.verificationFailCode,
      provider,
      identityData: undefined,
      attachmentKeys: [],
    };
    if (completion.outcome.kind === 'success') {
      const attachments: Attachments = {};
      const kinds = disclosedKinds(
        completion.attachments ?? ['selfie', 'documentFront', 'documentBack', 'documentPortrait'],
        record.disclosedFields,
      );
      for (const kind of kinds) {
        const key = newToken('ak');
        attachments[kind] = key;
        result.attachmentKeys.push(key);
        this.attachments.set(key, {
          sessionId: id,
          kind,
          pendingExchanges: completion.attachmentsPending ?? 0,
        });
      }
      result.identityData = buildIdentityData(
        completion.identityData,
        provider,
        record.disclosedFields,
        attachments,
      );
    }
    record.result = result;
    record.pendingSteps = stepsToFinish(record.state, completion.outcome);
    this.advance(record);
    if (completion.advance === 'now') while (record.pendingSteps.length > 0) this.advance(record);
    return right({ resultsAccessKey: result.resultsAccessKey, session: toSession(record) });
  }

  /** Makes the next pending move, if any. */
  private advance(record: SessionRecord): void {
    const next = record.pendingSteps.shift();
    if (next === undefined || record.result === undefined) return;
    const result = record.result;
    this.move(record, next);
    if (next === SessionState.IdvAuthenticating)
      record.verification = { provider: result.provider };
    if (next === SessionState.IdvSuccess) {
      const phone = result.identityData?.person?.phoneNumber;
      if (phone !== undefined && phoneDigits(phone) !== '') this.network.add(phoneDigits(phone));
    }
    if (next === SessionState.IdvFailed && result.outcome.kind === 'failure') {
      record.failCode = result.outcome.failCode;
      if (result.outcome.failCode === SessionFailCode.SessionFailVerificationFailed) {
        record.verification = {
          provider: result.provider,
          failCode: result.verificationFailCode ?? 'VerificationFailInauthentic',
        };
      }
    }
  }

  /** A state change; `updated` always moves forward, by a second if need be, so it is seen. */
  private move(record: SessionRecord, state: SessionState): void {
    record.state = state;
    record.updated = Math.max(this.now(), record.updated + 1);
  }

  private dropIdentity(result: Result): void {
    for (const key of result.attachmentKeys) {
      this.attachments.delete(key);
      this.redactedAttachments.add(key);
    }
    result.attachmentKeys = [];
    result.identityData = undefined;
  }
}

/** The wire Session: the stored record's public part. */
const toSession = (record: SessionRecord): Session => ({
  id: record.id,
  state: record.state,
  failCode: record.failCode,
  verification: record.verification,
  disclosedFields: record.disclosedFields,
  created: record.created,
  updated: record.updated,
});
