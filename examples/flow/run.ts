import { setTimeout as delay } from 'node:timers/promises';
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import type { Dispatcher } from 'undici';
import {
  APIClient,
  Configuration,
  SessionFailCode,
  SessionState,
  type ConnectError,
  type CreateSessionRequest,
  type IdentityData,
  type Result,
  type Session,
} from '../../index.js';
import type { SandboxControl } from '../../sandbox/controlClient.js';
import { isPng } from '../../sandbox/images.js';
import { mask, maskUrl, Transcript, when, type Write } from './transcript.js';

// The verification flow, end to end, through the SDK: create → the user verifies → poll until
// final → exchange the results → fetch an attachment → look up → list → redact → cancel another.
// Against the sandbox, the sandbox's control route plays the user; against a real API, a person
// must open the launch URL, and the steps that need the frontend's results key are skipped.

export interface FlowTarget {
  /** How the transcript names the target. */
  readonly label: string;
  readonly basePath: string;
  readonly apiKey: string;
  /** The sandbox's control client; undefined for a real API. */
  readonly control: SandboxControl | undefined;
}

export interface FlowOptions {
  readonly dispatcher: Dispatcher;
  readonly write: Write;
  readonly pollIntervalMs: number;
  /** How long to wait for the user to finish the session. */
  readonly pollTimeoutMs: number;
  /** The longest wait honoured for an attachment that is not ready yet. */
  readonly maxAttachmentWaitMs?: number;
}

export interface FlowSummary {
  readonly steps: number;
  readonly ms: number;
}

/** A step failed: the message says which and why (no secret: SDK messages are scrubbed). */
class FlowFailure extends Error {}

const must = <T>(what: string, result: Awaited<Result<T>>): T => {
  if (isLeft(result)) throw new FlowFailure(`${what} failed: ${result.left.message}`);
  return result.right.data;
};

const check = (condition: boolean, message: string): void => {
  if (!condition) throw new FlowFailure(message);
};

/** The identity the simulated user presents in the sandbox. */
const SANDBOX_USER = {
  person: {
    givenName: 'Ada',
    familyName: 'Lovelace',
    fullName: 'Ada Lovelace',
    dateOfBirth: '1815-12-10',
    nationality: 'GB',
    phoneNumber: '+44 20 7946 0018',
    address: { city: 'London', country: 'GB', fullAddress: '12 St James’s Square, London, GB' },
  },
  document: {
    type: 'Passport',
    number: 'P1815121',
    issuingCountry: 'GB',
    issueDate: '2021-06-01',
    expirationDate: '2031-06-01',
  },
} as const;

/** What the relying party asks the user to disclose. */
const CREATE_REQUEST: CreateSessionRequest = {
  disclosedFields: {
    givenName: true,
    familyName: true,
    dateOfBirth: true,
    address: true,
    country: true,
    idNumber: true,
    expirationDate: true,
    documentFront: true,
    selfie: true,
  },
};

export const runFlow = async (
  target: FlowTarget,
  options: FlowOptions,
): Promise<Either<string, FlowSummary>> => {
  const started = performance.now();
  const out = new Transcript(options.write);
  const client = new APIClient(
    new Configuration({
      basePath: target.basePath,
      accessToken: target.apiKey,
      dispatcher: options.dispatcher,
      strict: true,
    }),
  );
  out.title('Trinsic Connect SDK: the identity-verification flow, end to end');
  out.title(`Target: ${target.label} (API key ${mask(target.apiKey)})`);
  try {
    await steps(client, target.control, out, options);
  } catch (error) {
    if (error instanceof FlowFailure) return left(`Step ${out.steps}: ${error.message}`);
    throw error;
  }
  const ms = performance.now() - started;
  options.write('');
  options.write(`Done: ${out.steps} steps in ${(ms / 1000).toFixed(1)} s.`);
  return right({ steps: out.steps, ms });
};

