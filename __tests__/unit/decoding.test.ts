import {
  createSessionResponse,
  exchangeResultsKeyResponse,
  identityLookupResponse,
  listProvidersResponse,
  listSessionsResponse,
  makeClient,
  session,
} from '../support/fixtures.js';
import {
  cancelSession,
  createSession,
  exchangeResultsKey,
  getSession,
  identityLookup,
  listProviders,
  listSessions,
  OPERATIONS,
  type OperationCase,
} from '../support/operations.js';
import { bodyIs, expectLeft, expectRight } from '../support/results.js';
import { mockOperation, useNock } from '../support/wire.js';

// A 2xx answer is decoded against the spec: required fields, types, integers, enums. A failure
// names the path and keeps the raw response. Unknown properties are dropped, or, in strict mode,
// rejected with their paths.

useNock();

const client = makeClient();
const strictClient = makeClient({ strict: true });

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An answer that breaks the spec, and the one problem the SDK must report for it. */
interface Breakage {
  readonly what: string;
  readonly answer: unknown;
  /** The path the problem must name. */
  readonly path: string;
  /** Text the problem line must contain after the path. */
  readonly problem: string;
}

/** A copy of `value` without `key`. */
const without = (value: object, key: string): Record<string, unknown> =>
  Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));

const sessionWithoutId = without(session, 'id');
const listWithoutMore = without(listSessionsResponse, 'more');

/** Breakages of a `{ session }` answer, for the four operations that answer one. */
const sessionBreakages = (valid: Readonly<Record<string, unknown>>): Breakage[] => [
  {
    what: 'a missing required field',
    answer: { ...valid, session: sessionWithoutId },
    path: 'session.id',
    problem: 'is required',
  },
  {
    what: 'a wrong type',
    answer: { ...valid, session: { ...session, verification: 'verified' } },
    path: 'session.verification',
    problem: 'expected Verification (an object)',
  },
  {
    what: 'a fraction where the spec says integer',
    answer: { ...valid, session: { ...session, created: 1.5 } },
    path: 'session.created',
    problem: 'got 1.5',
  },
  {
    what: 'an unknown enum value',
    answer: { ...valid, session: { ...session, state: 'IdvBogus' } },
    path: 'session.state',
    problem: 'got "IdvBogus"',
  },
  {
    what: 'an unknown enum value in an optional field',
    answer: { ...valid, session: { ...session, failCode: 'SessionFailBogus' } },
    path: 'session.failCode',
    problem: 'got "SessionFailBogus"',
  },
];

const BREAKAGES: ReadonlyArray<readonly [OperationCase, readonly Breakage[]]> = [
  [cancelSession, sessionBreakages({ session })],
  [getSession, sessionBreakages({ session })],
  [
    createSession,
    [
      ...sessionBreakages(createSessionResponse),
      {
        what: 'a wrong type in an optional field',
        answer: { ...createSessionResponse, launchUrl: 42 },
        path: 'launchUrl',
        problem: 'expected string, got 42',
      },
      {
        what: 'the required object missing',
        answer: { launchUrl: 'https://connect.test/launch' },
        path: 'session',
        problem: 'is required',
      },
    ],
  ],
  [
    exchangeResultsKey,
    [
      ...sessionBreakages(exchangeResultsKeyResponse),
      {
        what: 'a wrong type deep inside identity data',
        answer: {
          ...exchangeResultsKeyResponse,
          identityData: { person: { address: { city: 7 } } },
        },
        path: 'identityData.person.address.city',
        problem: 'expected string, got 7',
      },
      {
        what: 'an unknown enum value deep inside the session',
        answer: {
          ...exchangeResultsKeyResponse,
          session: { ...session, verification: { failCode: 'VerificationFailBogus' } },
        },
        path: 'session.verification.failCode',
        problem: 'got "VerificationFailBogus"',
      },
    ],
  ],
  [
    listSessions,
    [
      {
        what: 'an unknown enum value in the fourth session',
        answer: {
          ...listSessionsResponse,
          sessions: listSessionsResponse.sessions.map((s, i) =>
            i === 3 ? { ...s, state: 'Bogus' } : s,
          ),
        },
        path: 'sessions.3.state',
        problem: 'got "Bogus"',
      },
      {
        what: 'a fraction where the spec says integer',
        answer: { ...listSessionsResponse, total: 1.5 },
        path: 'total',
        problem: 'got 1.5',
      },
      {
        what: 'an integer beyond int32',
        answer: { ...listSessionsResponse, total: 2 ** 31 },
        path: 'total',
        problem: `got ${2 ** 31}`,
      },
      {
        what: 'a number as a string',
        answer: { ...listSessionsResponse, total: '57' },
        path: 'total',
        problem: 'expected an int32 integer',
      },
      {
        what: 'a missing required field',
        answer: listWithoutMore,
        path: 'more',
        problem: 'is required',
      },
      {
        what: 'an object where the spec says array',
        answer: { ...listSessionsResponse, sessions: {} },
        path: 'sessions',
        problem: 'got an object',
      },
      {
        what: 'a fraction in the second session',
        answer: {
          ...listSessionsResponse,
          sessions: listSessionsResponse.sessions.map((s, i) =>
            i === 1 ? { ...s, updated: 1_717_000_360.25 } : s,
          ),
        },
        path: 'sessions.1.updated',
        problem: 'got 1717000360.25',
      },
    ],
  ],
  [
    listProviders,
    [
      {
        what: 'a missing required field in the second provider',
        answer: { providers: [listProvidersResponse.providers[0], { id: 'clear', name: 'CLEAR' }] },
        path: 'providers.1.logoUrl',
        problem: 'is required',
      },
      {
        what: 'null where the spec says string',
        answer: { providers: [{ id: 'yoti', name: null, logoUrl: 'https://cdn.connect.test/y' }] },
        path: 'providers.0.name',
        problem: 'got null',
      },
    ],
  ],
  [
    identityLookup,
    [
      {
        what: 'a missing required field',
        answer: {},
        path: 'identityInNetwork',
        problem: 'is required',
      },
      {
        what: 'a string where the spec says boolean',
        answer: { identityInNetwork: 'yes' },
        path: 'identityInNetwork',
        problem: 'expected boolean',
      },
    ],
  ],
];

