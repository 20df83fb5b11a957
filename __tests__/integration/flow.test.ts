import { setTimeout as delay } from 'node:timers/promises';
import { isLeft } from 'fp-ts/lib/Either.js';
import { Agent } from 'undici';
import { main } from '../../examples/flow/main.js';
import { runFlow, type FlowOptions } from '../../examples/flow/run.js';
import { ok, peek, startHarness, type Harness } from '../support/harness.js';
import { cleanEnv, runTsx } from '../support/processes.js';

// `npm start`: the whole flow, as a child process exactly as npm runs it, and in-process for the
// paths a child process cannot reach offline (a "real" API, played here by a sandbox).

const STEP_TITLES = [
  ' 1. List the identity providers (networkAPI.listProviders)',
  ' 2. Create a session (sessionsAPI.createSession)',
  ' 3. Act as the end user (sandbox control route: complete with success)',
  ' 4. Poll the session until it is final (sessionsAPI.getSession)',
  ' 5. Exchange the results access key for identity data (sessionsAPI.exchangeResultsKey)',
  ' 6. Fetch an attachment (attachmentsAPI.exchangeAttachmentAccessKey)',
  ' 7. Is the verified phone number in the network? (networkAPI.identityLookup)',
  ' 8. List the sessions, newest first (sessionsAPI.listSessions)',
  ' 9. Redact the session: its identity data is deleted (sessionsAPI.redactSession)',
  '10. Create another session and cancel it (sessionsAPI.cancelSession)',
];

/** No secret in full: masked values look like `rk_…(35 chars)`. */
const expectNoSecrets = (text: string) => {
  expect(text).not.toMatch(/\b(sk_sandbox|rk|ak|ct)_[\w-]{20,}/);
};

test('npm start (tsx examples/flow/start.ts): the whole flow against a fresh sandbox, exit 0', async () => {
  const { code, stdout, stderr } = await runTsx('examples/flow/start.ts', cleanEnv());
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  const lines = stdout.split('\n');
  expect(lines.filter((line) => /^[ \d]\d\. /.test(line))).toEqual(STEP_TITLES);
  expect(stdout).toMatch(
    /^Target: local sandbox at http:\/\/127\.0\.0\.1:\d+ \(API key sk_…\(\d+ chars\)\)$/m,
  );
  // The polling loop reports each new state once, in the journey's order (one a second of
  // sandbox time: how many it sees depends on how fast this machine runs), IdvSuccess last.
  const journey = ['IdvInitiated', 'IdvAuthenticating', 'IdvInProgress', 'IdvSuccess'];
  const polled = [...stdout.matchAll(/^ +poll (\d+): (\w+)/gm)];
  expect(polled[0]?.[1]).toBe('1');
  const order = polled.map((match) => journey.indexOf(match[2] ?? ''));
  expect(order.every((at, i) => at > (order[i - 1] ?? -1))).toBe(true);
  expect(polled.at(-1)?.[2]).toBe('IdvSuccess');
  for (const expected of [
    'IdvSuccess, provider yoti',
    'person: Ada Lovelace, born 1815-12-10, lives in London',
    'HTTP 202: not ready yet',
    'HTTP 200: image/png',
    'identityInNetwork: true',
    'total 1, more pages: false',
    'exchanging the results key again: refused as expected',
    'fetching the attachment again: refused as expected',
    'after cancel: IdvFailed (SessionFailRpCanceled)',
    'Done: 10 steps in',
  ]) {
    expect(stdout).toContain(expected);
  }
  expectNoSecrets(stdout);
}, 60_000);

describe('in process', () => {
  let h: Harness;
  let dispatcher: Agent;
  let lines: string[];
  const options = (overrides: Partial<FlowOptions> = {}): FlowOptions => ({
    dispatcher,
    write: (line) => lines.push(line),
    pollIntervalMs: 20,
    pollTimeoutMs: 20_000,
    ...overrides,
  });

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sandbox.stop());
  beforeEach(() => {
    h.sandbox.reset();
    lines = [];
    dispatcher = new Agent();
  });
  afterEach(() => dispatcher.close());

  test('main() with only TRINSIC_BASE_URL set says so, and runs against its own sandbox', async () => {
    const err: string[] = [];
    const code = await main(
      { TRINSIC_BASE_URL: 'https://connect.example' },
      { out: (line) => lines.push(line), err: (line) => err.push(line) },
    );
    expect(code).toBe(0);
    expect(err).toEqual([
      'Only one of TRINSIC_BASE_URL and TRINSIC_API_KEY is set: using the local sandbox.',
    ]);
    expect(lines.at(-1)).toMatch(/^Done: 10 steps in/);
  }, 30_000);

  test('main() with a base URL that is no URL: exit 1 and why', async () => {
    const err: string[] = [];
    const code = await main(
      { TRINSIC_BASE_URL: 'not a url', TRINSIC_API_KEY: 'sk_live_secret' },
      { out: (line) => lines.push(line), err: (line) => err.push(line) },
    );
    expect(code).toBe(1);
    expect(err.join('\n')).toContain(
      'The flow could not run: Invalid Configuration: basePath must be',
    );
    expect([...lines, ...err].join('\n')).not.toContain('sk_live_secret');
  });

  test('a Left stops the flow with the step and the SDK message', async () => {
    const result = await runFlow(
      { label: 'sandbox', basePath: h.sandbox.url, apiKey: 'sk_wrong', control: h.control },
      options(),
    );
    expect(result).toEqual({
      _tag: 'Left',
      left: 'Step 1: listProviders failed: NetworkAPI.ListProviders: HTTP 401: The API key is not valid',
    });
  });

  // A "real" API: no control route; a person (here, this test) completes the session.
  const external = () => ({
    label: 'an API',
    basePath: h.sandbox.url,
    apiKey: h.sandbox.apiKey,
    control: undefined,
  });

  test('against a real API: waits for the user, skips what needs the results key, ends 0', async () => {
    const user = (async () => {
      for (let i = 0; i < 200; i++) {
        const { sessions } = ok(await h.client.sessionsAPI.listSessions().execute());
        const waiting = sessions.find((s) => s.state === 'IdvCreated');
        if (waiting) {
          await h.control.complete(waiting.id, { outcome: 'success' });
          return waiting.id;
        }
        await delay(10);
      }
      throw new Error('the flow never created a session');
    })();
    const result = await runFlow(external(), options());
    const sessionId = await user;
    expect(isLeft(result) ? result.left : 'ok').toBe('ok');
    const text = lines.join('\n');
    expect(text).toContain(' 3. Wait for the end user');
    // The person running it must open the launch URL: it is shown whole.
    expect(text).toMatch(
      /launch URL \(one-time, sensitive\): http:\/\/127\.0\.0\.1:\d+\/sandbox\/launch\?clientToken=ct_[\w-]{32}/,
    );
    expect(text).toContain('IdvSuccess');
    expect(text).not.toContain('Exchange the results access key');
    expect(text).toContain('Create another session and cancel it');
    expect((await peek(h, sessionId))?.state).toBe('IdvSuccess');
  });

  test('against a real API: no user within the timeout cancels the session and fails', async () => {
    const result = await runFlow(external(), options({ pollTimeoutMs: 200 }));
    expect(result).toEqual({
      _tag: 'Left',
      left: 'Step 4: the session was not final within 0.2 s, so it was canceled',
    });
    const { sessions } = ok(await h.client.sessionsAPI.listSessions().execute());
    expect(sessions.map((s) => [s.state, s.failCode])).toEqual([
      ['IdvFailed', 'SessionFailRpCanceled'],
    ]);
  });
});
