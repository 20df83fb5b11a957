import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { APIClient, Configuration, SessionFailCode, SessionState } from '../../index.js';
import type { SandboxControl } from '../../sandbox/controlClient.js';
import { CREATE_REQUEST, SANDBOX_USER } from './data.js';
import { describeIdentity, describeSession } from './describe.js';
import { check, expectRefused, FlowFailure, must } from './failure.js';
import type { FlowOptions, FlowSummary, FlowTarget } from './options.js';
import { fetchAttachment, listNewestFirst, waitUntilFinal } from './reads.js';
import { mask, maskUrl, Transcript } from './transcript.js';

// The verification flow, end to end, through the SDK: create → the user verifies → poll until
// final → exchange the results → fetch an attachment → look up → list → redact → cancel another.
// Against the sandbox, the sandbox's control route plays the user; against a real API, a person
// must open the launch URL, and the steps that need the frontend's results key are skipped.

export type { FlowOptions, FlowTarget } from './options.js';

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