const JSON_OPERATIONS = OPERATIONS.filter((op) => op.decodesJson);

test('the breakage table covers every operation that answers JSON', () => {
  expect(BREAKAGES.map(([op]) => op.name).sort()).toStrictEqual(
    JSON_OPERATIONS.map((op) => op.name).sort(),
  );
});

const BREAKAGE_GROUPS = BREAKAGES.map(([op, breakages]) => ({ name: op.name, op, breakages }));

describe.each(BREAKAGE_GROUPS)('$name', ({ op, breakages }) => {
  test.each(breakages)('$what: DecodeError naming $path, raw answer kept', async (breakage) => {
    const sent = JSON.stringify(breakage.answer);
    const { scope } = mockOperation(op, (interceptor) =>
      interceptor.reply(200, sent, { 'content-type': 'application/json' }),
    );

    const error = expectLeft(await op.build(client).execute(), 'DecodeError');

    scope.done();
    expect(error.errors).toHaveLength(1);
    expect(error.errors[0]).toMatch(new RegExp(`^${escapeRegExp(breakage.path)}: `));
    expect(error.errors[0]).toContain(breakage.problem);
    expect(error.message).toContain(op.name);
    expect(error.message).toContain(`${breakage.path}: `);
    expect(error.response.status).toBe(200);
    expect(bodyIs(error.response, sent)).toBe(true);
    expect(error.attempts).toBe(1);
  });
});

/** Adds an unknown property to every object in `value`; collects the paths it added. */
const withUnknownEverywhere = (value: unknown, path: string, added: string[]): unknown => {
  const at = (key: string | number) => (path === '' ? String(key) : `${path}.${key}`);
  if (Array.isArray(value)) {
    return value.map((item: unknown, index) => withUnknownEverywhere(item, at(index), added));
  }
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = withUnknownEverywhere(inner, at(key), added);
  }
  out.addedLater = 'a field from a newer API';
  added.push(at('addedLater'));
  return out;
};

describe.each(JSON_OPERATIONS)('$name', (op) => {
  test('malformed JSON: DecodeError, raw answer kept, parser text not echoed', async () => {
    const sent = '{"session": {"id": "ses_1", "state": ';
    const { scope } = mockOperation(op, (interceptor) =>
      interceptor.reply(200, sent, { 'content-type': 'application/json' }),
    );

    const error = expectLeft(await op.build(client).execute(), 'DecodeError');

    scope.done();
    expect(error.errors).toStrictEqual([`(body): malformed JSON (${sent.length} bytes)`]);
    expect(bodyIs(error.response, sent)).toBe(true);
    expect(error.message).not.toContain('ses_1');
  });

  test('an empty 200 body: DecodeError', async () => {
    const { scope } = mockOperation(op, (interceptor) =>
      interceptor.reply(200, '', { 'content-type': 'application/json' }),
    );

    const error = expectLeft(await op.build(client).execute(), 'DecodeError');

    scope.done();
    expect(error.errors).toStrictEqual(['(body): malformed JSON (0 bytes)']);
  });

  test('an HTML 200 answer: DecodeError naming the content type', async () => {
    const { scope } = mockOperation(op, (interceptor) =>
      interceptor.reply(200, '<html></html>', { 'content-type': 'text/html; charset=utf-8' }),
    );

    const error = expectLeft(await op.build(client).execute(), 'DecodeError');

    scope.done();
    expect(error.errors).toStrictEqual([
      '(body): expected a JSON answer, got content-type text/html; charset=utf-8',
    ]);
  });

  test('JSON served as text/plain (the spec lists it) is decoded', async () => {
    const { scope } = mockOperation(op, (interceptor) =>
      interceptor.reply(200, JSON.stringify(op.success.data), { 'content-type': 'text/plain' }),
    );

    const ok = expectRight(await op.build(client).execute());

    scope.done();
    expect(ok.data).toStrictEqual(op.success.data);
  });

  test('unknown properties, at every depth, are dropped by default', async () => {
    const added: string[] = [];
    const answer = withUnknownEverywhere(op.success.data, '', added);
    const { scope } = mockOperation(op, (interceptor) => interceptor.reply(200, answer));

    const ok = expectRight(await op.build(client).execute());

    scope.done();
    expect(added.length).toBeGreaterThan(0);
    expect(ok.data).toStrictEqual(op.success.data);
    expect(JSON.stringify(ok.data)).not.toContain('addedLater');
  });

  test('unknown properties are rejected in strict mode, each path named', async () => {
    const added: string[] = [];
    const answer = withUnknownEverywhere(op.success.data, '', added);
    const { scope } = mockOperation(op, (interceptor) => interceptor.reply(200, answer));

    const error = expectLeft(await op.build(strictClient).execute(), 'DecodeError');

    scope.done();
    const errors = [...error.errors].sort();
    expect(errors).toHaveLength(added.length);
    added.sort().forEach((path, index) => {
      expect(errors[index]).toMatch(new RegExp(`^${escapeRegExp(path)}: .+ \\(strict mode\\)$`));
    });
    expect(bodyIs(error.response, JSON.stringify(answer))).toBe(true);
  });

  test('strict mode accepts an exact answer', async () => {
    const { scope } = mockOperation(op, (interceptor) =>
      interceptor.reply(200, op.success.body, op.success.headers),
    );

    const ok = expectRight(await op.build(strictClient).execute());

    scope.done();
    expect(ok.data).toStrictEqual(op.success.data);
  });
});

