import * as E from 'fp-ts/lib/Either.js';
import { retryAfterMs } from '../../lib/pipeline/retry.js';
import { clientFor } from '../support/client.js';
import { sessionWith } from '../support/fixtures.js';
import { sendJson, startLoopback, type Loopback } from '../support/loopback.js';

// Which answers are retried, how many times, and after how long.

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const created = {
  session: sessionWith({ state: 'IdvCreated' }),
  launchUrl: 'https://x.test/l?t=1',
};

test('503 then 200: retried once, the result says 2 attempts', async () => {
  server = await startLoopback((_request, response, index) => {
    if (index === 0) sendJson(response, 503, {});
    else sendJson(response, 200, { session: sessionWith() });
  });
  const { client, close } = clientFor(server.url);
  const result = await client.sessionsAPI.getSession('s1').execute();
  await close();
  expect(E.isRight(result) && result.right.attempts).toBe(2);
  expect(server.received.map((r) => r.url)).toEqual(['/api/v1/sessions/s1', '/api/v1/sessions/s1']);
});

test.each([408, 429, 500, 502, 503, 504])(
  '%i is retried for an idempotent call',
  async (status) => {
    server = await startLoopback((_request, response, index) => {
      if (index === 0) sendJson(response, status, {});
      else sendJson(response, 200, { session: sessionWith({ state: 'IdvFailed' }) });
    });
    const { client, close } = clientFor(server.url);
    const result = await client.sessionsAPI.cancelSession('s1').execute();
    await close();
    expect(E.isRight(result) && result.right.attempts).toBe(2);
  },
);

test.each([400, 401, 403, 404, 409, 501])('%i is not retried', async (status) => {
  server = await startLoopback((_request, response) => {
    sendJson(response, status, { message: 'no' });
  });
  const { client, close } = clientFor(server.url);
  const result = await client.sessionsAPI.getSession('s1').execute();
  await close();
  expect(E.isLeft(result) && result.left).toMatchObject({ _tag: 'HttpError', status, attempts: 1 });
  expect(server.received).toHaveLength(1);
});

test('when every attempt fails, the last answer is the error and attempts counts them all', async () => {
  server = await startLoopback((_request, response) => {
    sendJson(response, 502, {});
  });
  const { client, close } = clientFor(server.url, { maxRetries: 3 });
  const result = await client.networkAPI.listProviders().execute();
  await close();
  expect(E.isLeft(result) && result.left).toMatchObject({
    _tag: 'HttpError',
    status: 502,
    attempts: 4,
  });
  expect(server.received).toHaveLength(4);
});

test('500 on createSession is not retried: the Session may exist', async () => {
  server = await startLoopback((_request, response) => {
    sendJson(response, 500, {});
  });
  const { client, close } = clientFor(server.url);
  const result = await client.sessionsAPI.createSession().execute();
  await close();
  expect(E.isLeft(result) && result.left).toMatchObject({
    _tag: 'HttpError',
    status: 500,
    attempts: 1,
  });
  expect(server.received).toHaveLength(1);
});

test.each([
  ['exchangeResultsKey', 'POST /api/v1/sessions/s1/results/exchange'],
  ['exchangeAttachmentAccessKey', 'POST /api/v1/attachments/exchange'],
])('503 on %s is not retried: a key may be single-use', async (_name, expected) => {
  server = await startLoopback((_request, response) => {
    sendJson(response, 503, {});
  });
  const { client, close } = clientFor(server.url);
  const result =
    _name === 'exchangeResultsKey'
      ? await client.sessionsAPI
          .exchangeResultsKey('s1')
          .exchangeResultsKeyRequest({ resultsAccessKey: 'rk_secret' })
          .execute()
      : await client.attachmentsAPI
          .exchangeAttachmentAccessKey()
          .exchangeAttachmentAccessKeyRequest({ attachmentAccessKey: 'ak_secret' })
          .execute();
  await close();
  expect(E.isLeft(result) && result.left).toMatchObject({ status: 503, attempts: 1 });
  expect(server.received.map((r) => `${r.method} ${r.url}`)).toEqual([expected]);
});

test('429 with Retry-After is honoured, capped by maxRetryAfterMs', async () => {
  server = await startLoopback((_request, response, index) => {
    if (index === 0) {
      response.writeHead(429, { 'retry-after': '3600' });
      response.end();
    } else sendJson(response, 200, { session: sessionWith() });
  });
  // Backoff alone would wait at most 40 ms; the server asks for an hour, the cap says 300 ms.
  const { client, close } = clientFor(server.url, { maxRetryAfterMs: 300 });
  const started = performance.now();
  const result = await client.sessionsAPI.getSession('s1').execute();
  const waited = performance.now() - started;
  await close();
  expect(E.isRight(result) && result.right.attempts).toBe(2);
  expect(waited).toBeGreaterThanOrEqual(280);
  expect(waited).toBeLessThan(5_000);
});

test('createSession is not retried even after a 429', async () => {
  server = await startLoopback((_request, response) => {
    response.writeHead(429, { 'retry-after': '0' });
    response.end();
  });
  const { client, close } = clientFor(server.url);
  const result = await client.sessionsAPI.createSession().execute();
  await close();
  expect(E.isLeft(result) && result.left).toMatchObject({ status: 429, attempts: 1 });
});

test('a successful createSession reports one attempt', async () => {
  server = await startLoopback((_request, response) => {
    sendJson(response, 200, created);
  });
  const { client, close } = clientFor(server.url);
  const result = await client.sessionsAPI.createSession().execute();
  await close();
  expect(E.isRight(result) && result.right.attempts).toBe(1);
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-11-27T10:00:00Z');
  test.each([
    ['2', 2000],
    ['0', 0],
    ['1.5', 1500],
    ['Fri, 27 Nov 2026 10:00:05 GMT', 5000],
    ['Fri, 27 Nov 2026 09:59:00 GMT', 0],
    ['86400', 60_000],
  ])('%s → %i ms', (value, expected) => {
    expect(retryAfterMs({ 'retry-after': value }, 60_000, now)).toBe(expected);
  });

  test.each([undefined, '', 'soon', '-3'])('%s is ignored', (value) => {
    expect(retryAfterMs({ 'retry-after': value }, 60_000, now)).toBeUndefined();
  });
});
