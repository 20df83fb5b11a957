import { isLeft } from 'fp-ts/lib/Either.js';
import { APIClient, Configuration } from '../../index.js';
import { startSandbox, type RequestLogEntry, type Sandbox } from '../../sandbox/index.js';
import {
  API_KEY,
  JSON_HEADERS,
  complete,
  createSession,
  ok,
  raw,
  type Harness,
} from '../support/harness.js';
import { sandboxControl } from '../../sandbox/controlClient.js';
import { expectLeft, expectRight } from '../support/results.js';

// Injected faults (`control.inject`, `POST /sandbox/faults`): each kind reaches the SDK as the
// matching Left, or as a success after the retries it allows, and a faulted request changes
// nothing in the sandbox. The request log marks what a fault answered.

let sandbox: Sandbox;
let log: RequestLogEntry[];
let h: Harness;

beforeAll(async () => {
  sandbox = await startSandbox({ apiKey: API_KEY, onRequest: (entry) => log.push(entry) });
  h = {
    sandbox,
    client: clientWith({ maxRetries: 0 }),
    control: sandboxControl(sandbox.url, sandbox.apiKey),
  };
});
afterAll(() => sandbox.stop());
beforeEach(() => {
  sandbox.reset();
  log = [];
});

/** A strict SDK client with its own retry and timeout settings; backoff kept short. */
const clientWith = (settings: { maxRetries: number; timeoutMs?: number }) =>
  new APIClient(
    new Configuration({
      basePath: sandbox.url,
      accessToken: API_KEY,
      strict: true,
      retryBaseDelayMs: 1,
      retryMaxDelayMs: 1,
      ...settings,
    }),
  );

const inject = async (fault: Parameters<Sandbox['control']['inject']>[0]) => {
  const done = await sandbox.control.inject(fault);
  if (isLeft(done)) throw new Error(done.left);
};

/** The log lines of the Connect API (the control routes' own lines left out). */
const apiLog = () =>
  log
    .filter((entry) => entry.route.startsWith('/api/'))
    .map(({ method, route, status, fault }) => ({ method, route, status, fault }));

const total = async () => ok(await h.client.sessionsAPI.listSessions().execute()).total;

describe('status faults', () => {
  test('503 twice with Retry-After on GetSession: the SDK retries and succeeds', async () => {
    const id = await createSession(h);
    await inject({
      operation: 'SessionsAPI.GetSession',
      times: 2,
      status: 503,
      retryAfterSeconds: 1,
    });

    const result = await clientWith({ maxRetries: 2 }).sessionsAPI.getSession(id).execute();

    expect(expectRight(result).data.session.id).toBe(id);
    const route = '/api/v1/sessions/{sessionId}';
    expect(apiLog().filter((entry) => entry.route === route)).toEqual([
      { method: 'GET', route, status: 503, fault: 'status' },
      { method: 'GET', route, status: 503, fault: 'status' },
      { method: 'GET', route, status: 200, fault: undefined },
    ]);
  });

  test('429 with Retry-After on ListSessions: retried, then the real page', async () => {
    await createSession(h);
    await inject({ operation: 'SessionsAPI.ListSessions', status: 429, retryAfterSeconds: 1 });

    const result = await clientWith({ maxRetries: 1 }).sessionsAPI.listSessions().execute();

    expect(expectRight(result).data.total).toBe(1);
    expect(apiLog().map((entry) => entry.status)).toEqual([200, 429, 200]);
  });

  test('a faulted CreateSession creates no Session; the answer is the spec error shape', async () => {
    await inject({ operation: 'SessionsAPI.CreateSession', status: 503, retryAfterSeconds: 7 });

    const error = expectLeft(await h.client.sessionsAPI.createSession().execute(), 'HttpError');

    expect(error.status).toBe(503);
    expect(error.attempts).toBe(1); // CreateSession is not idempotent: never sent twice
    expect(error.response.headers['retry-after']).toBe('7');
    expect(JSON.parse(Buffer.from(error.response.body).toString('utf8'))).toEqual({
      message: 'Injected fault: HTTP 503 from the sandbox',
    });
    expect(await total()).toBe(0);
  });

  test('a body of your own is answered as given', async () => {
    const body = [{ memberNames: ['RedirectUrl'], errorMessage: 'Injected.' }];
    await inject({ operation: 'SessionsAPI.CreateSession', status: 400, body });

    const error = expectLeft(await h.client.sessionsAPI.createSession().execute(), 'HttpError');

    expect(error.status).toBe(400);
    expect(error.model).toEqual(body);
    expect(await total()).toBe(0);
  });

  test('no operation: the next request of any operation; `times` counts them, then real answers', async () => {
    await inject({ status: 500, times: 2 });

    const providers = expectLeft(await h.client.networkAPI.listProviders().execute(), 'HttpError');
    const lookup = expectLeft(
      await h.client.networkAPI.identityLookup('+15550100999').execute(),
      'HttpError',
    );
    expect([providers.status, lookup.status]).toEqual([500, 500]);
    expect(ok(await h.client.networkAPI.listProviders().execute()).providers).toHaveLength(3);
  });

  test('faults match their operation only, first injected first used', async () => {
    await inject({ operation: 'NetworkAPI.IdentityLookup', status: 502 });
    await inject({ status: 504 });

    const providers = expectLeft(await h.client.networkAPI.listProviders().execute(), 'HttpError');
    const lookup = expectLeft(
      await h.client.networkAPI.identityLookup('+15550100999').execute(),
      'HttpError',
    );
    expect([providers.status, lookup.status]).toEqual([504, 502]);
    expect(ok(await h.client.networkAPI.listProviders().execute()).providers).toHaveLength(3);
  });

  test('204 and 304 answer with no body; an informational status is no answer (NetworkError)', async () => {
    await inject({ operation: 'NetworkAPI.ListProviders', status: 204, times: 1 });
    await inject({ operation: 'NetworkAPI.ListProviders', status: 304, times: 1 });
    const noContent = await raw(sandbox, 'GET', '/api/v1/network/providers');
    const notModified = await raw(sandbox, 'GET', '/api/v1/network/providers');
    expect([noContent.status, noContent.text, notModified.status, notModified.text]).toEqual([
      204,
      '',
      304,
      '',
    ]);
    await inject({ operation: 'NetworkAPI.ListProviders', status: 100 });
    const error = expectLeft(await h.client.networkAPI.listProviders().execute(), 'NetworkError');
    expect(error.attempts).toBe(1);
    expect(ok(await h.client.networkAPI.listProviders().execute()).providers).toHaveLength(3);
  });
});