describe('values at the edges of the spec', () => {
  test('strict mode names the model that lacks the property', async () => {
    const answer = { session: { ...session, verification: { provider: 'yoti', score: 0.9 } } };
    const { scope } = mockOperation(getSession, (interceptor) => interceptor.reply(200, answer));

    const error = expectLeft(await getSession.build(strictClient).execute(), 'DecodeError');

    scope.done();
    expect(error.errors).toStrictEqual([
      'session.verification.score: not a property of Verification (strict mode)',
    ]);
  });

  test('int64 timestamps beyond int32 decode', async () => {
    const later = { ...session, created: 4_102_444_800, updated: 4_102_444_801 };
    const { scope } = mockOperation(getSession, (interceptor) =>
      interceptor.reply(200, { session: later }),
    );

    const ok = expectRight(await getSession.build(client).execute());

    scope.done();
    expect(ok.data).toStrictEqual({ session: later });
  });

  test('an int64 beyond 2^53, which JavaScript cannot hold exactly, is a DecodeError', async () => {
    const sent = JSON.stringify({ session }).replace('1717000000', '9007199254740993');
    const { scope } = mockOperation(getSession, (interceptor) =>
      interceptor.reply(200, sent, { 'content-type': 'application/json' }),
    );

    const error = expectLeft(await getSession.build(client).execute(), 'DecodeError');

    scope.done();
    expect(error.errors).toHaveLength(1);
    expect(error.errors[0]).toMatch(/^session\.created: /);
  });

  test('an empty list and total 0 decode', async () => {
    const empty = { sessions: [], total: 0, more: false };
    const { scope } = mockOperation(listSessions, (interceptor) => interceptor.reply(200, empty));

    const ok = expectRight(await listSessions.build(client).execute());

    scope.done();
    expect(ok.data).toStrictEqual(empty);
  });

  test('a 400 whose body is not ValidationResult[] has no model', async () => {
    const { scope } = mockOperation(getSession, (interceptor) =>
      interceptor.reply(400, { title: 'Bad Request', errors: { id: ['bad'] } }),
    );

    const error = expectLeft(await getSession.build(client).execute(), 'HttpError');

    scope.done();
    expect(error.status).toBe(400);
    expect(error.model).toBeUndefined();
  });

  test('a 401 whose body is not a FailureMessage has no model', async () => {
    const { scope } = mockOperation(getSession, (interceptor) =>
      interceptor.reply(401, 'Unauthorized', { 'content-type': 'text/plain' }),
    );

    const error = expectLeft(await getSession.build(client).execute(), 'HttpError');

    scope.done();
    expect(error.status).toBe(401);
    expect(error.model).toBeUndefined();
  });

  test('a 401 FailureMessage with an unknown property still decodes, without it', async () => {
    const { scope } = mockOperation(getSession, (interceptor) =>
      interceptor.reply(401, { message: 'expired', traceId: 't-1' }),
    );

    const error = expectLeft(await getSession.build(strictClient).execute(), 'HttpError');

    scope.done();
    expect(error.model).toStrictEqual({ message: 'expired' });
  });

  test('identityLookup false decodes as false', async () => {
    const { scope } = mockOperation(identityLookup, (interceptor) =>
      interceptor.reply(200, { ...identityLookupResponse, identityInNetwork: false }),
    );

    const ok = expectRight(await identityLookup.build(client).execute());

    scope.done();
    expect(ok.data).toStrictEqual({ identityInNetwork: false });
  });
});
