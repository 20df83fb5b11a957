import nock from 'nock';
import { HTML_ERROR_PAGE, makeClient } from '../support/fixtures.js';
import {
  createSession,
  getSession,
  listProviders,
  OPERATIONS,
  type OperationCase,
} from '../support/operations.js';
import { closedPort } from '../support/loopback.js';
import { expectLeft, expectRight } from '../support/results.js';
import {
  expectNothingSent,
  holdAnswer,
  interceptOperation,
  mockOperation,
  mockSuccess,
  trapAnyRequest,
  useNock,
} from '../support/wire.js';

// What the network can do to a request: refuse it, hold the answer past the timeout, lose it
// half-way, or the caller can abort it. Each ends in its own ConnectError; retries happen only
// where sending twice is safe.

useNock();

const client = makeClient();

/** A client for a refusing port; only 127.0.0.1 is let through nock, for this test only. */
const refusedClient = async (lines?: string[]) => {
  const basePath = await closedPort();
  nock.enableNetConnect('127.0.0.1');
  return makeClient({ basePath, ...(lines ? { debug: (line) => lines.push(line) } : {}) });
};

/** The attempt lines a debug logger received, e.g. `attempt 2/3`. */
const attemptsLogged = (lines: readonly string[]): string[] =>
  lines.flatMap((line) => /\(attempt (\d+\/\d+)\)$/.exec(line)?.[1] ?? []);

const hold = (op: OperationCase) => holdAnswer(interceptOperation(op), 200, '{}');

describe.each(OPERATIONS)('$name', (op) => {
  test('connection refused: NetworkError ECONNREFUSED', async () => {
    const refused = await refusedClient();

    const error = expectLeft(await op.build(refused).maxRetries(0).execute(), 'NetworkError');

    expect(error.code).toBe('ECONNREFUSED');
    expect(error.attempts).toBe(1);
    expect(error.message).toContain(op.name);
    expect(error.message).toContain('ECONNREFUSED');
  });

  test('a signal aborted before execute: AbortError, nothing sent', async () => {
    const trap = trapAnyRequest();
    const controller = new AbortController();
    controller.abort();

    const error = expectLeft(
      await op.build(client).signal(controller.signal).execute(),
      'AbortError',
    );

    expectNothingSent(trap);
    expect(error.attempts).toBe(0);
    expect(error.message).toBe(`${op.name}: aborted by the caller's signal`);
  });

  test('a signal aborted while the server holds the answer: AbortError', async () => {
    const { scope } = hold(op);
    const controller = new AbortController();
    // Abort exactly when the request has reached the server, not after a guessed delay.
    scope.on('request', () => {
      controller.abort();
    });

    const error = expectLeft(
      await op.build(client).signal(controller.signal).execute(),
      'AbortError',
    );

    scope.done();
    expect(error.attempts).toBe(1);
  });

  test('no answer within .timeout(50): TimeoutError', async () => {
    const { scope } = hold(op);
    const started = performance.now();

    const error = expectLeft(
      await op.build(client).timeout(50).maxRetries(0).execute(),
      'TimeoutError',
    );

    const elapsed = performance.now() - started;
    scope.done();
    expect(error.timeoutMs).toBe(50);
    expect(error.attempts).toBe(1);
    expect(error.message).toBe(`${op.name}: no complete answer within 50 ms`);
    expect(elapsed).toBeGreaterThanOrEqual(45);
    expect(elapsed).toBeLessThan(2_000);
  });
});

describe('retries after transport failures', () => {
  test('a GET refused every time is tried 1 + maxRetries times', async () => {
    const lines: string[] = [];
    const refused = await refusedClient(lines);

    const error = expectLeft(
      await listProviders.build(refused).maxRetries(2).execute(),
      'NetworkError',
    );

    expect(error.code).toBe('ECONNREFUSED');
    expect(error.attempts).toBe(3);
    expect(attemptsLogged(lines)).toStrictEqual(['1/3', '2/3', '3/3']);
  });

  test('a refused POST that is not safe to repeat is retried too: it never arrived', async () => {
    const lines: string[] = [];
    const refused = await refusedClient(lines);

    const error = expectLeft(
      await createSession.build(refused).maxRetries(1).execute(),
      'NetworkError',
    );

    expect(error.code).toBe('ECONNREFUSED');
    expect(error.attempts).toBe(2);
    expect(attemptsLogged(lines)).toStrictEqual(['1/2', '2/2']);
  });

  test('a GET that timed out is sent again', async () => {
    const first = hold(listProviders);
    const second = mockSuccess(listProviders);

    const ok = expectRight(await listProviders.build(client).timeout(50).maxRetries(1).execute());

    first.scope.done();
    second.scope.done();
    expect(ok.attempts).toBe(2);
  });

  test('a POST not safe to repeat that timed out is not sent again', async () => {
    const { scope } = hold(createSession);
    const second = mockSuccess(createSession);

    const error = expectLeft(
      await createSession.build(client).timeout(50).maxRetries(2).execute(),
      'TimeoutError',
    );

    scope.done();
    expect(second.scope.isDone()).toBe(false);
    expect(error.attempts).toBe(1);
  });

  test('an abort during the wait before a retry: AbortError, no second request', async () => {
    const controller = new AbortController();
    const unavailable = mockOperation(getSession, (interceptor) =>
      interceptor.reply(503, HTML_ERROR_PAGE, { 'retry-after': '30' }),
    );
    unavailable.scope.on('replied', () => {
      setTimeout(() => {
        controller.abort();
      }, 20);
    });
    const second = mockSuccess(getSession);
    const started = performance.now();

    const error = expectLeft(
      await getSession.build(client).signal(controller.signal).execute(),
      'AbortError',
    );

    unavailable.scope.done();
    expect(second.scope.isDone()).toBe(false);
    expect(error.attempts).toBe(1);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test('Retry-After: 0 on a 503 is honoured: sent again at once', async () => {
    const unavailable = mockOperation(getSession, (interceptor) =>
      interceptor.reply(503, '', { 'retry-after': '0' }),
    );
    const succeeded = mockSuccess(getSession);

    const ok = expectRight(await getSession.build(client).execute());

    unavailable.scope.done();
    succeeded.scope.done();
    expect(ok.attempts).toBe(2);
  });

  test('429 on a POST not safe to repeat is not sent again', async () => {
    const { scope } = mockOperation(createSession, (interceptor) =>
      interceptor.reply(429, '', { 'retry-after': '0' }),
    );
    const second = mockSuccess(createSession);

    const error = expectLeft(await createSession.build(client).execute(), 'HttpError');

    scope.done();
    expect(second.scope.isDone()).toBe(false);
    expect(error.status).toBe(429);
  });

  test('an answer larger than maxResponseBytes: NetworkError ResponseTooLarge, not retried', async () => {
    const small = makeClient({ maxResponseBytes: 16 });
    const { scope } = mockSuccess(listProviders);
    const second = mockSuccess(listProviders);

    const error = expectLeft(
      await listProviders.build(small).maxRetries(2).execute(),
      'NetworkError',
    );

    scope.done();
    expect(second.scope.isDone()).toBe(false);
    expect(error.code).toBe('ResponseTooLarge');
    expect(error.attempts).toBe(1);
  });
});
