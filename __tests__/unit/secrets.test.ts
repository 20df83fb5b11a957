import nock from 'nock';
import type { ConnectError } from '../../index.js';
import {
  ALL_SECRETS,
  makeClient,
  OTHER_TOKEN,
  PHONE_NUMBER,
  PHONE_NUMBER_ON_WIRE,
  TOKEN,
} from '../support/fixtures.js';
import {
  getSession,
  identityLookup,
  OPERATIONS,
  type OperationCase,
} from '../support/operations.js';
import { closedPort } from '../support/loopback.js';
import { expectLeft, expectRight } from '../support/results.js';
import { mockOperation, mockSuccess, useNock } from '../support/wire.js';

// The access token, results keys, attachment keys and launch URLs never reach a debug line or an
// error message, even with bodies logged and a server that echoes them back.

useNock();

/** A client whose debug lines, bodies included, land in `lines`. */
const loggingClient = (lines: string[]) =>
  makeClient({ debug: (line) => lines.push(line), logBodies: true });

const expectNoSecretIn = (texts: readonly string[], secrets: readonly string[]) => {
  for (const text of texts) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
};

/** What a careless server might answer: every secret of the request, echoed back. */
const echoOf = (op: OperationCase, token: string = TOKEN): string =>
  [`Bearer ${token}`, ...op.secrets].join(' | ');

interface FailureCase {
  readonly what: string;
  readonly tag: ConnectError['_tag'];
  /** Whether the answer is JSON, so its echo reaches the body line (masked). */
  readonly echoLogged: boolean;
  readonly answer: (op: OperationCase) => readonly [number, string, Record<string, string>];
}

const JSON_TYPE = { 'content-type': 'application/json' };

const FAILURES: readonly FailureCase[] = [
  {
    what: '400 whose ValidationResult echoes the secrets',
    tag: 'HttpError',
    echoLogged: true,
    answer: (op) => [
      400,
      JSON.stringify([{ memberNames: ['Authorization'], errorMessage: `bad: ${echoOf(op)}` }]),
      JSON_TYPE,
    ],
  },
  {
    what: '401 whose FailureMessage echoes the secrets',
    tag: 'HttpError',
    echoLogged: true,
    answer: (op) => [401, JSON.stringify({ message: `rejected ${echoOf(op)}` }), JSON_TYPE],
  },
  {
    what: '500 HTML page that echoes the secrets',
    tag: 'HttpError',
    echoLogged: false,
    answer: (op) => [500, `<html><pre>${echoOf(op)}</pre></html>`, { 'content-type': 'text/html' }],
  },
];

describe.each(OPERATIONS)('$name', (op) => {
  test.each(FAILURES)('$what: no secret in debug lines or message', async (failure) => {
    const { tag, answer, echoLogged } = failure;
    const lines: string[] = [];
    const [status, body, headers] = answer(op);
    const { scope } = mockOperation(op, (interceptor) => interceptor.reply(status, body, headers));

    const error = expectLeft(await op.build(loggingClient(lines)).maxRetries(0).execute(), tag);

    scope.done();
    // The lines were written, bodies included: the check below is not vacuous.
    expect(lines.some((line) => line.includes(`${op.name}: ${op.method}`))).toBe(true);
    expect(lines.some((line) => line.includes('request headers'))).toBe(true);
    expect(lines.some((line) => line.includes('"authorization":"[REDACTED]"'))).toBe(true);
    const bodyLines = lines.filter((line) => line.includes('response body'));
    expect(bodyLines).toHaveLength(1);
    // The echo was there, and was masked rather than left out.
    if (echoLogged) expect(bodyLines[0]).toContain('Bearer [REDACTED]');
    expectNoSecretIn(lines, [TOKEN, ...op.secrets]);
    expectNoSecretIn([JSON.stringify(error.message)], [TOKEN, ...op.secrets]);
  });

  test('a 200 with bodies logged: no secret of the request or the answer in any line', async () => {
    const lines: string[] = [];
    const { scope } = mockSuccess(op);

    expectRight(await op.build(loggingClient(lines)).execute());

    scope.done();
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expectNoSecretIn(lines, ALL_SECRETS);
  });

  test('a malformed 200 that echoes the secrets: no secret in lines or message', async () => {
    const lines: string[] = [];
    const { scope } = mockOperation(op, (interceptor) =>
      interceptor.reply(200, `{"echo": "${echoOf(op)}"`, JSON_TYPE),
    );

    const result = await op.build(loggingClient(lines)).execute();

    scope.done();
    const message = result._tag === 'Left' ? result.left.message : '';
    expectNoSecretIn(lines, [TOKEN, ...op.secrets]);
    expectNoSecretIn([JSON.stringify(message)], [TOKEN, ...op.secrets]);
  });
});

