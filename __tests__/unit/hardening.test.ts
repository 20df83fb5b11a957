import { tracingChannel } from 'node:diagnostics_channel';
import * as E from 'fp-ts/lib/Either.js';
import nock from 'nock';
import {
  CreateSessionRequest,
  DIAGNOSTICS_CHANNELS,
  SessionState,
  type RequestTraceContext,
  type Session,
} from '../../index.js';
import {
  BASE_URL,
  makeClient,
  PHONE_NUMBER,
  PHONE_NUMBER_ON_WIRE,
  sessionWith,
  TOKEN,
} from '../support/fixtures.js';
import { createSession, getSession, identityLookup } from '../support/operations.js';
import { expectLeft, expectRight } from '../support/results.js';
import { internalError } from '../../lib/pipeline/errors.js';
import { untyped } from '../support/untyped.js';
import {
  expectNothingSent,
  expectSentRequest,
  mockOperation,
  mockSuccess,
  trapAnyRequest,
  useNock,
} from '../support/wire.js';

// What an adversarial review broke (issue 12), each pinned by a test that failed before the fix:
// caller mistakes that escaped as exceptions, timers that overflowed, and secrets or personal data
// that reached a message or a log line in a form, or at a cut, that scrubbing did not see.

useNock();

const JSON_TYPE = { 'content-type': 'application/json' };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('caller mistakes are InvalidRequest, never an exception', () => {
  test('.signal() given the controller instead of its signal: refused, nothing sent, no late throw', async () => {
    const trap = trapAnyRequest();
    const controller = new AbortController();
    const request = getSession.build(makeClient()).signal(untyped(controller)).timeout(20);

    const error = expectLeft(await request.execute(), 'InvalidRequest');
    // The attempt timer of the broken code fired here, throwing outside any promise.
    await wait(60);

    expect(error.problems).toStrictEqual([
      'signal: must be an AbortSignal (pass controller.signal, not the controller)',
    ]);
    expectNothingSent(trap);
  });

  test('.headers(null) does not throw from the setter; execute refuses it', async () => {
    const trap = trapAnyRequest();
    const request = getSession.build(makeClient()).headers(untyped(null));

    const error = expectLeft(await request.execute(), 'InvalidRequest');

    expect(error.problems).toStrictEqual([
      'headers: must be an object of header names to string values',
    ]);
    expectNothingSent(trap);
  });

  test("an exception from the caller's own getter is InvalidRequest, not a NetworkError", async () => {
    const trap = trapAnyRequest();
    const body = {
      get providers(): string[] {
        throw new Error('getter failed');
      },
    };
    const request = makeClient().sessionsAPI.createSession().createSessionRequest(body);

    const error = expectLeft(await request.execute(), 'InvalidRequest');

    expect(error.problems).toStrictEqual([
      'createSessionRequest: cannot be sent as JSON (getter failed)',
    ]);
    expectNothingSent(trap);
  });

  test('a token shorter than 8 characters is refused: it could not be scrubbed safely', async () => {
    const trap = trapAnyRequest();

    const error = expectLeft(
      await getSession.build(makeClient()).accessToken('abc').execute(),
      'InvalidRequest',
    );

    expect(error.problems).toStrictEqual(['accessToken: must have at least 8 characters']);
    expect(error.message).not.toContain('[REDACTED]');
    expectNothingSent(trap);
  });
});

