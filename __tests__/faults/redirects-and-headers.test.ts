import * as E from 'fp-ts/lib/Either.js';
import { API_KEY, clientFor } from '../support/client.js';
import { sessionWith } from '../support/fixtures.js';
import { sendJson, startLoopback, type Loopback } from '../support/loopback.js';

// The bearer token goes to the configured origin and nowhere else, and cannot smuggle headers.

const servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

test.each([301, 302, 303, 307, 308])(
  'a %i to another origin is not followed: the other origin sees nothing',
  async (status) => {
    const elsewhere = await startLoopback((_request, response) => {
      sendJson(response, 200, { session: sessionWith() });
    });
    const origin = await startLoopback((_request, response) => {
      response.writeHead(status, { location: `${elsewhere.url}/api/v1/sessions/s1` });
      response.end();
    });
    servers.push(elsewhere, origin);
    const { client, close } = clientFor(origin.url);
    const result = await client.sessionsAPI.getSession('s1').execute();
    await close();
    expect(E.isLeft(result) && result.left).toMatchObject({ _tag: 'HttpError', status });
    expect(E.isLeft(result) && result.left.message).toContain('not followed');
    expect(origin.received[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(elsewhere.received).toHaveLength(0);
  },
);

describe('CR or LF in a header value is refused before sending', () => {
  test.each([
    ['a token with CR LF', { accessToken: 'abc\r\nx-evil: 1' }, {}],
    ['a token with LF', { accessToken: 'abc\nx-evil: 1' }, {}],
    ['a default header', { defaultHeaders: { 'x-tenant': 'a\r\nx-evil: 1' } }, {}],
    ['a request header', {}, { 'x-trace': 'a\nb' }],
  ])('%s', async (_name, parameters, headers) => {
    const server = await startLoopback((_request, response) => {
      sendJson(response, 200, { session: sessionWith() });
    });
    servers.push(server);
    const { client, close } = clientFor(server.url, parameters);
    const result = await client.sessionsAPI.getSession('s1').headers(headers).execute();
    await close();
    expect(E.isLeft(result) && result.left).toMatchObject({ _tag: 'InvalidRequest', attempts: 0 });
    expect(E.isLeft(result) && result.left.message).toMatch(/CR or LF/);
    expect(E.isLeft(result) && result.left.message).not.toContain('abc');
    expect(server.received).toHaveLength(0);
  });

  test('a per-request token with CR is refused too', async () => {
    const server = await startLoopback((_request, response) => {
      sendJson(response, 200, { session: sessionWith() });
    });
    servers.push(server);
    const { client, close } = clientFor(server.url);
    const result = await client.sessionsAPI
      .getSession('s1')
      .accessToken('tk_long\rvalue')
      .execute();
    await close();
    expect(E.isLeft(result) && result.left.message).toContain('authorization');
    expect(server.received).toHaveLength(0);
  });
});

test('an invalid header name is refused before sending', async () => {
  const server = await startLoopback((_request, response) => {
    sendJson(response, 200, { session: sessionWith() });
  });
  servers.push(server);
  const { client, close } = clientFor(server.url);
  const result = await client.sessionsAPI.getSession('s1').headers({ 'bad name': 'x' }).execute();
  await close();
  expect(E.isLeft(result) && result.left).toMatchObject({ _tag: 'InvalidRequest' });
  expect(server.received).toHaveLength(0);
});
