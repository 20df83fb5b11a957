import { isRight } from 'fp-ts/lib/Either.js';
import { SessionFailCode, SessionState, type Session } from '../../index.js';
import { SESSION_LIFETIME_MS, STEP_INTERVAL_MS } from '../../sandbox/index.js';
import {
  advance,
  attachmentKinds,
  complete,
  completed,
  createSession,
  httpError,
  ok,
  peek,
  raw,
  refused,
  useHarness,
  status,
  verifiedSession,
} from '../support/harness.js';
import { allDisclosed } from '../support/fixtures.js';

// The Sessions API against the sandbox, through the SDK in strict mode, over loopback HTTP.

const h = useHarness({ resetEach: true });
// Sandbox time stands still here unless a test moves it: the journey is a function of time.
const m = useHarness({ resetEach: true, clock: 'manual' });

describe('createSession', () => {
  test('without a request: a new IdvCreated session, every field disclosed, and a launch URL', async () => {
    const before = Math.floor(Date.now() / 1000);
    const result = await h.client.sessionsAPI.createSession().execute();
    const { session, launchUrl } = ok(result);
    expect(session.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(session).toEqual({
      id: session.id,
      state: SessionState.IdvCreated,
      failCode: SessionFailCode.SessionFailNone,
      verification: {},
      disclosedFields: allDisclosed,
      created: session.created,
      updated: session.created,
    });
    expect(session.created).toBeGreaterThanOrEqual(before);
    expect(launchUrl).toMatch(
      new RegExp(`^${h.sandbox.url}/sandbox/launch\\?clientToken=ct_[\\w-]{32}$`),
    );
  });

  test('disclosedFields asked for are true, the others false', async () => {
    const { session } = ok(
      await h.client.sessionsAPI
        .createSession()
        .createSessionRequest({
          disclosedFields: { givenName: true, selfie: true, idNumber: false },
        })
        .execute(),
    );
    const expected: Record<string, boolean> = {};
    for (const name of Object.keys(allDisclosed))
      expected[name] = ['givenName', 'selfie'].includes(name);
    expect(session.disclosedFields).toEqual(expected);
  });

  test('each session gets its own id, and the launch URL is not given again by getSession', async () => {
    const a = ok(await h.client.sessionsAPI.createSession().execute());
    const b = ok(await h.client.sessionsAPI.createSession().execute());
    expect(a.session.id).not.toBe(b.session.id);
    expect(a.launchUrl).not.toBe(b.launchUrl);
    const fetched = await raw(h.sandbox, 'GET', `/api/v1/sessions/${a.session.id}`);
    expect(fetched.text).not.toContain('launch');
  });

  test('launchMethodDirectly with a redirect URL and one provider is accepted', async () => {
    const { session } = ok(
      await h.client.sessionsAPI
        .createSession()
        .createSessionRequest({
          launchMethodDirectly: true,
          redirectUrl: 'https://rp.example/done',
          providers: ['clear'],
        })
        .execute(),
    );
    expect(session.state).toBe(SessionState.IdvCreated);
  });

  test('the launch URL works without the API key and moves the session to IdvInitiated', async () => {
    const { session, launchUrl } = ok(await m.client.sessionsAPI.createSession().execute());
    await advance(m, 2_000);
    const opened = await raw(m.sandbox, 'GET', launchUrl!.slice(m.sandbox.url.length), {
      auth: false,
    });
    expect(opened.status).toBe(200);
    const got = ok(await m.client.sessionsAPI.getSession(session.id).execute()).session;
    expect(got.state).toBe(SessionState.IdvInitiated);
    expect(got.updated).toBe(session.updated + 2);
    const unknown = await raw(m.sandbox, 'GET', '/sandbox/launch?clientToken=ct_nope', {
      auth: false,
    });
    expect(unknown.status).toBe(404);
  });
});

describe('getSession', () => {
  test('returns the session as created', async () => {
    const created = ok(await h.client.sessionsAPI.createSession().execute()).session;
    const result = await h.client.sessionsAPI.getSession(created.id).execute();
    expect(ok(result)).toEqual({ session: created });
  });

  test('an unknown id is a 404 with a JSON message', async () => {
    const error = httpError(await h.client.sessionsAPI.getSession('no-such-session').execute());
    expect(error.status).toBe(404);
    expect(JSON.parse(Buffer.from(error.response.body).toString())).toEqual({
      message: 'No Session with id "no-such-session"',
    });
    expect(error.attempts).toBe(1);
  });

  test('an id that needs percent-encoding reaches the sandbox as one segment', async () => {
    const error = httpError(await h.client.sessionsAPI.getSession('a b/../c?d#e').execute());
    expect(error.status).toBe(404);
    expect(error.message).toBe(
      'SessionsAPI.GetSession: HTTP 404: No Session with id "a b/../c?d#e"',
    );
    expect(Buffer.from(error.response.body).toString()).toContain('a b/../c?d#e');
  });
});

describe('the user journey, one state per second of sandbox time', () => {
  const poll = async (id: string): Promise<Session> =>
    ok(await m.client.sessionsAPI.getSession(id).execute()).session;
  /** The session as getSession shows it, checked to be what listSessions shows at that moment. */
  const seenBy = async (id: string): Promise<Session> => {
    const got = await poll(id);
    expect(await peek(m, id)).toEqual(got);
    return got;
  };

  test('success: IdvInitiated at completion, then one step per second; updated never ahead of time', async () => {
    const id = await createSession(m);
    const created = await seenBy(id);
    const done = await completed(m, id, { outcome: 'success', provider: 'clear' });
    expect(done.resultsAccessKey).toMatch(/^rk_[\w-]{32}$/);
    expect(done.session.state).toBe(SessionState.IdvInitiated);
    // Reads do not move it: only time does.
    expect(await seenBy(id)).toEqual(done.session);
    expect(await seenBy(id)).toEqual(done.session);
    const seen = [created, await seenBy(id)];
    for (let i = 0; i < 4; i++) {
      await advance(m, STEP_INTERVAL_MS);
      seen.push(await seenBy(id));
    }
    expect(seen.map((s) => s.state)).toEqual([
      SessionState.IdvCreated,
      SessionState.IdvInitiated,
      SessionState.IdvAuthenticating,
      SessionState.IdvInProgress,
      SessionState.IdvSuccess,
      SessionState.IdvSuccess, // final: time changes nothing more
    ]);
    // The clock stood still until the first advance: each step is one second later.
    expect(seen.map((s) => s.updated - created.created)).toEqual([0, 0, 1, 2, 3, 3]);
    expect(seen[4]).toEqual(
      expect.objectContaining({ failCode: 'SessionFailNone', verification: { provider: 'clear' } }),
    );
    expect(seen.every((s) => s.created === created.created)).toBe(true);
  });

  test('a big move of time passes every step at once, each at its own time', async () => {
    const id = await createSession(m);
    const created = await seenBy(id);
    await completed(m, id, { outcome: 'success' });
    await advance(m, 60_000);
    const final = await seenBy(id);
    expect(final.state).toBe(SessionState.IdvSuccess);
    expect(final.updated).toBe(created.created + 3);
  });

  test.each([
    ['SessionFailUserCanceled', [SessionState.IdvFailed]],
    ['SessionFailExpired', [SessionState.IdvFailed]],
    ['SessionFailAuthentication', [SessionState.IdvAuthenticating, SessionState.IdvFailed]],
    [
      'SessionFailVerificationFailed',
      [SessionState.IdvAuthenticating, SessionState.IdvInProgress, SessionState.IdvFailed],
    ],
    [
      'SessionFailInternal',
      [SessionState.IdvAuthenticating, SessionState.IdvInProgress, SessionState.IdvFailed],
    ],
  ] as const)(
    'failure %s: the journey stops where that failure happens, and yields no key',
    async (failCode, states) => {
      const id = await createSession(m);
      const done = await completed(m, id, { outcome: 'failure', failCode });
      expect(done).not.toHaveProperty('resultsAccessKey');
      const seen: Session[] = [];
      for (let i = 0; i < states.length; i++) {
        await advance(m, STEP_INTERVAL_MS);
        seen.push(await seenBy(id));
      }
      expect(seen.map((s) => s.state)).toEqual(states);
      expect(seen.at(-1)!.failCode).toBe(failCode);
    },
  );

  test('a session nobody finishes expires after its lifetime: IdvFailed, SessionFailExpired', async () => {
    const launched = ok(await m.client.sessionsAPI.createSession().execute());
    const opened = launched.session.id;
    const untouched = await createSession(m);
    const created = await seenBy(untouched);
    const page = await raw(m.sandbox, 'GET', launched.launchUrl!.slice(m.sandbox.url.length), {
      auth: false,
    });
    expect(page.status).toBe(200);
    await advance(m, SESSION_LIFETIME_MS - 1);
    expect((await seenBy(untouched)).state).toBe(SessionState.IdvCreated);
    expect((await seenBy(opened)).state).toBe(SessionState.IdvInitiated);
    await advance(m, 1);
    for (const id of [opened, untouched]) {
      expect(await seenBy(id)).toEqual(
        expect.objectContaining({
          state: SessionState.IdvFailed,
          failCode: SessionFailCode.SessionFailExpired,
          updated: created.created + SESSION_LIFETIME_MS / 1000,
        }),
      );
    }
    expect(await refused(m, untouched, { outcome: 'success' })).toMatch(/^complete: HTTP 409: /);
  });

  test('a completed session does not expire: it finishes', async () => {
    const id = await createSession(m);
    await advance(m, SESSION_LIFETIME_MS - 1_000);
    await completed(m, id, { outcome: 'success' });
    await advance(m, 10 * STEP_INTERVAL_MS);
    expect((await seenBy(id)).state).toBe(SessionState.IdvSuccess);
  });

  test('a failed verification carries its reason', async () => {
    const id = await createSession(m);
    await completed(m, id, {
      outcome: 'failure',
      failCode: 'SessionFailVerificationFailed',
      verificationFailCode: 'VerificationFailInvalidImage',
      advance: 'now',
    });
    expect((await poll(id)).verification).toEqual({
      provider: 'yoti',
      failCode: 'VerificationFailInvalidImage',
    });
  });

  test("advance 'now' makes the session final at once", async () => {
    const id = await createSession(h);
    const done = await completed(h, id, { outcome: 'success', advance: 'now' });
    expect(done.session.state).toBe(SessionState.IdvSuccess);
  });

  test('a session can be completed once, and not after a cancel', async () => {
    const id = await createSession(h);
    await complete(h, id);
    expect(await h.control.complete(id, { outcome: 'success' })).toEqual({
      _tag: 'Left',
      left: 'complete: HTTP 409: The Session has already been completed',
    });
    const other = await createSession(h);
    ok(await h.client.sessionsAPI.cancelSession(other).execute());
    expect(await refused(h, other, { outcome: 'success' })).toBe(
      'complete: HTTP 409: The Session is IdvFailed: only an IdvCreated or IdvInitiated Session can be completed',
    );
    expect(await h.control.complete('nope', { outcome: 'success' })).toEqual({
      _tag: 'Left',
      left: 'complete: HTTP 404: No Session with id "nope"',
    });
  });

  test('the provider must be one the session allows', async () => {
    const { session } = ok(
      await h.client.sessionsAPI
        .createSession()
        .createSessionRequest({ providers: ['mdl'] })
        .execute(),
    );
    expect(await refused(h, session.id, { outcome: 'success', provider: 'yoti' })).toBe(
      'complete: HTTP 400: [{"memberNames":["provider"],"errorMessage":"The Session does not allow the provider yoti"}]',
    );
    await complete(h, session.id);
    const got = ok(await h.client.sessionsAPI.getSession(session.id).execute()).session;
    expect(got.verification.provider).toBe('mdl');
  });
});

describe('cancelSession', () => {
  test.each([
    ['IdvCreated', false, 0],
    ['IdvInitiated', true, 0],
    ['IdvAuthenticating', true, 1],
    ['IdvInProgress', true, 2],
  ] as const)(
    'from %s: IdvFailed with SessionFailRpCanceled, updated moves on',
    async (state, isCompleted, steps) => {
      // A manual clock starts on a whole second: half a second in, steps fall mid-second.
      const id = await createSession(m);
      await advance(m, 500);
      if (isCompleted) await completed(m, id, { outcome: 'success' });
      await advance(m, steps * STEP_INTERVAL_MS);
      const before = await peek(m, id);
      expect(before?.state).toBe(state);
      await advance(m, 999); // into the next second, not yet to the next step
      expect((await peek(m, id))?.state).toBe(state);
      const { session } = ok(await m.client.sessionsAPI.cancelSession(id).execute());
      expect(session.state).toBe(SessionState.IdvFailed);
      expect(session.failCode).toBe(SessionFailCode.SessionFailRpCanceled);
      // Canceled at sandbox time: one second after the last change, as the clock moved.
      expect(session.updated).toBe(before!.updated + 1);
      // Nothing is pending any more: time does not move it.
      await advance(m, 10 * STEP_INTERVAL_MS);
      expect(ok(await m.client.sessionsAPI.getSession(id).execute()).session).toEqual(session);
    },
  );

  test('cancelling a failed session again is a 200 that changes nothing (safe to retry)', async () => {
    const id = await createSession(h);
    const first = ok(await h.client.sessionsAPI.cancelSession(id).execute()).session;
    const second = ok(await h.client.sessionsAPI.cancelSession(id).execute()).session;
    expect(second).toEqual(first);
    const userFailed = await createSession(h);
    await completed(h, userFailed, {
      outcome: 'failure',
      failCode: 'SessionFailExpired',
      advance: 'now',
    });
    const { session } = ok(await h.client.sessionsAPI.cancelSession(userFailed).execute());
    expect(session.failCode).toBe(SessionFailCode.SessionFailExpired);
  });

  test('a successful session cannot be canceled: 400 naming SessionId', async () => {
    const { sessionId } = await verifiedSession(h);
    const error = httpError(await h.client.sessionsAPI.cancelSession(sessionId).execute());
    expect(error.status).toBe(400);
    expect(error.model).toEqual([
      {
        memberNames: ['SessionId'],
        errorMessage:
          'The Session has already succeeded and cannot be canceled; redact it to remove its identity data',
      },
    ]);
    expect(ok(await h.client.sessionsAPI.getSession(sessionId).execute()).session.state).toBe(
      SessionState.IdvSuccess,
    );
  });

  test('cancelling a session mid-journey drops what the user disclosed', async () => {
    const id = await createSession(h);
    const resultsAccessKey = await complete(h, id, { outcome: 'success' });
    ok(await h.client.sessionsAPI.cancelSession(id).execute());
    const exchanged = ok(
      await h.client.sessionsAPI
        .exchangeResultsKey(id)
        .exchangeResultsKeyRequest({ resultsAccessKey })
        .execute(),
    );
    expect(exchanged.session.failCode).toBe(SessionFailCode.SessionFailRpCanceled);
    expect(exchanged.identityData).toBeUndefined();
  });

  test('an unknown session is a 404', async () => {
    expect(httpError(await h.client.sessionsAPI.cancelSession('nope').execute()).status).toBe(404);
  });
});

describe('exchangeResultsKey', () => {
  test('a valid key gives the session and the identity data: person, document, attachment keys', async () => {
    const { sessionId, resultsAccessKey } = await verifiedSession(h, {
      outcome: 'success',
      advance: 'now',
      identityData: {
        originatingProviderId: 'yoti',
        person: { givenName: 'Grace', familyName: 'Hopper', phoneNumber: '+1 555 0100 999' },
        document: { type: 'Passport', number: 'X1' },
      },
    });
    const data = ok(
      await h.client.sessionsAPI
        .exchangeResultsKey(sessionId)
        .exchangeResultsKeyRequest({ resultsAccessKey })
        .execute(),
    );
    expect(data.session).toEqual(
      ok(await h.client.sessionsAPI.getSession(sessionId).execute()).session,
    );
    const { attachments, ...identity } = data.identityData!;
    expect(identity).toEqual({
      originatingProviderId: 'yoti',
      person: { givenName: 'Grace', familyName: 'Hopper', phoneNumber: '+1 555 0100 999' },
      document: { type: 'Passport', number: 'X1' },
    });
    expect(attachmentKinds(attachments)).toEqual([
      'documentBack',
      'documentFront',
      'documentPortrait',
      'selfie',
    ]);
  });

  test('without identity data of its own, the user is the sandbox default person', async () => {
    const { sessionId, resultsAccessKey } = await verifiedSession(h);
    const { identityData } = ok(
      await h.client.sessionsAPI
        .exchangeResultsKey(sessionId)
        .exchangeResultsKeyRequest({ resultsAccessKey })
        .execute(),
    );
    expect(identityData?.person?.fullName).toBe('Jane Quinn Sandbox');
    expect(identityData?.document?.type).toBe('DriversLicense');
  });

  test('only the fields the session asked for are released', async () => {
    const { session } = ok(
      await h.client.sessionsAPI
        .createSession()
        .createSessionRequest({ disclosedFields: { givenName: true, selfie: true } })
        .execute(),
    );
    const resultsAccessKey = await complete(h, session.id);
    const { identityData } = ok(
      await h.client.sessionsAPI
        .exchangeResultsKey(session.id)
        .exchangeResultsKeyRequest({ resultsAccessKey })
        .execute(),
    );
    const { attachments, ...identity } = identityData!;
    expect(identity).toEqual({
      originatingProviderId: 'yoti',
      person: {
        givenName: 'Jane',
        middleName: 'Quinn',
        gender: 'Female',
        phoneNumber: '+15555550123',
      },
      document: { type: 'DriversLicense' },
    });
    expect(attachmentKinds(attachments)).toEqual(['selfie']);
  });

  test('a failed session has no results key: nothing exchanges for it', async () => {
    const sessionId = await createSession(h);
    const done = await completed(h, sessionId, {
      outcome: 'failure',
      failCode: 'SessionFailAuthentication',
      advance: 'now',
    });
    expect(done).not.toHaveProperty('resultsAccessKey');
    expect(done.session.state).toBe(SessionState.IdvFailed);
    const error = httpError(
      await h.client.sessionsAPI
        .exchangeResultsKey(sessionId)
        .exchangeResultsKeyRequest({ resultsAccessKey: 'rk_guessed' })
        .execute(),
    );
    expect(error.status).toBe(400);
    expect(error.model).toEqual([
      {
        memberNames: ['ResultsAccessKey'],
        errorMessage: 'The Results Access Key is not valid for this Session',
      },
    ]);
  });

  test('the key is good for more than one exchange, until the session is redacted', async () => {
    const { sessionId, resultsAccessKey } = await verifiedSession(h);
    const exchange = () =>
      h.client.sessionsAPI
        .exchangeResultsKey(sessionId)
        .exchangeResultsKeyRequest({ resultsAccessKey })
        .execute();
    expect(ok(await exchange())).toEqual(ok(await exchange()));
    ok(await h.client.sessionsAPI.redactSession(sessionId).execute());
    const error = httpError(await exchange());
    expect(error.status).toBe(400);
    expect(error.model).toEqual([
      {
        memberNames: ['ResultsAccessKey'],
        errorMessage: 'The Session was redacted: its identity data is gone',
      },
    ]);
    // The error names no secret.
    expect(error.message).not.toContain(resultsAccessKey);
  });

  test('before the session is final the key is refused, naming the state', async () => {
    const id = await createSession(h);
    const resultsAccessKey = await complete(h, id, { outcome: 'success' });
    const error = httpError(
      await h.client.sessionsAPI
        .exchangeResultsKey(id)
        .exchangeResultsKeyRequest({ resultsAccessKey })
        .execute(),
    );
    expect(error.status).toBe(400);
    expect(error.model).toEqual([
      {
        memberNames: ['ResultsAccessKey'],
        errorMessage:
          'The Session is IdvInitiated: results are available once it is IdvSuccess or IdvFailed',
      },
    ]);
  });

  test("a wrong key, or another session's key, is a 400; an unknown session a 404", async () => {
    const a = await verifiedSession(h);
    const b = await verifiedSession(h);
    for (const resultsAccessKey of ['rk_wrong', b.resultsAccessKey]) {
      const error = httpError(
        await h.client.sessionsAPI
          .exchangeResultsKey(a.sessionId)
          .exchangeResultsKeyRequest({ resultsAccessKey })
          .execute(),
      );
      expect(error.status).toBe(400);
      expect(error.model).toEqual([
        {
          memberNames: ['ResultsAccessKey'],
          errorMessage: 'The Results Access Key is not valid for this Session',
        },
      ]);
    }
    const missing = httpError(
      await h.client.sessionsAPI
        .exchangeResultsKey('nope')
        .exchangeResultsKeyRequest({ resultsAccessKey: a.resultsAccessKey })
        .execute(),
    );
    expect(missing.status).toBe(404);
  });
});

describe('redactSession', () => {
  test('a final session is redacted with 200 and no body; redacting again is the same', async () => {
    const { sessionId } = await verifiedSession(h);
    for (let i = 0; i < 2; i++) {
      const result = await h.client.sessionsAPI.redactSession(sessionId).execute();
      expect(isRight(result) && result.right.data).toBeUndefined();
      expect(status(result)).toBe(200);
      expect(isRight(result) && result.right.response.body).toEqual(new Uint8Array());
    }
    // The session itself remains, unchanged.
    expect(ok(await h.client.sessionsAPI.getSession(sessionId).execute()).session.state).toBe(
      SessionState.IdvSuccess,
    );
  });

  test('a canceled session can be redacted', async () => {
    const id = await createSession(h);
    ok(await h.client.sessionsAPI.cancelSession(id).execute());
    ok(await h.client.sessionsAPI.redactSession(id).execute());
  });

  test('a session still in progress cannot be redacted: 400 naming SessionId', async () => {
    const id = await createSession(h);
    const error = httpError(await h.client.sessionsAPI.redactSession(id).execute());
    expect(error.status).toBe(400);
    expect(error.model).toEqual([
      {
        memberNames: ['SessionId'],
        errorMessage:
          'The Session is IdvCreated: only a finished Session (IdvSuccess or IdvFailed) can be redacted; cancel it first',
      },
    ]);
  });

  test('an unknown session is a 404', async () => {
    expect(httpError(await h.client.sessionsAPI.redactSession('nope').execute()).status).toBe(404);
  });
});