describe('secrets elsewhere', () => {
  test("a 401's message masks the token the server echoed, and says so", async () => {
    const { scope } = mockOperation(getSession, (interceptor) =>
      interceptor.reply(401, { message: `token ${TOKEN} has expired` }),
    );

    const error = expectLeft(await getSession.build(makeClient()).execute(), 'HttpError');

    scope.done();
    expect(error.message).toBe('SessionsAPI.GetSession: HTTP 401: token [REDACTED] has expired');
  });

  test('a per-request token is masked like the configured one', async () => {
    const lines: string[] = [];
    const { scope } = mockOperation(
      getSession,
      (interceptor) => interceptor.reply(401, { message: `token ${OTHER_TOKEN} unknown` }),
      { token: OTHER_TOKEN },
    );

    const error = expectLeft(
      await getSession.build(loggingClient(lines)).accessToken(OTHER_TOKEN).execute(),
      'HttpError',
    );

    scope.done();
    expectNoSecretIn([...lines, error.message], [OTHER_TOKEN, TOKEN]);
  });

  test('a token from an async provider is masked too', async () => {
    const lines: string[] = [];
    const { scope } = mockOperation(getSession, (interceptor) =>
      interceptor.reply(401, { message: `token ${TOKEN} unknown` }),
    );
    const client = makeClient({
      accessToken: () => Promise.resolve(TOKEN),
      debug: (line) => lines.push(line),
      logBodies: true,
    });

    const error = expectLeft(await getSession.build(client).execute(), 'HttpError');

    scope.done();
    expectNoSecretIn([...lines, error.message], [TOKEN]);
  });

  test('a token provider that throws with the token in its message: not repeated', async () => {
    const error = expectLeft(
      await getSession
        .build(makeClient())
        .accessToken(() => {
          throw new Error(`could not refresh ${TOKEN}`);
        })
        .execute(),
      'InvalidRequest',
    );

    expect(error.problems).toStrictEqual(['accessToken: the token provider failed (Error)']);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  test('a refused connection: no token in the lines or the message', async () => {
    const basePath = await closedPort();
    nock.enableNetConnect('127.0.0.1');
    const lines: string[] = [];
    const client = makeClient({
      basePath,
      debug: (line) => lines.push(line),
      logBodies: true,
    });

    const error = expectLeft(
      await getSession.build(client).maxRetries(0).execute(),
      'NetworkError',
    );

    expect(lines.some((line) => line.includes('ECONNREFUSED'))).toBe(true);
    expectNoSecretIn([...lines, error.message], [TOKEN]);
  });

  test('identityLookup: the phone number is masked in debug lines', async () => {
    const lines: string[] = [];
    const { scope } = mockSuccess(identityLookup);

    expectRight(await identityLookup.build(loggingClient(lines)).execute());

    scope.done();
    expect(lines.some((line) => line.includes('/api/v1/network/identities/[REDACTED]'))).toBe(true);
    expectNoSecretIn(lines, [PHONE_NUMBER, PHONE_NUMBER_ON_WIRE]);
  });
});
