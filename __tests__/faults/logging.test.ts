import { jest } from '@jest/globals';
import * as E from 'fp-ts/lib/Either.js';
import { API_KEY, clientFor } from '../support/client.js';
import { sessionWith } from '../support/fixtures.js';
import { sendJson, startLoopback, type Loopback } from '../support/loopback.js';

// Debug lines: one per attempt, bodies only when asked for, and no secret in any of them.

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const RESULTS_KEY = 'rk_live_results_key_4242424242';
const ATTACHMENT_KEY = 'ak_live_attachment_key_777777';
const LAUNCH_URL = 'https://connect.trinsic.id/api/session/launch?clientToken=ct_secret_99';

test('one line per attempt: method, path, status, duration, attempt', async () => {
  server = await startLoopback((_request, response, index) => {
    if (index === 0) sendJson(response, 503, {});
    else sendJson(response, 200, { session: sessionWith() });
  });
  const lines: string[] = [];
  const { client, close } = clientFor(server.url, { debug: (line) => lines.push(line) });
  const result = await client.sessionsAPI.getSession('s1').execute();
  await close();
  expect(E.isRight(result)).toBe(true);
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(
    /^connect SessionsAPI\.GetSession: GET \/api\/v1\/sessions\/s1 -> 503 in \d+\.\d ms \(attempt 1\/3\)$/,
  );
  expect(lines[1]).toMatch(/-> 200 in \d+\.\d ms \(attempt 2\/3\)$/);
});

test.each([
  [undefined, 0],
  [true, 1],
])('debug: %s writes %i line(s) to stderr', async (debug, expected) => {
  server = await startLoopback((_request, response) => {
    sendJson(response, 200, { session: sessionWith() });
  });
  const written: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    written.push(String(chunk));
    return true;
  });
  const { client, close } = clientFor(server.url, debug === undefined ? {} : { debug });
  await client.sessionsAPI.getSession('s1').execute();
  spy.mockRestore();
  await close();
  expect(written.filter((w) => w.startsWith('connect SessionsAPI.GetSession'))).toHaveLength(
    expected,
  );
});

test('bodies only with logBodies, and every secret masked', async () => {
  server = await startLoopback((request, response) => {
    if (request.url?.endsWith('/results/exchange')) {
      sendJson(response, 200, {
        session: sessionWith(),
        identityData: {
          originatingProviderId: 'yoti',
          person: { givenName: 'Ada' },
          attachments: { selfie: ATTACHMENT_KEY, documentFront: ATTACHMENT_KEY },
        },
      });
    } else sendJson(response, 200, { session: sessionWith(), launchUrl: LAUNCH_URL });
  });
  const quiet: string[] = [];
  const loud: string[] = [];
  const q = clientFor(server.url, { debug: (line) => quiet.push(line) });
  const l = clientFor(server.url, { debug: (line) => loud.push(line), logBodies: true });
  for (const { client } of [q, l]) {
    const exchanged = await client.sessionsAPI
      .exchangeResultsKey('s1')
      .exchangeResultsKeyRequest({ resultsAccessKey: RESULTS_KEY })
      .execute();
    expect(E.isRight(exchanged)).toBe(true);
    const created = await client.sessionsAPI.createSession().execute();
    expect(E.isRight(created)).toBe(true);
  }
  await Promise.all([q.close(), l.close()]);

  expect(quiet).toHaveLength(2);
  expect(quiet.join('\n')).not.toContain('body');
  const all = loud.join('\n');
  // Personal data is masked too; its shape stays visible.
  expect(all).toContain('"person":{"givenName":"[REDACTED]"}');
  expect(all).toContain('"originatingProviderId":"yoti"');
  expect(all).not.toContain('Ada');
  expect(all).toContain('"resultsAccessKey":"[REDACTED]"');
  expect(all).toContain('"selfie":"[REDACTED]"');
  expect(all).toContain('"launchUrl":"[REDACTED]"');
  expect(all).toContain('"authorization":"[REDACTED]"');
  for (const secret of [API_KEY, RESULTS_KEY, ATTACHMENT_KEY, 'ct_secret_99']) {
    expect(all).not.toContain(secret);
  }
});

test('credential-like headers are masked in logged request headers', async () => {
  server = await startLoopback((_request, response) => {
    sendJson(response, 200, { session: sessionWith() });
  });
  const lines: string[] = [];
  const { client, close } = clientFor(server.url, {
    debug: (line) => lines.push(line),
    logBodies: true,
    defaultHeaders: { Cookie: 'sid=cookie-secret', 'X-Api-Key': 'header-key-secret' },
  });
  await client.sessionsAPI.getSession('s1').headers({ 'X-Trace': 'trace-1' }).execute();
  await close();
  const all = lines.join('\n');
  expect(server.received[0]?.headers.cookie).toBe('sid=cookie-secret');
  expect(all).toContain('"x-trace":"trace-1"');
  expect(all).toContain('"cookie":"[REDACTED]"');
  for (const secret of ['cookie-secret', 'header-key-secret', API_KEY]) {
    expect(all).not.toContain(secret);
  }
});

test('a phone number in the path is masked', async () => {
  server = await startLoopback((_request, response) => {
    sendJson(response, 200, { identityInNetwork: true });
  });
  const lines: string[] = [];
  const { client, close } = clientFor(server.url, { debug: (line) => lines.push(line) });
  const result = await client.networkAPI.identityLookup('+1 555 0100').execute();
  await close();
  expect(E.isRight(result)).toBe(true);
  expect(server.received[0]?.url).toBe('/api/v1/network/identities/+1%20555%200100');
  expect(lines[0]).toContain('GET /api/v1/network/identities/[REDACTED] -> 200');
  expect(lines.join('\n')).not.toContain('555');
});

test('an error message never holds the token, even when the server echoes it', async () => {
  server = await startLoopback((request, response) => {
    sendJson(response, 401, { message: `bad token ${request.headers.authorization ?? ''}` });
  });
  const lines: string[] = [];
  const { client, close } = clientFor(server.url, {
    debug: (line) => lines.push(line),
    logBodies: true,
  });
  const result = await client.sessionsAPI.getSession('s1').execute();
  await close();
  expect(E.isLeft(result) && result.left.message).toBe(
    'SessionsAPI.GetSession: HTTP 401: bad token Bearer [REDACTED]',
  );
  expect(lines.join('\n')).not.toContain(API_KEY);
});
