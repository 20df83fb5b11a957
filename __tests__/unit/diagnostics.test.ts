import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe, tracingChannel, unsubscribe } from 'node:diagnostics_channel';
import nock from 'nock';
import {
  DIAGNOSTICS_CHANNELS,
  isAttemptEvent,
  type AttemptEvent,
  type RequestTraceContext,
} from '../../index.js';
import {
  makeClient,
  PHONE_NUMBER,
  TOKEN,
  TRICKY_SESSION_ID,
  TRICKY_SESSION_ID_ON_WIRE,
} from '../support/fixtures.js';
import { closedPort } from '../support/loopback.js';
import { getSession, identityLookup } from '../support/operations.js';
import { expectLeft, expectRight } from '../support/results.js';
import {
  expectNothingSent,
  expectSentRequest,
  mockOperation,
  mockSuccess,
  trapAnyRequest,
  useNock,
} from '../support/wire.js';

// What a diagnostics_channel subscriber sees: per call, start and end, then (once settled) error
// for a Left, asyncStart and asyncEnd, all with one context object; per attempt, one event with
// its status or failure, its duration and the wait before the next. Only the request's shape.

useNock();

type Kind = 'start' | 'end' | 'asyncStart' | 'asyncEnd' | 'error';

interface Seen {
  readonly kind: Kind;
  /** The context object itself, to check that every event got the same one. */
  readonly context: RequestTraceContext;
  /** What it held at that moment. */
  readonly snapshot: RequestTraceContext;
}

const requests = tracingChannel<unknown, RequestTraceContext>(DIAGNOSTICS_CHANNELS.request);

/** Subscribes to both channels until the test ends. */
const watch = () => {
  const calls: Seen[] = [];
  const attempts: AttemptEvent[] = [];
  const on = (kind: Kind) => (context: RequestTraceContext) => {
    calls.push({ kind, context, snapshot: structuredClone(context) });
  };
  const handlers = {
    start: on('start'),
    end: on('end'),
    asyncStart: on('asyncStart'),
    asyncEnd: on('asyncEnd'),
    error: on('error'),
  };
  const onAttempt = (message: unknown) => {
    if (isAttemptEvent(message)) attempts.push(message);
  };
  requests.subscribe(handlers);
  subscribe(DIAGNOSTICS_CHANNELS.attempt, onAttempt);
  stops.push(() => {
    requests.unsubscribe(handlers);
    unsubscribe(DIAGNOSTICS_CHANNELS.attempt, onAttempt);
  });
  return { calls, attempts };
};

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

/** Durations vary: any number will do where one is expected. */
const A_NUMBER: unknown = expect.any(Number);

const GET_SESSION_CALL = {
  operation: 'SessionsAPI.GetSession',
  method: 'GET',
  path: '/api/v1/sessions/{sessionId}',
};

test('a call: start and end, then asyncStart and asyncEnd, one context, its result', async () => {
  const { calls, attempts } = watch();
  const mocked = mockSuccess(getSession);

  expectRight(await getSession.build(makeClient()).execute());

  expect(calls.map((c) => c.kind)).toStrictEqual(['start', 'end', 'asyncStart', 'asyncEnd']);
  const context = calls[0]!.context;
  for (const seen of calls) expect(seen.context).toBe(context);
  expect(calls[0]!.snapshot).toStrictEqual(GET_SESSION_CALL);
  expect(calls[3]!.snapshot).toStrictEqual({
    ...GET_SESSION_CALL,
    durationMs: A_NUMBER,
    result: { status: 200, attempts: 1 },
  });
  expect(attempts).toStrictEqual([
    {
      ...GET_SESSION_CALL,
      attempt: 1,
      maxAttempts: 3,
      status: 200,
      durationMs: A_NUMBER,
    },
  ]);
  expect(attempts[0]!.durationMs).toBeGreaterThan(0);
  const published = JSON.stringify([calls.map((c) => c.snapshot), attempts]);
  expect(published).not.toContain(TRICKY_SESSION_ID);
  expect(published).not.toContain(TRICKY_SESSION_ID_ON_WIRE);
  expect(attempts[0]!.durationMs).toBeLessThanOrEqual(context.durationMs ?? 0);
  mocked.scope.done();
  expectSentRequest(mocked.seen[0], getSession);
});