describe('the body sent is the body checked', () => {
  class SneakyRequest {
    readonly providers = ['yoti'];
    // On the prototype, so a walk of the object's own properties does not see it.
    toJSON() {
      return { providers: 'yoti', launchMethodDirectly: 'yes' };
    }
  }

  test('a toJSON that changes the body: what would be sent is checked, and refused', async () => {
    const trap = trapAnyRequest();
    const body: CreateSessionRequest = new SneakyRequest();

    const error = expectLeft(
      await makeClient().sessionsAPI.createSession().createSessionRequest(body).execute(),
      'InvalidRequest',
    );

    expect(error.problems).toStrictEqual([
      'createSessionRequest.launchMethodDirectly: expected boolean',
      'createSessionRequest.providers: expected Array<string>',
    ]);
    expectNothingSent(trap);
  });

  test('a Date where a string is expected is checked as the string JSON makes of it', async () => {
    const scope = nock(BASE_URL)
      .post('/api/v1/sessions', { redirectUrl: '2026-01-02T03:04:05.000Z' })
      .reply(
        200,
        { session: sessionWith({ state: 'IdvCreated' }), launchUrl: 'https://l.test/x' },
        JSON_TYPE,
      );
    const body = { redirectUrl: untyped<string>(new Date('2026-01-02T03:04:05Z')) };

    const result = await makeClient()
      .sessionsAPI.createSession()
      .createSessionRequest(body)
      .execute();

    expect(expectRight(result).response.status).toBe(200);
    expect(scope.isDone()).toBe(true);
  });
});

describe('durations past what a timer can hold', () => {
  test('timeout(Number.MAX_SAFE_INTEGER) means no timeout, not an immediate one', async () => {
    const { scope, seen } = mockOperation(getSession, (interceptor) =>
      interceptor.reply(async () => {
        await wait(30);
        return [200, getSession.success.body, getSession.success.headers];
      }),
    );

    const result = await getSession.build(makeClient()).timeout(Number.MAX_SAFE_INTEGER).execute();

    expect(expectRight(result).data).toStrictEqual(getSession.success.data);
    expect(seen).toHaveLength(1);
    expectSentRequest(seen[0], getSession);
    expect(scope.isDone()).toBe(true);
  });

  test('a 30-day Retry-After, allowed by maxRetryAfterMs, is waited, not retried at once', async () => {
    const scope = nock(BASE_URL)
      .get(getSession.path)
      .once()
      .reply(503, { message: 'down for maintenance' }, { ...JSON_TYPE, 'retry-after': '2592000' });
    const client = makeClient({ maxRetryAfterMs: 40 * 24 * 3_600_000 });
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 150);

    const error = expectLeft(
      await getSession.build(client).signal(controller.signal).execute(),
      'AbortError',
    );

    expect(error.attempts).toBe(1);
    expect(scope.isDone()).toBe(true);
  });
});

