import { makeClient, TOKEN } from '../support/fixtures.js';
import { createSession, getSession } from '../support/operations.js';
import { expectLeft, expectRight } from '../support/results.js';
import { untyped } from '../support/untyped.js';
import { expectNothingSent, mockSuccess, trapAnyRequest, useNock } from '../support/wire.js';

// What undici refuses to send is refused before sending, as InvalidRequest naming the header and
// never quoting its value (it may be the token): a character HTTP cannot carry in a token or a
// header, and the headers that frame the message or manage the connection. Before, each of these
// left as a NetworkError (UND_ERR_INVALID_ARG), retried as if the network had failed.

useNock();

const BAD_CHARACTERS = [
  ['NUL', '\u0000'],
  ['a vertical tab', '\u000b'],
  ['an escape', '\u001b'],
  ['DEL', '\u007f'],
  ['a character beyond Latin-1', 'ł'],
  ['an emoji', '🔑'],
] as const;

const VALUE_PROBLEM =
  'contains a control character or one beyond U+00FF, which an HTTP header cannot carry';

describe.each(BAD_CHARACTERS)('%s', (_what, character) => {
  test('in the access token: InvalidRequest, nothing sent, the token not shown', async () => {
    const trap = trapAnyRequest();
    const token = `tk_SECRET_${character}_token`;

    const error = expectLeft(
      await getSession.build(makeClient({ accessToken: token })).execute(),
      'InvalidRequest',
    );

    expect(error.problems).toStrictEqual([
      `headers: the value of authorization (the access token) ${VALUE_PROBLEM}`,
    ]);
    expect(error.attempts).toBe(0);
    expect(JSON.stringify(error)).not.toContain('tk_SECRET');
    expectNothingSent(trap);
  });

  test('in a per-request header: InvalidRequest naming the header, its value not shown', async () => {
    const trap = trapAnyRequest();

    const error = expectLeft(
      await getSession
        .build(makeClient())
        .headers({ 'X-Trace': `trace_VALUE${character}` })
        .execute(),
      'InvalidRequest',
    );

    expect(error.problems).toStrictEqual([`headers: the value of x-trace ${VALUE_PROBLEM}`]);
    expect(JSON.stringify(error)).not.toContain('trace_VALUE');
    expectNothingSent(trap);
  });

  test('in a default header of the configuration: the same', async () => {
    const trap = trapAnyRequest();
    const client = makeClient({ defaultHeaders: { 'X-Tenant': `acme${character}` } });

    const error = expectLeft(await createSession.build(client).execute(), 'InvalidRequest');

    expect(error.problems).toStrictEqual([`headers: the value of x-tenant ${VALUE_PROBLEM}`]);
    expectNothingSent(trap);
  });
});

test('a token provider that yields a bad character is refused the same way', async () => {
  const trap = trapAnyRequest();
  const client = makeClient({ accessToken: () => Promise.resolve(`${TOKEN}\u0007`) });

  const error = expectLeft(await getSession.build(client).execute(), 'InvalidRequest');

  expect(error.problems).toStrictEqual([
    `headers: the value of authorization (the access token) ${VALUE_PROBLEM}`,
  ]);
  expect(JSON.stringify(error)).not.toContain(TOKEN);
  expectNothingSent(trap);
});

test('what HTTP allows is sent as it is: a tab, and Latin-1 beyond ASCII', async () => {
  const value = 'caf\u00e9\tau lait \u00ff';
  const { scope, seen } = mockSuccess(getSession, { headers: { 'x-note': value } });

  expectRight(await getSession.build(makeClient()).headers({ 'X-Note': value }).execute());

  expect(scope.isDone()).toBe(true);
  expect(seen).toHaveLength(1);
});

describe.each([
  ['content-length', '12'],
  ['Content-Length', '0'],
  ['transfer-encoding', 'chunked'],
  ['keep-alive', 'timeout=5'],
  ['upgrade', 'websocket'],
  ['expect', '100-continue'],
])('%s in .headers()', (name, value) => {
  const problem = `headers: ${name.toLowerCase()} cannot be set: the HTTP client frames each message and manages its connection`;

  test('is InvalidRequest naming it, nothing sent', async () => {
    const trap = trapAnyRequest();

    const error = expectLeft(
      await createSession
        .build(makeClient())
        .headers({ [name]: value })
        .execute(),
      'InvalidRequest',
    );

    expect(error.problems).toStrictEqual([problem]);
    expect(error.attempts).toBe(0);
    expectNothingSent(trap);
  });

  test('in the default headers too', async () => {
    const trap = trapAnyRequest();

    const error = expectLeft(
      await getSession.build(makeClient({ defaultHeaders: { [name]: value } })).execute(),
      'InvalidRequest',
    );

    expect(error.problems).toStrictEqual([problem]);
    expectNothingSent(trap);
  });
});

describe('connection', () => {
  test('a list of tokens is sent, as undici allows', async () => {
    const { scope } = mockSuccess(getSession, { headers: { connection: 'close' } });

    expectRight(await getSession.build(makeClient()).headers({ Connection: 'close' }).execute());

    expect(scope.isDone()).toBe(true);
  });

  test('anything else is InvalidRequest, nothing sent', async () => {
    const trap = trapAnyRequest();

    const error = expectLeft(
      await getSession.build(makeClient()).headers({ Connection: 'keep alive' }).execute(),
      'InvalidRequest',
    );

    expect(error.problems).toStrictEqual([
      'headers: connection must be a comma-separated list of header names (such as close)',
    ]);
    expectNothingSent(trap);
  });
});

test('a value that is not a string is refused, not coerced', async () => {
  const trap = trapAnyRequest();

  const error = expectLeft(
    await getSession
      .build(makeClient())
      .headers({ 'x-count': untyped<string>(3) })
      .execute(),
    'InvalidRequest',
  );

  expect(error.problems).toStrictEqual([
    'headers: the value of x-count contains CR or LF, or is not a string',
  ]);
  expectNothingSent(trap);
});