const steps = async (
  client: APIClient,
  control: SandboxControl | undefined,
  out: Transcript,
  options: FlowOptions,
): Promise<void> => {
  const { sessionsAPI, attachmentsAPI, networkAPI } = client;

  out.begin('List the identity providers (networkAPI.listProviders)');
  const { providers } = must('listProviders', await networkAPI.listProviders().execute());
  out.detail(`${providers.length} providers: ${providers.map((p) => p.id).join(', ') || '(none)'}`);

  out.begin('Create a session (sessionsAPI.createSession)');
  const created = must(
    'createSession',
    await sessionsAPI.createSession().createSessionRequest(CREATE_REQUEST).execute(),
  );
  const sessionId = created.session.id;
  out.detail(`session ${sessionId}: ${describeSession(created.session)}`);

  let resultsAccessKey: string | undefined;
  if (control) {
    out.detail(`launch URL for the user's device: ${maskUrl(created.launchUrl ?? '(none)')}`);
    out.begin('Act as the end user (sandbox control route: complete with success)');
    const completed = await control.complete(sessionId, {
      outcome: 'success',
      identityData: SANDBOX_USER,
      attachmentsPending: 1,
    });
    if (isLeft(completed)) throw new FlowFailure(completed.left);
    resultsAccessKey = completed.right.resultsAccessKey;
    if (resultsAccessKey === undefined) throw new FlowFailure('a success yielded no results key');
    out.detail(`the user opened the launch URL: ${describeSession(completed.right.session)}`);
    out.detail(`the frontend receives the results access key ${mask(resultsAccessKey)}`);
  } else {
    out.detail(`launch URL (one-time, sensitive): ${created.launchUrl ?? '(none)'}`);
    out.begin('Wait for the end user');
    out.detail('A real person must open the launch URL above and verify; the frontend then');
    out.detail('receives the results access key, which this backend-only flow never sees.');
  }

  out.begin('Poll the session until it is final (sessionsAPI.getSession)');
  const final = await waitUntilFinal(client, sessionId, out, options);
  if (final === undefined) {
    const cancelled = await sessionsAPI.cancelSession(sessionId).execute();
    throw new FlowFailure(
      `the session was not final within ${(options.pollTimeoutMs / 1000).toFixed(1)} s` +
        (isLeft(cancelled) ? '' : ', so it was canceled'),
    );
  }
  if (control)
    check(final.state === SessionState.IdvSuccess, `expected IdvSuccess, got ${final.state}`);

  let attachmentKey: string | undefined;
  if (resultsAccessKey !== undefined) {
    out.begin('Exchange the results access key for identity data (sessionsAPI.exchangeResultsKey)');
    const exchanged = must(
      'exchangeResultsKey',
      await sessionsAPI
        .exchangeResultsKey(sessionId)
        .exchangeResultsKeyRequest({ resultsAccessKey })
        .execute(),
    );
    const identity = exchanged.identityData;
    check(identity !== undefined, 'the exchange returned no identity data');
    for (const line of describeIdentity(identity ?? {})) out.detail(line);
    attachmentKey = identity?.attachments?.documentFront ?? identity?.attachments?.selfie;

    if (attachmentKey !== undefined) {
      out.begin('Fetch an attachment (attachmentsAPI.exchangeAttachmentAccessKey)');
      await fetchAttachment(client, attachmentKey, out, options);
    }

    const phone = identity?.person?.phoneNumber;
    if (phone !== undefined) {
      out.begin('Is the verified phone number in the network? (networkAPI.identityLookup)');
      const lookup = must('identityLookup', await networkAPI.identityLookup(phone).execute());
      out.detail(`identityInNetwork: ${String(lookup.identityInNetwork)}`);
    }
  }

  out.begin('List the sessions, newest first (sessionsAPI.listSessions)');
  await listNewestFirst(client, sessionId, out);

  out.begin('Redact the session: its identity data is deleted (sessionsAPI.redactSession)');
  const redacted = await sessionsAPI.redactSession(sessionId).execute();
  must('redactSession', redacted);
  out.detail(`redacted (HTTP ${isLeft(redacted) ? '?' : redacted.right.response.status})`);
  if (resultsAccessKey !== undefined) {
    const again = await sessionsAPI
      .exchangeResultsKey(sessionId)
      .exchangeResultsKeyRequest({ resultsAccessKey })
      .execute();
    out.detail(`exchanging the results key again: ${expectRefused(again)}`);
  }
  if (attachmentKey !== undefined) {
    const again = await attachmentsAPI
      .exchangeAttachmentAccessKey()
      .exchangeAttachmentAccessKeyRequest({ attachmentAccessKey: attachmentKey })
      .execute();
    out.detail(`fetching the attachment again: ${expectRefused(again)}`);
  }

  out.begin('Create another session and cancel it (sessionsAPI.cancelSession)');
  const other = must('createSession', await sessionsAPI.createSession().execute());
  out.detail(`session ${other.session.id}: ${describeSession(other.session)}`);
  const { session: cancelled } = must(
    'cancelSession',
    await sessionsAPI.cancelSession(other.session.id).execute(),
  );
  out.detail(`after cancel: ${describeSession(cancelled)}`);
  check(
    cancelled.state === SessionState.IdvFailed &&
      cancelled.failCode === SessionFailCode.SessionFailRpCanceled,
    `expected IdvFailed / SessionFailRpCanceled, got ${describeSession(cancelled)}`,
  );
};

