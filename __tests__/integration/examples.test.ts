import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SessionState } from '../../index.js';
import { OPERATIONS as TABLE } from '../../requests/operations.js';
import {
  complete,
  createSession,
  httpError,
  ok,
  peek,
  useHarness,
  verifiedSession,
} from '../support/harness.js';
import { cleanEnv, REPO_ROOT, runTsx } from '../support/processes.js';

// Every script in examples/ run as a user runs it (`npx tsx examples/<name>.ts`) against a
// sandbox, with real inputs prepared first: each exits 0, prints the operation's answer, and
// has the effect it claims.

/** A test that starts child processes (each `tsx` start takes about a second). */
const slow = (name: string, fn: () => Promise<void>) => {
  test(name, fn, 60_000);
};

const h = useHarness({ resetEach: false });

const run = (name: string, inputs: Record<string, string> = {}) =>
  runTsx(
    `examples/${name}.ts`,
    cleanEnv({ TRINSIC_BASE_URL: h.sandbox.url, TRINSIC_API_KEY: h.sandbox.apiKey, ...inputs }),
  );

/** Runs an example that must succeed; returns its stdout. */
const succeeds = async (name: string, operation: string, inputs: Record<string, string> = {}) => {
  const { code, stdout, stderr } = await run(name, inputs);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  expect(stdout).toContain(`Response from \`${operation}\`: `);
  // Whatever it prints, no secret goes with it.
  expect(stdout).not.toContain(h.sandbox.apiKey);
  for (const value of Object.values(inputs))
    if (/^(rk|ak)_/.test(value)) expect(stdout).not.toContain(value);
  expect(stdout).not.toMatch(/\b(rk|ak)_[\w-]{32}\b/);
  return stdout;
};

// The examples that show a helper over the operations rather than an operation of the table.
const HELPERS = ['diagnostics', 'listAllSessions', 'opentelemetry', 'waitForSession'];

test('the examples are one per operation of the table and one per helper', () => {
  const scripts = readdirSync(join(REPO_ROOT, 'examples'))
    .filter((name) => name.endsWith('.ts') && name !== 'env.ts')
    .map((name) => name.slice(0, -'.ts'.length))
    .sort();
  // Each operation's example is run against its route by operations-table.test.ts; the nine of
  // the spec and the helpers are also tested below, each for the effect it claims.
  expect(scripts).toEqual([...Object.keys(TABLE), ...HELPERS].sort());
});

slow('createSession: a new session, and it exists afterwards', async () => {
  const before = ok(await h.client.sessionsAPI.listSessions().execute()).total;
  const stdout = await succeeds('createSession', 'SessionsAPI.CreateSession');
  expect(stdout).toContain(SessionState.IdvCreated);
  expect(ok(await h.client.sessionsAPI.listSessions().execute()).total).toBe(before + 1);
});

slow('getSession: the session asked for', async () => {
  const sessionId = await createSession(h);
  const stdout = await succeeds('getSession', 'SessionsAPI.GetSession', { SESSION_ID: sessionId });
  expect(stdout).toContain(sessionId);
  expect(stdout).toContain(SessionState.IdvCreated);
});

slow('listSessions: the page, its total and more', async () => {
  const sessionId = await createSession(h);
  const stdout = await succeeds('listSessions', 'SessionsAPI.ListSessions');
  expect(stdout).toContain(sessionId);
  expect(stdout).toMatch(/"total": \d+/);
  expect(stdout).toContain('"more"');
});

slow('listAllSessions: every page, then every session once (or up to LIMIT)', async () => {
  await createSession(h);
  await createSession(h);
  const total = ok(await h.client.sessionsAPI.listSessions().execute()).total;
  const stdout = await succeeds('listAllSessions', 'SessionsAPI.ListSessions', { PAGE_SIZE: '1' });
  expect(stdout.match(/^page \d+: 1 of \d+ sessions, more: (true|false)$/gm)).toHaveLength(total);
  expect(stdout).toContain(`"sessions": ${total},`);
  const limited = await succeeds('listAllSessions', 'SessionsAPI.ListSessions', { LIMIT: '1' });
  expect(limited).toContain('"sessions": 1,');
});

slow('waitForSession: each new state, then the final session', async () => {
  const sessionId = await createSession(h);
  await complete(h, sessionId, { outcome: 'success' });
  const stdout = await succeeds('waitForSession', 'SessionsAPI.WaitForSession', {
    SESSION_ID: sessionId,
    POLL_INTERVAL_MS: '20',
  });
  // One state a second of sandbox time: each new one printed once, in the journey's order (how
  // many depends on how fast the example starts), the polls in between print nothing.
  const journey = ['IdvInitiated', 'IdvAuthenticating', 'IdvInProgress', 'IdvSuccess'];
  const states = [...stdout.matchAll(/^poll (\d+) \([\d.]+ s\): (\w+)$/gm)];
  expect(states[0]?.[1]).toBe('1');
  const order = states.map((match) => journey.indexOf(match[2] ?? ''));
  expect(order.every((at, i) => at > (order[i - 1] ?? -1))).toBe(true);
  expect(states.at(-1)?.[2]).toBe('IdvSuccess');
  expect(stdout).toContain('"state": "IdvSuccess"');
});

