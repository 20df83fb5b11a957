import { isLeft } from 'fp-ts/lib/Either.js';
import { request } from 'undici';
import { ok, raw, startHarness } from '../support/harness.js';
import { startSandbox } from '../../sandbox/index.js';
import { router } from '../../sandbox/router.js';
import { createSandboxServer } from '../../sandbox/server.js';

// The sandbox as a module tests import: start on port 0, reset, stop; loopback only.

test('starts on a free port with a random API key; two sandboxes are independent', async () => {
  const a = await startSandbox();
  const b = await startSandbox();
  try {
    expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(a.port).toBeGreaterThan(0);
    expect(a.port).not.toBe(b.port);
    expect(a.apiKey).toMatch(/^sk_sandbox_[\w-]{32}$/);
    expect(a.apiKey).not.toBe(b.apiKey);
    const withKey = (apiKey: string, url: string) =>
      raw({ url, apiKey }, 'GET', '/api/v1/sessions');
    expect((await withKey(a.apiKey, a.url)).status).toBe(200);
    expect((await withKey(b.apiKey, a.url)).status).toBe(401);
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
});

test('reset forgets every session; stop closes kept-alive connections and can be called twice', async () => {
  const h = await startHarness();
  try {
    ok(await h.client.sessionsAPI.createSession().execute());
    expect(ok(await h.client.sessionsAPI.listSessions().execute()).total).toBe(1);
    h.sandbox.reset();
    expect(ok(await h.client.sessionsAPI.listSessions().execute()).total).toBe(0);
    // The control route resets too.
    ok(await h.client.sessionsAPI.createSession().execute());
    expect(await h.control.reset()).toEqual({ _tag: 'Right', right: undefined });
    expect(ok(await h.client.sessionsAPI.listSessions().execute()).total).toBe(0);
  } finally {
    await Promise.all([h.sandbox.stop(), h.sandbox.stop()]);
  }
  const after = await h.client.networkAPI.listProviders().execute();
  expect(isLeft(after) && after.left._tag).toBe('NetworkError');
});

test('a chosen port and API key are used; a port in use is an error', async () => {
  const first = await startSandbox({ apiKey: 'my-own-key' });
  try {
    expect(first.apiKey).toBe('my-own-key');
    const again = await startSandbox({ port: first.port }).catch((error: unknown) => error);
    expect(again).toEqual(expect.objectContaining({ code: 'EADDRINUSE' }));
  } finally {
    await first.stop();
  }
});

test('listens on loopback only, and refuses an API key that cannot travel in a header', async () => {
  await expect(startSandbox({ host: '0.0.0.0' })).rejects.toThrow('loopback only');
  await expect(startSandbox({ apiKey: 'two words' })).rejects.toThrow('must not contain spaces');
  const v6 = await startSandbox({ host: '::1' }).catch(() => undefined);
  // Some machines have no IPv6 loopback; where there is one, the URL brackets it.
  if (v6) {
    try {
      expect(v6.url).toMatch(/^http:\/\/\[::1\]:\d+$/);
      expect((await raw(v6, 'GET', '/api/v1/network/providers')).status).toBe(200);
    } finally {
      await v6.stop();
    }
  }
});

test('an exception in a handler is a 500 with a JSON message, reported to onError', async () => {
  const errors: unknown[] = [];
  const server = createSandboxServer({
    router: router([
      {
        method: 'GET',
        path: '/boom',
        auth: false,
        json: false,
        handle: () => {
          throw new Error('boom');
        },
      },
    ]),
    apiKey: 'k',
    baseUrl: () => '',
    onError: (error) => errors.push(error),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const answer = await request(`http://127.0.0.1:${port}/boom`);
    expect(answer.statusCode).toBe(500);
    expect(await answer.body.json()).toEqual({
      message: 'The sandbox failed to handle this request',
    });
    expect(errors).toEqual([new Error('boom')]);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('onRequest logs method, route template, status and time: never the query or a secret', async () => {
  const lines: string[] = [];
  const sandbox = await startSandbox({
    apiKey: 'secret-key',
    onRequest: ({ method, route, status, ms }) =>
      lines.push(`${method} ${route} ${status} ${ms >= 0}`),
  });
  try {
    await raw(sandbox, 'GET', '/api/v1/network/identities/%2B15555550100?x=y');
    await raw(sandbox, 'GET', '/api/v1/sessions?PageSize=1', { auth: false });
    await raw(sandbox, 'GET', '/nowhere');
    expect(lines).toEqual([
      'GET /api/v1/network/identities/{phoneNumber} 200 true',
      'GET /api/v1/sessions 401 true',
      'GET /nowhere 404 true',
    ]);
  } finally {
    await sandbox.stop();
  }
});