/** Waits until the session is final (waitForSession); undefined when the time is up. */
const waitUntilFinal = async (
  client: APIClient,
  sessionId: string,
  out: Transcript,
  options: FlowOptions,
): Promise<Session | undefined> => {
  const waited = await client.sessionsAPI
    .waitForSession(sessionId)
    .pollInterval(options.pollIntervalMs)
    .maxWait(options.pollTimeoutMs)
    .onUpdate((session, { polls }) => {
      out.detail(`poll ${polls}: ${describeSession(session)}`);
    })
    .execute();
  if (!isLeft(waited)) return waited.right.data.session;
  // The wait's own TimeoutError carries maxWait; a poll's would carry its request timeout.
  const error = waited.left;
  if (error._tag === 'TimeoutError' && error.timeoutMs === options.pollTimeoutMs) return undefined;
  throw new FlowFailure(`getSession failed: ${error.message}`);
};

// A real account may hold thousands of sessions: the transcript shows the first pages only.
const MAX_LISTED_PAGES = 2;

/** The newest sessions, a page at a time (pages()); the new one must be on the first page. */
const listNewestFirst = async (
  client: APIClient,
  sessionId: string,
  out: Transcript,
): Promise<void> => {
  const listing = client.sessionsAPI
    .listSessions()
    .orderBy('Created')
    .orderDirection('Descending')
    .pageSize(5)
    .pages();
  let shown = 0;
  for await (const page of listing) {
    const listed = must('listSessions', page);
    shown++;
    out.detail(
      shown === 1
        ? `total ${listed.total}, more pages: ${String(listed.more)}; page 1:`
        : `page ${shown}:`,
    );
    for (const session of listed.sessions) {
      out.detail(`  ${session.id}  ${describeSession(session)}`);
    }
    if (shown === 1) {
      check(
        listed.sessions.some((s) => s.id === sessionId),
        'the new session is not on the first page of the list',
      );
    }
    // Leaving the loop asks for no further page.
    if (shown === MAX_LISTED_PAGES) break;
  }
};

const MAX_ATTACHMENT_TRIES = 5;

const fetchAttachment = async (
  client: APIClient,
  attachmentAccessKey: string,
  out: Transcript,
  options: FlowOptions,
): Promise<void> => {
  const maxWaitMs = options.maxAttachmentWaitMs ?? 10_000;
  for (let attempt = 1; attempt <= MAX_ATTACHMENT_TRIES; attempt++) {
    const result = await client.attachmentsAPI
      .exchangeAttachmentAccessKey()
      .exchangeAttachmentAccessKeyRequest({ attachmentAccessKey })
      .execute();
    const content = must('exchangeAttachmentAccessKey', result);
    if (content._tag === 'Attachment') {
      const kind = isPng(content.bytes) ? ', a PNG image' : '';
      out.detail(
        `HTTP 200: ${content.contentType}, ${content.bytes.length} bytes${kind} (key ${mask(attachmentAccessKey)})`,
      );
      return;
    }
    const waitMs = Math.min((content.retryAfterSeconds ?? 1) * 1000, maxWaitMs);
    out.detail(
      `HTTP 202: not ready yet; retrying in ${(waitMs / 1000).toFixed(1)} s as Retry-After asks`,
    );
    await delay(waitMs);
  }
  throw new FlowFailure(`the attachment was still not ready after ${MAX_ATTACHMENT_TRIES} tries`);
};

/** After a redaction, an exchange must be refused; anything else fails the flow. */
const expectRefused = (result: Awaited<Result<unknown>>): string => {
  if (!isLeft(result))
    throw new FlowFailure('an exchange succeeded after the session was redacted');
  const error: ConnectError = result.left;
  if (error._tag !== 'HttpError')
    throw new FlowFailure(`expected an HTTP refusal: ${error.message}`);
  return `refused as expected (${error.message})`;
};

const describeSession = (session: Session): string => {
  const failure =
    session.state === SessionState.IdvFailed && session.failCode !== undefined
      ? ` (${session.failCode})`
      : '';
  const provider =
    session.verification.provider === undefined
      ? ''
      : `, provider ${session.verification.provider}`;
  return `${session.state}${failure}${provider}, updated ${when(session.updated)}`;
};

const describeIdentity = (identity: IdentityData): string[] => {
  const { person, document, attachments } = identity;
  const name =
    person?.fullName ?? [person?.givenName, person?.familyName].filter(Boolean).join(' ');
  return [
    `provider: ${identity.originatingProviderId ?? '(not given)'}`,
    `person: ${name || '(not disclosed)'}, born ${person?.dateOfBirth ?? '(not disclosed)'}, ` +
      `lives in ${person?.address?.city ?? '(not disclosed)'}`,
    `document: ${document?.type ?? 'unknown type'} ${document?.number === undefined ? '' : `no. ${mask(document.number)} `}` +
      `from ${document?.issuingCountry ?? '?'}, expires ${document?.expirationDate ?? '?'}`,
    `attachments: ${
      Object.entries(attachments ?? {})
        .map(([kind, key]) => `${kind} ${mask(key)}`)
        .join(', ') || '(none)'
    }`,
  ];
};
