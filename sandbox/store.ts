import { isLeft, left, right } from 'fp-ts/lib/Either.js';
import {
  SessionFailCode,
  SessionState,
  type CreateSessionRequest,
  type ExchangeResultsKeyResponse,
  type ListSessionsResponse,
  type Session,
} from '../models/index.js';
import { AttachmentVault, type AttachmentAnswer } from './attachmentVault.js';
import { sandboxClock, type SandboxClock } from './clock.js';
import { resultOf, type Completed, type Completion } from './completion.js';
import { PROVIDER_IDS } from './fixtures.js';
import { isFinal, isOpen, stepsToFinish } from './lifecycle.js';
import { listPage, type ListQuery } from './listing.js';
import { KnownIdentities } from './network.js';
import { settle, STEP_INTERVAL_MS } from './progress.js';
import { sameSecret } from './secrets.js';
import { move, newRecord, toSession, type Result, type SessionRecord } from './sessionRecord.js';
import {
  conflict,
  invalid,
  NO_SUCH_CLIENT_TOKEN,
  notFound,
  type StoreResult,
} from './storeErrors.js';

// The sandbox's state: sessions, results keys, attachments and network identities, all in
// memory. Every method is synchronous, so concurrent requests cannot interleave inside one, and
// each first brings the Sessions it reads up to sandbox time (progress.ts).

/** What the launch page shows of a session, found by its client token. */
export interface LaunchView {
  readonly session: Session;
  /** The providers the user may choose from: the session's, or all when it names none. */
  readonly providers: readonly string[];
  readonly redirectUrl: string | undefined;
  /** Whether the user has already finished (or the session is final): nothing more to do. */
  readonly finished: boolean;
}

export interface StoreOptions {
  /** Sandbox time; a real clock by default. */
  readonly clock?: SandboxClock;
  /** The Retry-After of a 202 for an attachment not ready yet. */
  readonly retryAfterSeconds?: number;
}

export class SandboxStore {
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly byClientToken = new Map<string, string>();
  private readonly vault: AttachmentVault;
  private readonly network = new KnownIdentities();
  private seq = 0;
  private readonly clock: SandboxClock;

  constructor(options: StoreOptions = {}) {
    this.clock = options.clock ?? sandboxClock('real');
    this.vault = new AttachmentVault(options.retryAfterSeconds ?? 1);
  }

  reset(): void {
    this.sessions.clear();
    this.byClientToken.clear();
    this.vault.clear();
    this.network.clear();
  }

  create(request: CreateSessionRequest): { session: Session; clientToken: string } {
    const record = newRecord(++this.seq, request, this.clock.now());
    this.sessions.set(record.id, record);
    this.byClientToken.set(record.clientToken, record.id);
    return { session: toSession(record), clientToken: record.clientToken };
  }

  get(id: string): StoreResult<Session> {
    const record = this.find(id);
    return record === undefined ? left(notFound(id)) : right(toSession(record));
  }

  list(query: ListQuery): ListSessionsResponse {
    this.settleAll();
    const page = listPage([...this.sessions.values()], query);
    return { sessions: page.items.map(toSession), total: page.total, more: page.more };
  }

  /**
   * Cancel: a session not yet final fails with SessionFailRpCanceled, and whatever the user had
   * disclosed is dropped. A failed session is left as it is (a retried cancel succeeds); a
   * successful one cannot be cancelled (redact it instead).
   */
  cancel(id: string): StoreResult<Session> {
    const record = this.find(id);
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
      record.progress = undefined;
      if (record.result) this.dropIdentity(record.result);
      move(record, SessionState.IdvFailed, this.clock.now());
      record.failCode = SessionFailCode.SessionFailRpCanceled;
    }
    return right(toSession(record));
  }

  /** Redact: a final session loses its identity data and attachments for good. Idempotent. */
  redact(id: string): StoreResult<undefined> {
    const record = this.find(id);
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
    const record = this.find(id);
    if (record === undefined) return left(notFound(id));
    const expected = record.result?.resultsAccessKey;
    if (expected === undefined || !sameSecret(resultsAccessKey, expected)) {
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
    const identityData = record.result?.identityData;
    return right(identityData === undefined ? { session } : { session, identityData });
  }

  exchangeAttachment(key: string): StoreResult<AttachmentAnswer> {
    return this.vault.exchange(key);
  }

  identityInNetwork(phoneNumber: string): boolean {
    this.settleAll();
    return this.network.has(phoneNumber);
  }

  /** The user opened the launch URL: a new session becomes IdvInitiated. */
  launch(clientToken: string): StoreResult<LaunchView> {
    const record = this.byToken(clientToken);
    if (record === undefined) return left(NO_SUCH_CLIENT_TOKEN);
    if (record.state === SessionState.IdvCreated) {
      move(record, SessionState.IdvInitiated, this.clock.now());
    }
    return right({
      session: toSession(record),
      providers: record.providers.length > 0 ? record.providers : [...PROVIDER_IDS],
      redirectUrl: record.redirectUrl,
      finished: record.result !== undefined || isFinal(record.state),
    });
  }

  /** The launch page acts as the user: `complete`, with the session found by its client token. */
  completeLaunched(clientToken: string, completion: Completion): StoreResult<Completed> {
    const record = this.byToken(clientToken);
    return record === undefined ? left(NO_SUCH_CLIENT_TOKEN) : this.complete(record.id, completion);
  }

  /**
   * Sandbox control: act as the user and finish the journey with `completion`. The Session
   * enters its first state at once, then one per interval of sandbox time (all at once with
   * `advance: 'now'`).
   */
  complete(id: string, completion: Completion): StoreResult<Completed> {
    const record = this.find(id);
    if (record === undefined) return left(notFound(id));
    if (record.result !== undefined)
      return left(conflict('The Session has already been completed'));
    if (!isOpen(record.state)) {
      return left(
        conflict(
          `The Session is ${record.state}: only an IdvCreated or IdvInitiated Session can be completed`,
        ),
      );
    }
    const result = resultOf(record, completion, this.vault);
    if (isLeft(result)) return result;
    record.result = result.right;
    record.progress = {
      startedAt: this.clock.now(),
      intervalMs: completion.advance === 'now' ? 0 : STEP_INTERVAL_MS,
      steps: stepsToFinish(record.state, completion.outcome),
      taken: 0,
    };
    this.settle(record);
    const { resultsAccessKey } = result.right;
    const session = toSession(record);
    return right(resultsAccessKey === undefined ? { session } : { resultsAccessKey, session });
  }

  /** The session with this id, brought up to sandbox time. */
  private find(id: string): SessionRecord | undefined {
    const record = this.sessions.get(id);
    if (record !== undefined) this.settle(record);
    return record;
  }

  private byToken(clientToken: string): SessionRecord | undefined {
    const id = this.byClientToken.get(clientToken);
    return id === undefined ? undefined : this.find(id);
  }

  private settleAll(): void {
    for (const record of this.sessions.values()) this.settle(record);
  }

  /** Brings one session up to sandbox time; a success makes its user known to the network. */
  private settle(record: SessionRecord): void {
    if (!settle(record, this.clock.now()).includes(SessionState.IdvSuccess)) return;
    const phone = record.result?.identityData?.person?.phoneNumber;
    if (phone !== undefined) this.network.add(phone);
  }

  private dropIdentity(result: Result): void {
    this.vault.delete(result.attachmentKeys);
    result.attachmentKeys = [];
    result.identityData = undefined;
  }
}
