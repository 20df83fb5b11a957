import * as E from 'fp-ts/lib/Either.js';
import { clientFor } from '../support/client.js';
import { sessionWith } from '../support/fixtures.js';
import { closedPort, sendJson, startLoopback, type Loopback } from '../support/loopback.js';

// Transport faults over real loopback sockets: what each one becomes, and what is retried.

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('connection refused', () => {
  test('is a NetworkError; a GET is retried up to maxRetries', async () => {
    const { client, close } = clientFor(await closedPort());
    const result = await client.sessionsAPI.getSession('s1').execute();
    await close();
    expect(E.isLeft(result) && result.left).toMatchObject({
      _tag: 'NetworkError',
      code: 'ECONNREFUSED',
      attempts: 3,
    });
  });

  test('createSession is retried too: a refused request cannot have reached the server', async () => {
    const { client, close } = clientFor(await closedPort(), { maxRetries: 1 });
    const result = await client.sessionsAPI.createSession().execute();
    await close();
    expect(E.isLeft(result) && result.left).toMatchObject({ _tag: 'NetworkError', attempts: 2 });
  });

  test('maxRetries(0) on the request disables retries', async () => {
    const { client, close } = clientFor(await closedPort());
    const result = await client.sessionsAPI.getSession('s1').maxRetries(0).execute();
    await close();
    expect(E.isLeft(result) && result.left).toMatchObject({ _tag: 'NetworkError', attempts: 1 });
  });
});

describe('connection reset', () => {
  test('before the headers: a GET is retried and then succeeds', async () => {
    server = await startLoopback((request, response, index) => {
      if (index === 0) request.socket.destroy();
      else sendJson(response, 200, { session: sessionWith() });
    });
    const { client, close } = clientFor(server.url);
    const result = await client.sessionsAPI.getSession('s1').execute();
    await close();
    expect(E.isRight(result) && result.right.attempts).toBe(2);
    expect(server.received).toHaveLength(2);
  });

  test('before the headers: createSession is not retried (the server may have acted)', async () => {
    server = await startLoopback((request) => {
      request.socket.destroy();
    });
    const { client, close } = clientFor(server.url);
    const result = await client.sessionsAPI.createSession().execute();
    await close();
    expect(E.isLeft(result) && result.left).toMatchObject({ _tag: 'NetworkError', attempts: 1 });
    expect(server.received).toHaveLength(1);
  });

  test('after the headers, mid-body: a NetworkError, not a decode of half a body', async () => {
    server = await startLoopback((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      response.write('{"session": {"id": "s1"');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    const { client, close } = clientFor(server.url, { maxRetries: 0 });
    const result = await client.sessionsAPI.getSession('s1').execute();
    await close();
    expect(E.isLeft(result) && result.left._tag).toBe('NetworkError');
  });
});

describe('timeouts', () => {
  test('a server that never answers: TimeoutError after each attempt', async () => {
    server = await startLoopback(() => {
      // never answers
    });
    const { client, close } = clientFor(server.url, { maxRetries: 1 });
    const result = await client.sessionsAPI.getSession('s1').timeout(80).execute();
    await close();
    expect(E.isLeft(result) && result.left).toMatchObject({
      _tag: 'TimeoutError',
      timeoutMs: 80,
      attempts: 2,
    });
    expect(server.received).toHaveLength(2);
  });

  test('a slow-drip body: the timeout covers the body too', async () => {
    server = await startLoopback((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const drip = setInterval(() => {
        if (response.writableEnded || response.destroyed) clearInterval(drip);
        else response.write(' ');
      }, 20);
      response.on('close', () => {
        clearInterval(drip);
      });
    });
    const { client, close } = clientFor(server.url, { maxRetries: 0, timeoutMs: 150 });
    const result = await client.sessionsAPI.getSession('s1').execute();
    await close();
    expect(E.isLeft(result) && result.left).toMatchObject({ _tag: 'TimeoutError', attempts: 1 });
  });

  test('a timeout on createSession is not retried', async () => {
    server = await startLoopback(() => {
      // never answers
    });
    const { client, close } = clientFor(server.url, { timeoutMs: 60 });
    const result = await client.sessionsAPI.createSession().execute();
    await close();
    expect(E.isLeft(result) && result.left).toMatchObject({ _tag: 'TimeoutError', attempts: 1 });
    expect(server.received).toHaveLength(1);
  });
});

describe('abort', () => {
  test('a signal aborted while waiting for the answer ends the call with AbortError', async () => {
    server = await startLoopback(() => {
      // never answers
    });
    const { client, close } = clientFor(server.url);
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 50);
    const result = await client.sessionsAPI.getSession('s1').signal(controller.signal).execute();
    await close();
    expect(E.isLeft(result) && result.left).toMatchObject({ _tag: 'AbortError', attempts: 1 });
  });

  // With backoffs drawn from up to a minute, the abort lands in a wait, which must end at once.
  test('a signal aborted during the backoff wait ends it at once', async () => {
    server = await startLoopback((_request, response) => {
      sendJson(response, 503, {});
    });
    const { client, close } = clientFor(server.url, {
      retryBaseDelayMs: 60_000,
      retryMaxDelayMs: 60_000,
    });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => {
      controller.abort();
    }, 100);
    const result = await client.sessionsAPI.getSession('s1').signal(controller.signal).execute();
    await close();
    expect(E.isLeft(result) && result.left._tag).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('a token provider that never answers is cut short by the abort too', async () => {
    server = await startLoopback((_request, response) => {
      sendJson(response, 200, { session: sessionWith() });
    });
    const { client, close } = clientFor(server.url, {
      accessToken: () => new Promise<string>(() => undefined),
    });
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 30);
    const result = await client.sessionsAPI.getSession('s1').signal(controller.signal).execute();
    await close();
    expect(E.isLeft(result) && result.left).toMatchObject({ _tag: 'AbortError', attempts: 0 });
    expect(server.received).toHaveLength(0);
  });

  test('a token provider that never answers is bounded by the timeout', async () => {
    server = await startLoopback((_request, response) => {
      sendJson(response, 200, { session: sessionWith() });
    });
    const { client, close } = clientFor(server.url, {
      accessToken: () => new Promise<string>(() => undefined),
    });
    const result = await client.sessionsAPI.getSession('s1').timeout(50).execute();
    await close();
    expect(E.isLeft(result) && result.left).toMatchObject({
      _tag: 'TimeoutError',
      timeoutMs: 50,
      attempts: 0,
    });
    expect(server.received).toHaveLength(0);
  });

  test('an already aborted signal sends nothing', async () => {
    server = await startLoopback((_request, response) => {
      sendJson(response, 200, { session: sessionWith() });
    });
    const { client, close } = clientFor(server.url);
    const result = await client.sessionsAPI.getSession('s1').signal(AbortSignal.abort()).execute();
    await close();
    expect(E.isLeft(result) && result.left._tag).toBe('AbortError');
    expect(server.received).toHaveLength(0);
  });
});