test('retries: one attempt event each, with the wait before the next; the call sums them', async () => {
  const { calls, attempts } = watch();
  const mocked = mockOperation(getSession, (interceptor) =>
    interceptor
      .reply(503, '{}', { 'retry-after': '0' })
      .get(getSession.path)
      .reply(503, '{}', { 'retry-after': '0.002' })
      .get(getSession.path)
      .reply(200, getSession.success.body, getSession.success.headers),
  );

  expectRight(await getSession.build(makeClient()).execute());

  expect(
    attempts.map(({ attempt, status, retryDelayMs }) => ({ attempt, status, retryDelayMs })),
  ).toStrictEqual([
    { attempt: 1, status: 503, retryDelayMs: 0 },
    { attempt: 2, status: 503, retryDelayMs: 2 },
    { attempt: 3, status: 200, retryDelayMs: undefined },
  ]);
  expect(attempts.every((a) => a.maxAttempts === 3 && a.path === GET_SESSION_CALL.path)).toBe(true);
  expect(calls.map((c) => c.kind)).toStrictEqual(['start', 'end', 'asyncStart', 'asyncEnd']);
  expect(calls[3]!.snapshot.result).toStrictEqual({ status: 200, attempts: 3 });
  mocked.scope.done();
});

test('a Left: the error event comes first, with the tag, status and attempts only', async () => {
  const { calls, attempts } = watch();
  const echo = `{"message":"no session; you sent Bearer ${TOKEN}"}`;
  const mocked = mockOperation(getSession, (interceptor) => interceptor.reply(404, echo));

  expectLeft(await getSession.build(makeClient()).execute(), 'HttpError');

  expect(calls.map((c) => c.kind)).toStrictEqual([
    'start',
    'end',
    'error',
    'asyncStart',
    'asyncEnd',
  ]);
  expect(calls[2]!.snapshot).toStrictEqual({
    ...GET_SESSION_CALL,
    durationMs: A_NUMBER,
    error: { name: 'HttpError', message: 'HttpError 404', status: 404, attempts: 1 },
  });
  expect(attempts).toHaveLength(1);
  expect(attempts[0]).toMatchObject({ status: 404 });
  expect(attempts[0]).not.toHaveProperty('retryDelayMs');
  mocked.scope.done();
});

test('a refused connection: the attempt names its code, the error is a NetworkError', async () => {
  const basePath = await closedPort();
  nock.enableNetConnect('127.0.0.1');
  const { calls, attempts } = watch();

  expectLeft(
    await makeClient({ basePath }).sessionsAPI.getSession('s').maxRetries(0).execute(),
    'NetworkError',
  );

  expect(attempts).toStrictEqual([
    {
      ...GET_SESSION_CALL,
      attempt: 1,
      maxAttempts: 1,
      failure: 'ECONNREFUSED',
      durationMs: A_NUMBER,
    },
  ]);
  expect(calls.find((c) => c.kind === 'error')?.snapshot.error).toStrictEqual({
    name: 'NetworkError',
    message: 'NetworkError ECONNREFUSED',
    code: 'ECONNREFUSED',
    attempts: 1,
  });
});

test('nothing sent (InvalidRequest): the call is traced, no attempt is', async () => {
  const { calls, attempts } = watch();
  const trap = trapAnyRequest();

  expectLeft(
    await makeClient().sessionsAPI.listSessions().pageSize(500).execute(),
    'InvalidRequest',
  );

  expect(calls.map((c) => c.kind)).toStrictEqual([
    'start',
    'end',
    'error',
    'asyncStart',
    'asyncEnd',
  ]);
  expect(calls[2]!.snapshot.error).toStrictEqual({
    name: 'InvalidRequest',
    message: 'InvalidRequest',
    attempts: 0,
  });
  expect(attempts).toStrictEqual([]);
  expectNothingSent(trap);
});

test('the path template, never the expanded path: no phone number is published', async () => {
  const { calls, attempts } = watch();
  const mocked = mockSuccess(identityLookup);

  expectRight(await identityLookup.build(makeClient()).execute());

  const published = JSON.stringify([calls.map((c) => c.snapshot), attempts]);
  expect(attempts[0]?.path).toBe('/api/v1/network/identities/{phoneNumber}');
  expect(published).not.toContain(PHONE_NUMBER);
  expect(published).not.toContain(encodeURIComponent(PHONE_NUMBER));
  expect(published).not.toMatch(/555/);
  mocked.scope.done();
});

