import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import nock from 'nock';
import { readFileSync } from 'node:fs';
import { Agent } from 'undici';
import { SDK_VERSION, SessionState, USER_AGENT } from '../../index.js';
import {
  BASE_URL,
  HTML_ERROR_PAGE,
  makeClient,
  OTHER_TOKEN,
  session,
  TOKEN,
  TRICKY_SESSION_ID,
} from '../support/fixtures.js';
import { cancelSession, createSession, getSession, listSessions } from '../support/operations.js';
import { expectLeft, expectRight } from '../support/results.js';
import {
  expectSentRequest,
  holdAnswer,
  interceptOperation,
  mockOperation,
  mockSuccess,
  useNock,
} from '../support/wire.js';

// Builders are immutable values: a setter returns a new builder and leaves the old one as it
// was; per-request options ride along the same way. `execute` is a TaskEither on its own.

useNock();

const client = makeClient();

describe('immutability', () => {
  test('each setter returns a new builder; the original still sends its own parameters', async () => {
    const base = client.sessionsAPI.listSessions().pageSize(10);
    const derived = base.page(2).orderBy('Created');
    const baseOp = { ...listSessions, query: { PageSize: '10' } };
    const derivedOp = { ...listSessions, query: { PageSize: '10', Page: '2', OrderBy: 'Created' } };
    const derivedMock = mockSuccess(derivedOp);
    const baseMock = mockSuccess(baseOp);

    expectRight(await derived.execute());
    expectRight(await base.execute());

    derivedMock.scope.done();
    baseMock.scope.done();
    expectSentRequest(derivedMock.seen[0], derivedOp);
    expectSentRequest(baseMock.seen[0], baseOp);
    expect(derived).not.toBe(base);
  });

  test('every setter of listSessions returns a new builder', () => {
    const start = client.sessionsAPI.listSessions();
    const next = [
      start.orderBy('State'),
      start.orderDirection('Ascending'),
      start.pageSize(5),
      start.page(3),
      start.timeout(1_000),
      start.maxRetries(0),
      start.accessToken(OTHER_TOKEN),
      start.headers({ 'X-Trace': '1' }),
      start.signal(new AbortController().signal),
    ];

    for (const builder of next) expect(builder).not.toBe(start);
  });

  test('replacing a body leaves the builder that had the first one unchanged', async () => {
    const first = client.sessionsAPI.createSession().createSessionRequest({ providers: ['yoti'] });
    const second = first.createSessionRequest({ providers: ['clear'] });
    const firstOp = { ...createSession, body: { providers: ['yoti'] } };
    const secondOp = { ...createSession, body: { providers: ['clear'] } };
    const secondMock = mockSuccess(secondOp);
    const firstMock = mockSuccess(firstOp);

    expectRight(await second.execute());
    expectRight(await first.execute());

    secondMock.scope.done();
    firstMock.scope.done();
  });

  test('an option set on a derived builder does not reach the original', async () => {
    const base = client.sessionsAPI.getSession(TRICKY_SESSION_ID);
    const traced = base.headers({ 'X-Trace': '1' }).accessToken(OTHER_TOKEN);
    const tracedMock = mockSuccess(getSession, { token: OTHER_TOKEN, headers: { 'x-trace': '1' } });

    expectRight(await traced.execute());
    tracedMock.scope.done();
    const baseMock = mockSuccess(getSession);
    expectRight(await base.execute());

    baseMock.scope.done();
    expect(baseMock.seen[0]!.headers['x-trace']).toBeUndefined();
    expectSentRequest(baseMock.seen[0], getSession);
  });

  test('a builder can be executed again: each execute sends a request', async () => {
    const request = getSession.build(client);
    const first = mockSuccess(getSession);
    const second = mockSuccess(getSession);

    expectRight(await request.execute());
    expectRight(await request.execute());

    first.scope.done();
    second.scope.done();
  });
});