describe('secrets and personal data in every text, in every form, before any cut', () => {
  test('the phone number a 404 echoes in its path is not in the message', async () => {
    const scope = nock(BASE_URL)
      .get(identityLookup.path)
      .reply(
        404,
        { message: `No such route: GET /api/v1/network/identities/${PHONE_NUMBER_ON_WIRE}` },
        JSON_TYPE,
      );

    const error = expectLeft(
      await makeClient().networkAPI.identityLookup(PHONE_NUMBER).execute(),
      'HttpError',
    );

    expect(error.message).toBe(
      'NetworkAPI.IdentityLookup: HTTP 404: No such route: GET /api/v1/network/identities/[REDACTED]',
    );
    expect(scope.isDone()).toBe(true);
  });

  test('the phone number is not in logged bodies either', async () => {
    const lines: string[] = [];
    const scope = nock(BASE_URL)
      .get(identityLookup.path)
      .reply(200, { identityInNetwork: true, note: `looked up ${PHONE_NUMBER}` }, JSON_TYPE);
    const client = makeClient({ debug: (line) => lines.push(line), logBodies: true });

    expectRight(await client.networkAPI.identityLookup(PHONE_NUMBER).execute());

    expect(lines.join('\n')).not.toContain(PHONE_NUMBER);
    expect(lines.join('\n')).not.toContain(PHONE_NUMBER_ON_WIRE);
    expect(lines.some((line) => line.includes('looked up [REDACTED]'))).toBe(true);
    expect(scope.isDone()).toBe(true);
  });

  test('a token straddling the cut of a server message is masked whole', async () => {
    const echoed = `${'x'.repeat(180)} rejected Bearer ${TOKEN}`;
    const scope = nock(BASE_URL).get(getSession.path).reply(403, { message: echoed }, JSON_TYPE);

    const error = expectLeft(await getSession.build(makeClient()).execute(), 'HttpError');

    expect(error.message).toContain('rejected Bearer [REDACTED]');
    expect(error.message).not.toContain(TOKEN.slice(0, 6));
    expect(scope.isDone()).toBe(true);
  });

  test('a token straddling the cut of a logged body is masked whole', async () => {
    const lines: string[] = [];
    const filler = 'y'.repeat(4_060);
    const scope = nock(BASE_URL)
      .get(getSession.path)
      .reply(500, { message: `${filler} Bearer ${TOKEN}` }, JSON_TYPE);
    const client = makeClient({
      debug: (line) => lines.push(line),
      logBodies: true,
      maxRetries: 0,
    });

    expectLeft(await getSession.build(client).execute(), 'HttpError');

    const bodyLine = lines.find((line) => line.includes('response body')) ?? '';
    expect(bodyLine).not.toContain(TOKEN.slice(0, 6));
    expect(scope.isDone()).toBe(true);
  });

  test('a token echoed in an enum field is not in DecodeError.errors', async () => {
    const scope = nock(BASE_URL)
      .get(getSession.path)
      .reply(200, { session: { ...sessionWith(), state: TOKEN } }, JSON_TYPE);

    const error = expectLeft(await getSession.build(makeClient()).execute(), 'DecodeError');

    expect(error.errors).toStrictEqual([
      'session.state: expected one of IdvCreated | IdvInitiated | IdvAuthenticating | IdvInProgress | IdvSuccess | IdvFailed, got "[REDACTED]"',
    ]);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect(scope.isDone()).toBe(true);
  });

  test('a token with a quote and a tab is masked in its JSON-escaped form too', async () => {
    const token = 'tk_"quoted"\tsecret_9';
    const lines: string[] = [];
    const scope = nock(BASE_URL, { reqheaders: { authorization: `Bearer ${token}` } })
      .get(getSession.path)
      .reply(401, { message: `token ${token} has expired` }, JSON_TYPE);
    const client = makeClient({ accessToken: token, debug: (l) => lines.push(l), logBodies: true });

    const error = expectLeft(await getSession.build(client).execute(), 'HttpError');

    const escaped = JSON.stringify(token).slice(1, -1);
    for (const text of [...lines, error.message]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(escaped);
    }
    expect(lines.some((line) => line.includes('token [REDACTED] has expired'))).toBe(true);
    expect(scope.isDone()).toBe(true);
  });

  test('a token given as defaultHeaders.Authorization is scrubbed from messages', async () => {
    const scope = nock(BASE_URL, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .get(getSession.path)
      .reply(401, { message: `Bearer ${TOKEN} is revoked` }, JSON_TYPE);
    const client = makeClient({
      accessToken: undefined,
      defaultHeaders: { Authorization: `Bearer ${TOKEN}` },
    });

    const error = expectLeft(await getSession.build(client).execute(), 'HttpError');

    expect(error.message).toBe('SessionsAPI.GetSession: HTTP 401: Bearer [REDACTED] is revoked');
    expect(scope.isDone()).toBe(true);
  });

  test("a token provider's error whose name holds the token does not show it", async () => {
    const trap = trapAnyRequest();
    const failure = Object.assign(new Error('refresh failed'), { name: TOKEN });

    const error = expectLeft(
      await getSession
        .build(makeClient())
        .accessToken(() => Promise.reject(failure))
        .execute(),
      'InvalidRequest',
    );

    expect(error.problems).toStrictEqual(['accessToken: the token provider failed (object)']);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expectNothingSent(trap);
  });
});

describe('bounded texts', () => {
  test('a 9 MB message in a 401 body makes a message of at most 2,000 characters', async () => {
    const scope = nock(BASE_URL)
      .get(getSession.path)
      .reply(401, { message: 'z'.repeat(9_000_000) }, JSON_TYPE);

    const error = expectLeft(await getSession.build(makeClient()).execute(), 'HttpError');

    expect(error.message.length).toBeLessThanOrEqual(2_001);
    expect(error.message.startsWith('SessionsAPI.GetSession: HTTP 401: zzz')).toBe(true);
    expect(error.message.endsWith('…')).toBe(true);
    expect(scope.isDone()).toBe(true);
  });

  test('a 401 without a configured token says so', async () => {
    const scope = nock(BASE_URL, { badheaders: ['authorization'] })
      .get(getSession.path)
      .reply(401, { message: 'Missing Authorization header' }, JSON_TYPE);

    const error = expectLeft(
      await getSession.build(makeClient({ accessToken: undefined })).execute(),
      'HttpError',
    );

    expect(error.message).toBe(
      'SessionsAPI.GetSession: HTTP 401: Missing Authorization header; no access token was sent: set accessToken in the Configuration or on the request',
    );
    expect(scope.isDone()).toBe(true);
  });

  test('an InvalidRequest lists at most 50 problems, then how many more', async () => {
    const trap = trapAnyRequest();
    const body = { providers: untyped<string[]>(Array.from({ length: 120 }, (_, i) => i)) };

    const error = expectLeft(
      await makeClient().sessionsAPI.createSession().createSessionRequest(body).execute(),
      'InvalidRequest',
    );

    expect(error.problems).toHaveLength(51);
    expect(error.problems[0]).toBe('createSessionRequest.providers.0: expected string, got 0');
    expect(error.problems[50]).toBe('… and 70 more');
    expect(error.message.length).toBeLessThanOrEqual(2_001);
    expectNothingSent(trap);
  });
});

// The second review (issue 20): what it broke in the helpers beyond single calls. Each test runs
// through the public surface only, so that it ran, and failed, on the code before the fix.
describe('round two: a diagnostics subscriber cannot change a result', () => {
  const requests = tracingChannel<unknown, RequestTraceContext>(DIAGNOSTICS_CHANNELS.request);
  const freezing = {
    start: (context: RequestTraceContext) => {
      Object.freeze(context);
    },
    end: () => undefined,
    asyncStart: () => undefined,
    asyncEnd: () => undefined,
    error: () => undefined,
  };
  beforeEach(() => {
    requests.subscribe(freezing);
  });
  afterEach(() => {
    requests.unsubscribe(freezing);
  });

  test('a subscriber that freezes the context: execute() still resolves to the Session created', async () => {
    const mocked = mockSuccess(createSession);

    const result = await createSession.build(makeClient()).execute();

    expect(expectRight(result).data).toStrictEqual(createSession.success.data);
    mocked.scope.done();
    expectSentRequest(mocked.seen[0], createSession);
  });

  test('… and all() still resolves to every session', async () => {
    const page = { sessions: [sessionWith({ id: 'ses_a' })], total: 1, more: false };
    const scope = nock(BASE_URL).get('/api/v1/sessions').query({ Page: '1' }).reply(200, page);

    const all = await makeClient().sessionsAPI.listSessions().all();

    expect(E.map((s: readonly Session[]) => s.map((x) => x.id))(all)).toStrictEqual(
      E.right(['ses_a']),
    );
    scope.done();
  });

  test('… and waitForSession still resolves to the final Session, not an internal error', async () => {
    const final = { session: sessionWith({ id: 'ses_w', state: SessionState.IdvSuccess }) };
    const scope = nock(BASE_URL).get('/api/v1/sessions/ses_w').reply(200, final, JSON_TYPE);

    const result = await makeClient().sessionsAPI.waitForSession('ses_w').execute();

    expect(expectRight(result).data.session.state).toBe('IdvSuccess');
    scope.done();
  });
});

describe('round two: waitForSession', () => {
  test('a Retry-After past maxWait ends it at once with the default retries, and says why', async () => {
    const scope = nock(BASE_URL)
      .get('/api/v1/sessions/ses_w')
      .reply(429, '{}', { ...JSON_TYPE, 'retry-after': '60' });

    const result = await makeClient().sessionsAPI.waitForSession('ses_w').maxWait(30_000).execute();

    expect(expectLeft(result, 'TimeoutError').message).toBe(
      'SessionsAPI.WaitForSession: the session was not final within maxWait (30000 ms): ' +
        'the server asked to wait 60 s more (Retry-After); last state seen: none (1 poll)',
    );
    scope.done();
  });

  test.each([
    ['the controller instead of its signal', () => new AbortController()],
    ['null', () => null],
  ])('.signal() given %s: refused as getSession refuses it, nothing sent', async (_what, make) => {
    const trap = trapAnyRequest();
    const sessions = makeClient().sessionsAPI;

    const waited = await sessions.waitForSession('ses_w').signal(untyped(make())).execute();
    const got = await sessions.getSession('ses_w').signal(untyped(make())).execute();

    const problem = 'signal: must be an AbortSignal (pass controller.signal, not the controller)';
    expect(expectLeft(waited, 'InvalidRequest').problems).toStrictEqual([problem]);
    expect(expectLeft(got, 'InvalidRequest').problems).toStrictEqual([problem]);
    expectNothingSent(trap);
  });

  test.each(['IdvSuccess', 'IdvInProgress'] as const)(
    'an %s answer about another Session ends it with a DecodeError naming no id',
    async (state) => {
      const other = { session: sessionWith({ id: 'ses_other', state }) };
      const scope = nock(BASE_URL).get('/api/v1/sessions/ses_w').reply(200, other, JSON_TYPE);
      const updates: string[] = [];

      const result = await makeClient()
        .sessionsAPI.waitForSession('ses_w')
        .onUpdate((session) => updates.push(session.id))
        .execute();

      const error = expectLeft(result, 'DecodeError');
      expect(error.errors).toStrictEqual([
        'session.id: the answer is about another Session than the one waited for',
      ]);
      expect(error.message).not.toMatch(/ses_other|ses_w/);
      expect(updates).toStrictEqual([]);
      scope.done();
    },
  );
});

describe('round two: .accessToken(null) is refused, not the configuration’s token', () => {
  test.each([null, undefined])('on a builder and on waitForSession: %p', async (token) => {
    const trap = trapAnyRequest();
    const sessions = makeClient().sessionsAPI;

    const got = await sessions.getSession('ses_w').accessToken(untyped(token)).execute();
    const waited = await sessions.waitForSession('ses_w').accessToken(untyped(token)).execute();

    const problem =
      `accessToken: must be a token or a function that returns one, not ${String(token)} ` +
      "(to use the configuration's token, do not set one)";
    expect(expectLeft(got, 'InvalidRequest').problems).toStrictEqual([problem]);
    expect(expectLeft(waited, 'InvalidRequest').problems).toStrictEqual([problem]);
    expectNothingSent(trap);
  });
});

describe('a bug in the SDK', () => {
  test('is reported in one format, by its kind and never by its message', () => {
    const bug = new RangeError(`token ${TOKEN} was in the message`);

    expect(internalError('SessionsAPI.GetSession', bug)).toStrictEqual({
      _tag: 'InvalidRequest',
      message:
        'SessionsAPI.GetSession: invalid request, nothing was sent: internal error, please report it: RangeError',
      problems: ['internal error, please report it: RangeError'],
      attempts: 0,
    });
    // A thrown value that is no Error, or one from another realm, is named the same way.
    expect(internalError('op', { name: 'TypeError' }).problems).toStrictEqual([
      'internal error, please report it: TypeError',
    ]);
    expect(internalError('op', 'a string').problems).toStrictEqual([
      'internal error, please report it: string',
    ]);
  });
});