slow('diagnostics: a timing line per call and per attempt, path templates only', async () => {
  const stdout = await succeeds('diagnostics', 'SessionsAPI.ListSessions');
  expect(stdout).toMatch(/^attempt {2}NetworkAPI\.ListProviders #1\/3 -> 200 in [\d.]+ ms$/m);
  expect(stdout).toMatch(
    /^call {5}SessionsAPI\.ListSessions GET \/api\/v1\/sessions -> 200 after 1 attempt\(s\) in [\d.]+ ms$/m,
  );
});

slow('cancelSession: the session ends IdvFailed / SessionFailRpCanceled', async () => {
  const sessionId = await createSession(h);
  const stdout = await succeeds('cancelSession', 'SessionsAPI.CancelSession', {
    SESSION_ID: sessionId,
  });
  expect(stdout).toContain('SessionFailRpCanceled');
  expect((await peek(h, sessionId))?.state).toBe(SessionState.IdvFailed);
});

slow('exchangeResultsKey: the identity data, attachment keys named but hidden', async () => {
  const { sessionId, resultsAccessKey } = await verifiedSession(h);
  const stdout = await succeeds('exchangeResultsKey', 'SessionsAPI.ExchangeResultsKey', {
    SESSION_ID: sessionId,
    RESULTS_ACCESS_KEY: resultsAccessKey,
  });
  expect(stdout).toContain('Jane Quinn Sandbox');
  expect(stdout).toContain('documentFront');
});

slow(
  'exchangeAttachmentAccessKey: the image type and size, then "not ready" for a pending one',
  async () => {
    const attachmentKey = async (attachmentsPending: number) => {
      const sessionId = await createSession(h);
      const resultsAccessKey = await complete(h, sessionId, {
        outcome: 'success',
        advance: 'now',
        attachments: ['selfie'],
        attachmentsPending,
      });
      const { identityData } = ok(
        await h.client.sessionsAPI
          .exchangeResultsKey(sessionId)
          .exchangeResultsKeyRequest({ resultsAccessKey })
          .execute(),
      );
      return identityData!.attachments!.selfie!;
    };
    const ready = await succeeds(
      'exchangeAttachmentAccessKey',
      'AttachmentsAPI.ExchangeAttachmentAccessKey',
      {
        ATTACHMENT_ACCESS_KEY: await attachmentKey(0),
      },
    );
    expect(ready).toMatch(/image\/png, \d+ bytes/);
    const pending = await succeeds(
      'exchangeAttachmentAccessKey',
      'AttachmentsAPI.ExchangeAttachmentAccessKey',
      {
        ATTACHMENT_ACCESS_KEY: await attachmentKey(1),
      },
    );
    expect(pending).toContain('not ready yet');
  },
);

slow('redactSession: 200, and the results can no longer be exchanged', async () => {
  const { sessionId, resultsAccessKey } = await verifiedSession(h);
  const stdout = await succeeds('redactSession', 'SessionsAPI.RedactSession', {
    SESSION_ID: sessionId,
  });
  expect(stdout).toContain('HTTP 200');
  const error = httpError(
    await h.client.sessionsAPI
      .exchangeResultsKey(sessionId)
      .exchangeResultsKeyRequest({ resultsAccessKey })
      .execute(),
  );
  expect(error.status).toBe(400);
});

slow('listProviders: the sandbox providers', async () => {
  const stdout = await succeeds('listProviders', 'NetworkAPI.ListProviders');
  for (const id of ['yoti', 'clear', 'mdl']) expect(stdout).toContain(`"${id}"`);
});

slow('identityLookup: a verified phone number is in the network', async () => {
  await verifiedSession(h, {
    outcome: 'success',
    advance: 'now',
    identityData: { person: { phoneNumber: '+1 555 010 0777' } },
  });
  const known = await succeeds('identityLookup', 'NetworkAPI.IdentityLookup', {
    PHONE_NUMBER: '+15550100777',
  });
  expect(known).toContain('"identityInNetwork": true');
  const unknown = await succeeds('identityLookup', 'NetworkAPI.IdentityLookup', {
    PHONE_NUMBER: '+15550100778',
  });
  expect(unknown).toContain('"identityInNetwork": false');
});

slow('an example that gets an error answer says so on stderr and exits 1', async () => {
  const { code, stdout, stderr } = await run('getSession', { SESSION_ID: 'no-such-session' });
  expect(code).toBe(1);
  expect(stdout).toBe('');
  expect(stderr).toContain('HTTP 404');
  const unauthorised = await runTsx(
    'examples/listProviders.ts',
    cleanEnv({ TRINSIC_BASE_URL: h.sandbox.url, TRINSIC_API_KEY: 'sk_wrong' }),
  );
  expect(unauthorised.code).toBe(1);
  expect(unauthorised.stderr).toContain('HTTP 401');
  expect(unauthorised.stderr).not.toContain('sk_wrong');
});