describe('per-request options', () => {
  test('.accessToken(other) replaces the configured token for that request', async () => {
    const { scope, seen } = mockSuccess(getSession, { token: OTHER_TOKEN });

    expectRight(await getSession.build(client).accessToken(OTHER_TOKEN).execute());

    scope.done();
    expectSentRequest(seen[0], getSession, { token: OTHER_TOKEN });
  });

  test('.headers() are sent; later calls add to earlier ones and win on a clash', async () => {
    const expected = { 'x-trace': '2', 'x-tenant': 'acme' };
    const { scope, seen } = mockSuccess(getSession, { headers: expected });

    expectRight(
      await getSession
        .build(client)
        .headers({ 'X-Trace': '1' })
        .headers({ 'X-Tenant': 'acme', 'x-trace': '2' })
        .execute(),
    );

    scope.done();
    expectSentRequest(seen[0], getSession, { headers: expected });
  });

  test('.headers() cannot replace the Authorization the SDK sends', async () => {
    const { scope, seen } = mockSuccess(getSession);

    expectRight(await getSession.build(client).headers({ Authorization: 'Basic eA==' }).execute());

    scope.done();
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  test('a token function is called for every request, sync or async', async () => {
    let calls = 0;
    const tokens = [TOKEN, OTHER_TOKEN];
    const rotating = makeClient({
      accessToken: async () => {
        await Promise.resolve();
        return tokens[calls++] ?? 'exhausted';
      },
    });
    const first = mockSuccess(getSession, { token: TOKEN });
    const second = mockSuccess(getSession, { token: OTHER_TOKEN });

    expectRight(await getSession.build(rotating).execute());
    expectRight(await getSession.build(rotating).execute());

    first.scope.done();
    second.scope.done();
    expect(calls).toBe(2);
  });

  test('a synchronous token function on the request works too', async () => {
    const { scope } = mockSuccess(getSession, { token: OTHER_TOKEN });

    expectRight(
      await getSession
        .build(client)
        .accessToken(() => OTHER_TOKEN)
        .execute(),
    );

    scope.done();
  });

  test('.maxRetries(1) on the request overrides maxRetries 0 in the configuration', async () => {
    const noRetries = makeClient({ maxRetries: 0, retryBaseDelayMs: 5 });
    const failed = mockOperation(getSession, (interceptor) =>
      interceptor.reply(500, HTML_ERROR_PAGE),
    );
    const succeeded = mockSuccess(getSession);

    const ok = expectRight(await getSession.build(noRetries).maxRetries(1).execute());

    failed.scope.done();
    succeeded.scope.done();
    expect(ok.attempts).toBe(2);
  });

  test("the configuration's timeoutMs applies when the request sets none", async () => {
    const impatient = makeClient({ timeoutMs: 50, maxRetries: 0 });
    const { scope } = holdAnswer(interceptOperation(getSession), 200, '{}');

    const error = expectLeft(await getSession.build(impatient).execute(), 'TimeoutError');

    scope.done();
    expect(error.timeoutMs).toBe(50);
  });
});

describe('configuration', () => {
  test('without an access token no Authorization header is sent', async () => {
    const anonymous = makeClient({ accessToken: undefined });
    const { scope, seen } = mockSuccess(getSession, { token: undefined });

    expectRight(await getSession.build(anonymous).execute());

    scope.done();
    expectSentRequest(seen[0], getSession, { token: undefined });
  });

  test('defaultHeaders are sent; a per-request header of the same name wins', async () => {
    const withDefaults = makeClient({ defaultHeaders: { 'X-Tenant': 'acme', 'X-Trace': '0' } });
    const expected = { 'x-tenant': 'acme', 'x-trace': '1' };
    const { scope, seen } = mockSuccess(getSession, { headers: expected });

    expectRight(await getSession.build(withDefaults).headers({ 'X-Trace': '1' }).execute());

    scope.done();
    expectSentRequest(seen[0], getSession, { headers: expected });
  });

  test('the User-Agent names the SDK and the version in package.json', async () => {
    const { scope, seen } = mockSuccess(getSession);
    const packageJson: unknown = JSON.parse(readFileSync('package.json', 'utf8'));

    expectRight(await getSession.build(client).execute());

    scope.done();
    expect(packageJson).toMatchObject({ name: 'trinsic-connect-sdk', version: SDK_VERSION });
    expect(seen[0]!.headers['user-agent']).toBe(USER_AGENT);
    expect(USER_AGENT.startsWith(`trinsic-connect-sdk/${SDK_VERSION} `)).toBe(true);
  });

  test('a userAgent in the configuration replaces the default', async () => {
    const custom = makeClient({ userAgent: 'acme-verifier/2.1' });
    const scope = nock(BASE_URL)
      .matchHeader('user-agent', 'acme-verifier/2.1')
      .get(getSession.path)
      .reply(200, { session });

    expectRight(await getSession.build(custom).execute());

    scope.done();
  });

  test('a basePath with a path prefix and a trailing slash is joined cleanly', async () => {
    const proxied = makeClient({ basePath: `${BASE_URL}/connect-proxy/` });
    const scope = nock(BASE_URL).get(`/connect-proxy${getSession.path}`).reply(200, { session });

    expectRight(await getSession.build(proxied).execute());

    scope.done();
  });

  test('a dispatcher of its own (an undici Agent) carries the request', async () => {
    const dispatcher = new Agent();
    const { scope, seen } = mockSuccess(getSession);

    try {
      expectRight(await getSession.build(makeClient({ dispatcher })).execute());
    } finally {
      await dispatcher.close();
    }

    scope.done();
    expectSentRequest(seen[0], getSession);
  });
});

describe('execute as a TaskEither', () => {
  test('execute works unbound, in a pipe', async () => {
    const { scope } = mockSuccess(getSession);
    const request = client.sessionsAPI.getSession(TRICKY_SESSION_ID);

    const state = await pipe(
      request.execute,
      TE.map(({ data }) => data.session.state),
    )();

    scope.done();
    expect(state).toStrictEqual(E.right(SessionState.IdvSuccess));
  });

  test('a destructured execute still knows its builder', async () => {
    const { scope } = mockSuccess(getSession);
    const { execute } = client.sessionsAPI.getSession(TRICKY_SESSION_ID);

    const ok = expectRight(await execute());

    scope.done();
    expect(ok.data).toStrictEqual({ session });
  });

  test('calls chain: get a Session, then cancel it by the id it came with', async () => {
    const fetched = { ...session, id: TRICKY_SESSION_ID };
    const get = mockOperation(getSession, (interceptor) =>
      interceptor.reply(200, { session: fetched }),
    );
    const cancel = mockSuccess(cancelSession);

    const cancelled = await pipe(
      client.sessionsAPI.getSession(TRICKY_SESSION_ID).execute,
      TE.chain(({ data }) => client.sessionsAPI.cancelSession(data.session.id).execute),
      TE.map(({ data }) => data.session.id),
    )();

    get.scope.done();
    cancel.scope.done();
    expect(cancelled).toStrictEqual(E.right(session.id));
  });

  test('a failure short-circuits the chain: nothing further is sent', async () => {
    const get = mockOperation(getSession, (interceptor) => interceptor.reply(404));
    const cancel = mockSuccess(cancelSession);

    const result = await pipe(
      client.sessionsAPI.getSession(TRICKY_SESSION_ID).execute,
      TE.chain(({ data }) => client.sessionsAPI.cancelSession(data.session.id).execute),
    )();

    get.scope.done();
    expect(cancel.scope.isDone()).toBe(false);
    expect(expectLeft(result, 'HttpError').status).toBe(404);
  });
});