describe('dropped connections', () => {
  test('with no retry: a NetworkError, and the faulted CreateSession created nothing', async () => {
    await inject({ operation: 'SessionsAPI.CreateSession', drop: true });

    const error = expectLeft(await h.client.sessionsAPI.createSession().execute(), 'NetworkError');

    expect(error.attempts).toBe(1);
    expect(error.message).toMatch(/^SessionsAPI\.CreateSession: /);
    expect(await total()).toBe(0);
    expect(apiLog()[0]).toEqual({
      method: 'POST',
      route: '/api/v1/sessions',
      status: 0,
      fault: 'drop',
    });
  });

  test('an idempotent operation is sent again and succeeds', async () => {
    const id = await createSession(h);
    await inject({ operation: 'SessionsAPI.GetSession', drop: true });

    const result = await clientWith({ maxRetries: 1 }).sessionsAPI.getSession(id).execute();

    expect(expectRight(result).data.session.id).toBe(id);
    expect(apiLog().map((entry) => entry.fault)).toEqual([undefined, 'drop', undefined]);
  });
});

describe('delays', () => {
  test('delayMs alone delays the real answer: the Session is created', async () => {
    await inject({ operation: 'SessionsAPI.CreateSession', delayMs: 300 });

    const { session } = ok(await h.client.sessionsAPI.createSession().execute());

    expect(ok(await h.client.sessionsAPI.getSession(session.id).execute()).session.id).toBe(
      session.id,
    );
    const [entry] = log.filter((line) => line.route.startsWith('/api/'));
    expect(entry).toEqual(expect.objectContaining({ status: 200, fault: 'delay' }));
    expect(entry!.ms).toBeGreaterThanOrEqual(300);
  });

  test('a client that gives up first gets a TimeoutError; the request is never handled', async () => {
    await inject({ operation: 'SessionsAPI.CreateSession', delayMs: 60_000 });

    const result = await clientWith({ maxRetries: 0, timeoutMs: 200 })
      .sessionsAPI.createSession()
      .execute();

    expect(expectLeft(result, 'TimeoutError').timeoutMs).toBe(200);
    expect(await total()).toBe(0);
  });

  test('a delay before a status: the status, late', async () => {
    await inject({ operation: 'NetworkAPI.ListProviders', delayMs: 50, status: 503 });

    const error = expectLeft(await h.client.networkAPI.listProviders().execute(), 'HttpError');

    expect(error.status).toBe(503);
    expect(apiLog()).toEqual([
      { method: 'GET', route: '/api/v1/network/providers', status: 503, fault: 'status' },
    ]);
  });
});

