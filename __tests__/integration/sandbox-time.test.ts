import { isLeft } from 'fp-ts/lib/Either.js';
import { SessionFailCode, SessionState, type Session } from '../../index.js';
import { SESSION_LIFETIME_MS, startSandbox, STEP_INTERVAL_MS } from '../../sandbox/index.js';
import {
  advance,
  API_KEY,
  clientFor,
  complete,
  completed,
  createSession,
  httpError,
  JSON_HEADERS,
  ok,
  peek,
  raw,
  useHarness,
} from '../support/harness.js';

// Sandbox time: with a manual clock it moves only by `control.advanceTime` (HTTP
// `POST /sandbox/time/advance`), and a Session's state is a function of it, the same for every
// read at the same moment: get, list, exchange, cancel, redact, the launch page.

const h = useHarness({ resetEach: true, clock: 'manual' });

const get = async (id: string): Promise<Session> =>
  ok(await h.client.sessionsAPI.getSession(id).execute()).session;

const exchange = (id: string, resultsAccessKey: string) =>
  h.client.sessionsAPI
    .exchangeResultsKey(id)
    .exchangeResultsKeyRequest({ resultsAccessKey })
    .execute();

describe('moving time', () => {
  test('control.advanceTime moves sandbox time by exactly that much; nothing else moves it', async () => {
    const first = await h.control.advanceTime(0);
    if (isLeft(first)) throw new Error(first.left);
    expect(first.right.unixMs % 1000).toBe(0); // a manual clock starts on a whole second
    const second = await h.control.advanceTime(1_500);
    if (isLeft(second)) throw new Error(second.left);
    expect(second.right.unixMs - first.right.unixMs).toBe(1_500);
    expect(second.right.now).toBe(new Date(second.right.unixMs).toISOString());
  });

  test('created and updated are sandbox time, never ahead of it', async () => {
    const moved = await h.control.advanceTime(0);
    if (isLeft(moved)) throw new Error(moved.left);
    const now = Math.floor(moved.right.unixMs / 1000);
    const id = await createSession(h);
    await complete(h, id, { outcome: 'success', advance: 'now' });
    const session = await get(id);
    expect([session.created, session.updated]).toEqual([now, now]);
  });

  test('POST /sandbox/time/advance over HTTP; a bad ms is a 400 naming ms', async () => {
    const before = await h.control.advanceTime(0);
    if (isLeft(before)) throw new Error(before.left);
    const moved = await raw(h.sandbox, 'POST', '/sandbox/time/advance', {
      headers: JSON_HEADERS,
      body: '{"ms": 5000}',
    });
    expect(moved.status).toBe(200);
    const unixMs = before.right.unixMs + 5_000;
    expect(moved.json).toEqual({ now: new Date(unixMs).toISOString(), unixMs });
    for (const body of ['{"ms": -1}', '{"ms": 1.5}', '{"ms": "5000"}', '{}', '{"ms": 1e13}']) {
      const refused = await raw(h.sandbox, 'POST', '/sandbox/time/advance', {
        headers: JSON_HEADERS,
        body,
      });
      expect(refused.status).toBe(400);
      expect(refused.json).toEqual([expect.objectContaining({ memberNames: ['ms'] })]);
    }
    const stranger = await raw(h.sandbox, 'POST', '/sandbox/time/advance', {
      auth: false,
      headers: JSON_HEADERS,
      body: '{"ms": 5000}',
    });
    expect(stranger.status).toBe(401);
  });

  test('on the real clock (the default) advanceTime skips ahead too: expiry without waiting', async () => {
    const sandbox = await startSandbox({ apiKey: API_KEY });
    try {
      const client = clientFor(sandbox);
      const { session } = ok(await client.sessionsAPI.createSession().execute());
      expect(isLeft(await sandbox.control.advanceTime(SESSION_LIFETIME_MS))).toBe(false);
      const expired = ok(await client.sessionsAPI.getSession(session.id).execute()).session;
      expect([expired.state, expired.failCode]).toEqual([
        SessionState.IdvFailed,
        SessionFailCode.SessionFailExpired,
      ]);
    } finally {
      await sandbox.stop();
    }
  });
});