test('a store bound to start holds for the whole call: attempts find their call', async () => {
  const store = new AsyncLocalStorage<string>();
  const channel = requests.start;
  channel.bindStore(store, (context) => `span of ${context.operation}`);
  stops.push(() => channel.unbindStore(store));
  const spans: Array<string | undefined> = [];
  const onAttempt = () => spans.push(store.getStore());
  subscribe(DIAGNOSTICS_CHANNELS.attempt, onAttempt);
  stops.push(() => unsubscribe(DIAGNOSTICS_CHANNELS.attempt, onAttempt));
  const mocked = mockOperation(getSession, (interceptor) =>
    interceptor
      .reply(503, '{}', { 'retry-after': '0' })
      .get(getSession.path)
      .reply(200, getSession.success.body, getSession.success.headers),
  );

  expectRight(await getSession.build(makeClient()).execute());

  expect(spans).toStrictEqual(['span of SessionsAPI.GetSession', 'span of SessionsAPI.GetSession']);
  expect(store.getStore()).toBeUndefined();
  mocked.scope.done();
});

test('with no subscriber nothing is published, and results are the same', async () => {
  const seen: unknown[] = [];
  const spy = (message: unknown) => seen.push(message);
  subscribe(DIAGNOSTICS_CHANNELS.attempt, spy);
  unsubscribe(DIAGNOSTICS_CHANNELS.attempt, spy);
  const mocked = mockSuccess(getSession);

  expect(requests.hasSubscribers).toBe(false);
  const result = expectRight(await getSession.build(makeClient()).execute());

  expect(result.data).toStrictEqual(getSession.success.data);
  expect(seen).toStrictEqual([]);
  mocked.scope.done();
});

test('isAttemptEvent tells an attempt from anything else on the channel', () => {
  expect(
    isAttemptEvent({ ...GET_SESSION_CALL, attempt: 1, maxAttempts: 1, durationMs: 1, status: 200 }),
  ).toBe(true);
  for (const other of [undefined, null, 'attempt', { attempt: '1' }, { operation: 'x' }]) {
    expect(isAttemptEvent(other)).toBe(false);
  }
});

describe('a subscriber cannot change what a call comes to', () => {
  /** What a defensive subscriber might do to the context at `start`. */
  const guards: ReadonlyArray<readonly [string, (context: RequestTraceContext) => void]> = [
    ['freezes it', (context) => Object.freeze(context)],
    ['seals it', (context) => Object.seal(context)],
    ['prevents extensions', (context) => Object.preventExtensions(context)],
    [
      'puts a throwing setter on every settled field',
      (context) => {
        for (const key of ['durationMs', 'result', 'error']) {
          Object.defineProperty(context, key, {
            set: () => {
              throw new Error('read-only trace context');
            },
          });
        }
      },
    ],
  ];

  /** Subscribes `act` to one event until the test ends (every other event: a no-op). */
  const subscribeAt = (kind: Kind, act: (context: RequestTraceContext) => void) => {
    const handlers = {
      start: () => undefined,
      end: () => undefined,
      asyncStart: () => undefined,
      asyncEnd: () => undefined,
      error: () => undefined,
      [kind]: act,
    };
    requests.subscribe(handlers);
    stops.push(() => {
      requests.unsubscribe(handlers);
    });
  };

  test.each(guards)('one that %s: a success is still the success', async (_what, guard) => {
    subscribeAt('start', guard);
    const mocked = mockSuccess(getSession);

    const result = expectRight(await getSession.build(makeClient()).execute());

    expect(result.data).toStrictEqual(getSession.success.data);
    mocked.scope.done();
    expectSentRequest(mocked.seen[0], getSession);
  });

  test.each(guards)('one that %s: a Left is still that Left', async (_what, guard) => {
    subscribeAt('start', guard);
    const mocked = mockOperation(getSession, (interceptor) => interceptor.reply(404, '{}'));

    const error = expectLeft(await getSession.build(makeClient()).execute(), 'HttpError');

    expect(error.status).toBe(404);
    mocked.scope.done();
  });

  test('one that freezes the context at end, before the call has settled: the Left stays', async () => {
    subscribeAt('end', (context) => Object.freeze(context));
    const mocked = mockOperation(getSession, (interceptor) => interceptor.reply(503, '{}'));

    const error = expectLeft(
      await getSession.build(makeClient({ maxRetries: 0 })).execute(),
      'HttpError',
    );

    expect(error.status).toBe(503);
    mocked.scope.done();
  });

  test('a frozen context keeps what the subscriber froze: the settled fields are missing, not wrong', async () => {
    const seen: RequestTraceContext[] = [];
    subscribeAt('start', (context) => {
      Object.freeze(context);
      seen.push(context);
    });
    const mocked = mockSuccess(getSession);

    expectRight(await getSession.build(makeClient()).execute());

    expect(seen).toHaveLength(1);
    expect({ ...seen[0] }).toStrictEqual(GET_SESSION_CALL);
    mocked.scope.done();
  });
});