describe('clearing and scope', () => {
  test('clearFaults and reset forget faults not yet used', async () => {
    await inject({ status: 503, times: 5 });
    expect(await sandbox.control.clearFaults()).toEqual({ _tag: 'Right', right: undefined });
    expect(ok(await h.client.networkAPI.listProviders().execute()).providers).toHaveLength(3);
    await inject({ status: 503, times: 5 });
    sandbox.reset();
    expect(ok(await h.client.networkAPI.listProviders().execute()).providers).toHaveLength(3);
    await inject({ status: 503, times: 5 });
    expect(await sandbox.control.reset()).toEqual({ _tag: 'Right', right: undefined });
    expect(ok(await h.client.networkAPI.listProviders().execute()).providers).toHaveLength(3);
  });

  test('control routes and the launch page are never faulted', async () => {
    const { launchUrl, session } = ok(await h.client.sessionsAPI.createSession().execute());
    await inject({ status: 503 });
    const page = await raw(sandbox, 'GET', launchUrl!.slice(sandbox.url.length), { auth: false });
    expect(page.status).toBe(200);
    await complete(h, session.id);
    // The fault is still waiting for the first Connect request.
    expect(
      expectLeft(await h.client.sessionsAPI.getSession(session.id).execute(), 'HttpError').status,
    ).toBe(503);
  });
});

describe('over plain HTTP', () => {
  test('POST /sandbox/faults, the faulted answer, DELETE /sandbox/faults', async () => {
    const injected = await raw(sandbox, 'POST', '/sandbox/faults', {
      headers: JSON_HEADERS,
      body: JSON.stringify({
        operation: 'NetworkAPI.ListProviders',
        status: 429,
        retryAfterSeconds: 2,
        times: 2,
      }),
    });
    expect(injected.status).toBe(200);
    const faulted = await raw(sandbox, 'GET', '/api/v1/network/providers');
    expect(faulted.status).toBe(429);
    expect(faulted.headers['retry-after']).toBe('2');
    expect(faulted.json).toEqual({ message: 'Injected fault: HTTP 429 from the sandbox' });
    const cleared = await raw(sandbox, 'DELETE', '/sandbox/faults');
    expect(cleared.status).toBe(200);
    expect((await raw(sandbox, 'GET', '/api/v1/network/providers')).status).toBe(200);
  });

  test('the fault routes need the API key', async () => {
    const post = await raw(sandbox, 'POST', '/sandbox/faults', {
      auth: false,
      headers: JSON_HEADERS,
      body: '{"status":503}',
    });
    const del = await raw(sandbox, 'DELETE', '/sandbox/faults', { auth: false });
    expect([post.status, del.status]).toEqual([401, 401]);
    expect((await raw(sandbox, 'GET', '/api/v1/network/providers')).status).toBe(200);
  });

  test.each([
    [{ operation: 'SessionsAPI.MakeSession', status: 503 }, 'operation'],
    [{ status: 99 }, 'status'],
    [{ status: 600 }, 'status'],
    [{ status: 503.5 }, 'status'],
    [{ delayMs: -1 }, 'delayMs'],
    [{ delayMs: 600_001 }, 'delayMs'],
    [{ times: 0, status: 503 }, 'times'],
    [{ status: 503, drop: true }, 'drop'],
    [{ drop: true, retryAfterSeconds: 1 }, 'retryAfterSeconds'],
    [{ drop: true, body: {} }, 'body'],
    [{}, 'status'],
    [{ status: 503, retryAfter: 1 }, 'retryAfter'],
  ])('a bad fault %j is a 400 naming %s, and nothing is injected', async (fault, member) => {
    const answer = await raw(sandbox, 'POST', '/sandbox/faults', {
      headers: JSON_HEADERS,
      body: JSON.stringify(fault),
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual([expect.objectContaining({ memberNames: [member] })]);
    expect((await raw(sandbox, 'GET', '/api/v1/network/providers')).status).toBe(200);
  });

  test('through the control client, a bad fault is a Left that names the field', async () => {
    const refused = await sandbox.control.inject({ operation: 'Sessions.Create', status: 503 });
    if (!isLeft(refused)) throw new Error('expected the fault to be refused');
    expect(refused.left).toMatch(/^inject: HTTP 400: \[\{"memberNames":\["operation"\]/);
    expect(refused.left).toContain('Unknown operation \\"Sessions.Create\\": use one of');
    expect(refused.left).toContain('SessionsAPI.CreateSession, SessionsAPI.ListSessions');
  });
});
