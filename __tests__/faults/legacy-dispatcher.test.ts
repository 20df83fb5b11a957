import * as E from 'fp-ts/lib/Either.js';
import { gzipSync } from 'node:zlib';
import { Agent as Agent6, type Dispatcher as Dispatcher6 } from 'undici-v6';
import { Agent as Agent7 } from 'undici-v7';
import { APIClient, Configuration } from '../../index.js';
import { startLoopback, type Loopback } from '../support/loopback.js';

// A Dispatcher of undici 6, which speaks only the old handler API (onConnect, onHeaders, onData,
// onComplete, onError), and of undici 7, which takes either: the SDK's requests go through both
// over a real loopback connection, with headers, compressed bodies, timeouts and refused
// connections behaving as they do through undici 8.

const PROVIDERS = { providers: [{ id: 'yoti', name: 'Yoti', logoUrl: 'https://logo.test/y' }] };

let server: Loopback;

beforeAll(async () => {
  server = await startLoopback((request, response) => {
    if (request.url === '/slow/api/v1/network/providers') return; // never answers
    response.setHeader('content-type', 'application/json');
    response.setHeader('x-trace', ['first', 'second']);
    if (request.headers['accept-encoding'] === 'gzip') {
      response.setHeader('content-encoding', 'gzip');
      response.end(gzipSync(JSON.stringify(PROVIDERS)));
    } else {
      response.end(JSON.stringify(PROVIDERS));
    }
  });
});

afterAll(async () => {
  await server.close();
});

describe.each([
  ['undici 6', () => new Agent6()],
  ['undici 7', () => new Agent7()],
] as const)('an Agent of %s as the dispatcher', (_major, makeAgent) => {
  let agent: Agent6 | Agent7;
  beforeEach(() => {
    agent = makeAgent();
  });
  afterEach(async () => {
    await agent.close();
  });

  const client = (basePath: string, extra: { timeoutMs?: number } = {}) =>
    new APIClient(
      new Configuration({
        basePath,
        accessToken: 'legacy-dispatcher-key',
        dispatcher: agent,
        maxRetries: 0,
        ...extra,
      }),
    );

  test('carries the request and brings back status, headers (repeated ones too) and body', async () => {
    const before = server.received.length;
    const result = await client(server.url).networkAPI.listProviders().execute();
    expect(E.isRight(result) && result.right.data).toEqual(PROVIDERS);
    expect(E.isRight(result) && result.right.response.status).toBe(200);
    expect(E.isRight(result) && result.right.response.headers['x-trace']).toEqual([
      'first',
      'second',
    ]);
    const sent = server.received[before];
    expect(sent).toMatchObject({ method: 'GET', url: '/api/v1/network/providers' });
    expect(sent?.headers.authorization).toBe('Bearer legacy-dispatcher-key');
  });

  test('a compressed answer is decoded', async () => {
    const result = await client(server.url)
      .networkAPI.listProviders()
      .headers({ 'accept-encoding': 'gzip' })
      .execute();
    expect(E.isRight(result) && result.right.response.headers['content-encoding']).toBe('gzip');
    expect(E.isRight(result) && result.right.data).toEqual(PROVIDERS);
  });

  test('an answer that never comes ends in a TimeoutError', async () => {
    const result = await client(`${server.url}/slow`, { timeoutMs: 200 })
      .networkAPI.listProviders()
      .execute();
    expect(E.isLeft(result) && result.left).toMatchObject({ _tag: 'TimeoutError', timeoutMs: 200 });
  });

  test('a refused connection is a NetworkError that says so', async () => {
    const closed = await startLoopback(() => undefined);
    await closed.close();
    const result = await client(closed.url).networkAPI.listProviders().execute();
    expect(E.isLeft(result) && result.left).toMatchObject({
      _tag: 'NetworkError',
      code: 'ECONNREFUSED',
    });
  });
});

test('a closed undici 6 Agent reports its error through the old API: a NetworkError', async () => {
  const agent: Dispatcher6 = new Agent6();
  await agent.close();
  const client = new APIClient({ basePath: server.url, dispatcher: agent, maxRetries: 0 });
  const result = await client.networkAPI.listProviders().execute();
  expect(E.isLeft(result) && result.left).toMatchObject({
    _tag: 'NetworkError',
    code: 'UND_ERR_DESTROYED',
  });
});