describe('every read sees the state of the moment', () => {
  test('exchange: refused until time brings the Session to its end, then the identity data', async () => {
    const id = await createSession(h);
    const key = await complete(h, id, { outcome: 'success' });
    expect(httpError(await exchange(id, key)).model).toEqual([
      {
        memberNames: ['ResultsAccessKey'],
        errorMessage:
          'The Session is IdvInitiated: results are available once it is IdvSuccess or IdvFailed',
      },
    ]);
    await advance(h, 3 * STEP_INTERVAL_MS - 1);
    expect(httpError(await exchange(id, key)).status).toBe(400);
    await advance(h, 1);
    const data = ok(await exchange(id, key));
    expect(data.session.state).toBe(SessionState.IdvSuccess);
    expect(data.identityData?.person?.givenName).toBe('Jane');
  });

  test('redact: refused while the journey runs, allowed once time has finished it', async () => {
    const id = await createSession(h);
    await completed(h, id, { outcome: 'failure', failCode: 'SessionFailAuthentication' });
    expect(httpError(await h.client.sessionsAPI.redactSession(id).execute()).status).toBe(400);
    await advance(h, 2 * STEP_INTERVAL_MS);
    ok(await h.client.sessionsAPI.redactSession(id).execute());
    expect((await get(id)).failCode).toBe(SessionFailCode.SessionFailAuthentication);
  });

  test('cancel: a journey that time has already failed keeps its own fail code', async () => {
    const id = await createSession(h);
    await completed(h, id, { outcome: 'failure', failCode: 'SessionFailUserCanceled' });
    await advance(h, STEP_INTERVAL_MS);
    const { session } = ok(await h.client.sessionsAPI.cancelSession(id).execute());
    expect(session.failCode).toBe(SessionFailCode.SessionFailUserCanceled);
  });

  test('cancel: a journey still running is canceled, and time does not finish it later', async () => {
    const id = await createSession(h);
    await complete(h, id, { outcome: 'success' });
    await advance(h, STEP_INTERVAL_MS);
    const { session } = ok(await h.client.sessionsAPI.cancelSession(id).execute());
    expect([session.state, session.failCode]).toEqual([
      SessionState.IdvFailed,
      SessionFailCode.SessionFailRpCanceled,
    ]);
    await advance(h, 10 * STEP_INTERVAL_MS);
    expect(await get(id)).toEqual(session);
  });

  test('the launch page: open before the lifetime ends, finished after it', async () => {
    const { launchUrl, session } = ok(await h.client.sessionsAPI.createSession().execute());
    const page = () =>
      raw(h.sandbox, 'GET', launchUrl!.slice(h.sandbox.url.length), { auth: false });
    expect((await page()).text).toContain('data-outcome="SessionFailUserCanceled"');
    await advance(h, SESSION_LIFETIME_MS);
    const finished = await page();
    expect(finished.status).toBe(200);
    expect(finished.text).not.toContain('data-outcome=');
    expect(await peek(h, session.id)).toEqual(
      expect.objectContaining({ state: 'IdvFailed', failCode: 'SessionFailExpired' }),
    );
  });

  test('the network knows a verified user once time has made the Session a success', async () => {
    const phone = '+1 555 010 0777';
    const inNetwork = async () =>
      ok(await h.client.networkAPI.identityLookup(phone).execute()).identityInNetwork;
    const id = await createSession(h);
    await complete(h, id, { outcome: 'success', identityData: { person: { phoneNumber: phone } } });
    expect(await inNetwork()).toBe(false);
    await advance(h, 3 * STEP_INTERVAL_MS);
    expect(await inNetwork()).toBe(true);
  });
});

describe('results keys exist only for a success', () => {
  test('the control route gives none for a failure; the launch page none either', async () => {
    const id = await createSession(h);
    const failed = await completed(h, id, {
      outcome: 'failure',
      failCode: 'SessionFailVerificationFailed',
      advance: 'now',
    });
    expect(Object.keys(failed)).toEqual(['session']);

    const { launchUrl, session } = ok(await h.client.sessionsAPI.createSession().execute());
    const clientToken = new URL(launchUrl!).searchParams.get('clientToken');
    const answer = await raw(h.sandbox, 'POST', '/sandbox/launch/complete', {
      auth: false,
      headers: JSON_HEADERS,
      body: JSON.stringify({
        clientToken,
        outcome: 'failure',
        failCode: 'SessionFailAuthentication',
      }),
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ success: false, msg: 'failed', sessionId: session.id });
  });
});
