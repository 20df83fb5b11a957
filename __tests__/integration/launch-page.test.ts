import { SessionFailCode, SessionState, type CreateSessionRequest } from '../../index.js';
import { startSandbox, type RequestLogEntry } from '../../sandbox/index.js';
import { JSON_HEADERS, ok, raw, useHarness, type RawAnswer } from '../support/harness.js';

// The launch page over plain HTTP: what the sandbox serves at a launch URL, and the one call the
// page makes. The page's behaviour in a browser, with @trinsic/web-ui, is __tests__/browser/.

const h = useHarness({ resetEach: true });

const created = async (request: CreateSessionRequest = {}) => {
  const { session, launchUrl } = ok(
    await h.client.sessionsAPI.createSession().createSessionRequest(request).execute(),
  );
  const url = new URL(launchUrl ?? '');
  return {
    session,
    path: `${url.pathname}${url.search}`,
    clientToken: url.searchParams.get('clientToken') ?? '',
  };
};

const open = (path: string): Promise<RawAnswer> => raw(h.sandbox, 'GET', path, { auth: false });

const act = (body: unknown): Promise<RawAnswer> =>
  raw(h.sandbox, 'POST', '/sandbox/launch/complete', {
    auth: false,
    headers: JSON_HEADERS,
    body: JSON.stringify(body),
  });

const header = (answer: RawAnswer, name: string): string => String(answer.headers[name] ?? '');

/** A string property of a JSON answer; fails the test when there is none. */
const stringField = (json: unknown, name: string): string => {
  const value: unknown =
    typeof json === 'object' && json !== null && name in json ? Reflect.get(json, name) : undefined;
  if (typeof value !== 'string') throw new Error(`no string ${name} in ${JSON.stringify(json)}`);
  return value;
};

/** The members each ValidationResult of a 400 names. */
const memberNames = (json: unknown): unknown[] =>
  Array.isArray(json) ? json.map((result: unknown) => membersOf(result)) : [];

const membersOf = (result: unknown): unknown =>
  typeof result === 'object' && result !== null && 'memberNames' in result
    ? result.memberNames
    : undefined;

/** The JSON of the page's data block. */
const dataBlock = (html: string): unknown => {
  const found = /<script type="application\/json" id="launch-data">([^<]*)<\/script>/.exec(html);
  if (found?.[1] === undefined) throw new Error('no data block');
  return JSON.parse(found[1]);
};

describe('GET the launch URL', () => {
  test('is an HTML page under a strict CSP, whose nonce is new on every answer', async () => {
    const { path } = await created();
    const [first, second] = [await open(path), await open(path)];
    expect(first.status).toBe(200);
    expect(header(first, 'content-type')).toBe('text/html; charset=utf-8');
    const csp = header(first, 'content-security-policy');
    const nonce = /script-src 'nonce-([\w+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toBe(
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src data:; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'`,
    );
    // Every inline style and script carries it, except the data block (never executed).
    expect(first.text.match(/<(style|script)\b[^>]*>/g)).toEqual([
      `<style nonce="${nonce}">`,
      '<script type="application/json" id="launch-data">',
      `<script nonce="${nonce}">`,
    ]);
    expect(header(second, 'content-security-policy')).not.toContain(nonce);
    expect(header(first, 'referrer-policy')).toBe('no-referrer');
    expect(header(first, 'cache-control')).toBe('no-store');
    expect(header(first, 'x-content-type-options')).toBe('nosniff');
    // Nothing on the page loads from elsewhere.
    expect(first.text).not.toMatch(/\b(src|href)="(?!data:)/);
  });

  test('shows the disclosed fields, a provider select when several are allowed, every outcome', async () => {
    const { session, path, clientToken } = await created({
      providers: ['clear', 'mdl'],
      disclosedFields: { givenName: true, dateOfBirth: true, selfie: true },
    });
    const page = (await open(path)).text;
    expect(page.match(/<li>([^<]+)<\/li>/g)).toEqual([
      '<li>Given name</li>',
      '<li>Date of birth</li>',
      '<li>Selfie</li>',
    ]);
    expect(page).toContain(
      '<select id="provider" name="provider"><option value="clear">CLEAR (sandbox)</option><option value="mdl">Mobile Driver&#39;s License (sandbox)</option></select>',
    );
    expect(page.match(/data-outcome="(\w+)"/g)).toEqual([
      'data-outcome="success"',
      'data-outcome="SessionFailUserCanceled"',
      'data-outcome="SessionFailAuthentication"',
      'data-outcome="SessionFailVerificationFailed"',
      'data-outcome="SessionFailExpired"',
    ]);
    expect(page.match(/name="identity" value="([\w-]+)"/g)).toEqual([
      'name="identity" value="adult"',
      'name="identity" value="minor"',
      'name="identity" value="expired-document"',
    ]);
    expect(page).toContain('data-action="close"');
    expect(dataBlock(page)).toEqual({
      sessionId: session.id,
      redirectUrl: null,
      resultOrigins: [],
    });
    // Said before the person acts; the script then names the one destination.
    expect(page).toContain(
      '<p id="destination" class="destination" role="note">No site is declared to receive the result.</p>',
    );
    // The client token is in the URL the browser has; the page does not repeat it.
    expect(page).not.toContain(clientToken);
  });

  test('one allowed provider is shown, not offered', async () => {
    const page = (await open((await created({ providers: ['yoti'] })).path)).text;
    expect(page).not.toContain('<select');
    expect(page).toContain('<input type="hidden" name="provider" value="yoti">');
    expect(page).toContain('<span>Yoti (sandbox)</span>');
  });

  test('opening it moves a new Session to IdvInitiated', async () => {
    const { session, path } = await created();
    await open(path);
    const got = ok(await h.client.sessionsAPI.getSession(session.id).execute()).session;
    expect(got.state).toBe(SessionState.IdvInitiated);
  });

  test("a Session's redirectUrl with markup is data, escaped, never markup", async () => {
    const redirectUrl = `https://rp.example/back?q=</script><script>alert(1)</script>&u=\u2028"'<!--`;
    const { session, path } = await created({ redirectUrl });
    const page = (await open(path)).text;
    expect(dataBlock(page)).toEqual({
      sessionId: session.id,
      redirectUrl,
      resultOrigins: ['https://rp.example'],
    });
    expect(page.match(/<script\b/g)).toHaveLength(2);
    expect(page).not.toContain('alert(1)</script>');
  });

  test('an unknown client token is a 404 page that says so, without repeating the token', async () => {
    const answer = await open('/sandbox/launch?clientToken=ct_not_a_real_token_123');
    expect(answer.status).toBe(404);
    expect(header(answer, 'content-type')).toBe('text/html; charset=utf-8');
    expect(answer.text).toContain('<h1>This launch link is not valid</h1>');
    expect(answer.text).not.toContain('ct_not_a_real_token_123');
    expect(answer.text).not.toContain('data-outcome');
  });
});

describe('POST /sandbox/launch/complete (what the page calls)', () => {
  test('success: the message for the frontend, the Session final at once, the identity of the preset', async () => {
    const { session, path, clientToken } = await created({ providers: ['yoti', 'clear'] });
    await open(path);
    const answer = await act({
      clientToken,
      outcome: 'success',
      identity: 'minor',
      provider: 'clear',
    });
    expect(answer.status).toBe(200);
    expect(header(answer, 'cache-control')).toBe('no-store');
    const resultsAccessKey = stringField(answer.json, 'resultsAccessKey');
    expect(resultsAccessKey).toMatch(/^rk_[\w-]{32}$/);
    expect(answer.json).toEqual({
      success: true,
      msg: 'complete',
      sessionId: session.id,
      resultsAccessKey,
    });
    const exchanged = ok(
      await h.client.sessionsAPI
        .exchangeResultsKey(session.id)
        .exchangeResultsKeyRequest({ resultsAccessKey })
        .execute(),
    );
    expect(exchanged.session.state).toBe(SessionState.IdvSuccess);
    expect(exchanged.session.verification).toEqual({ provider: 'clear' });
    const person = exchanged.identityData?.person;
    expect(person?.fullName).toBe('Sam Young Sandbox');
    const age = (Date.now() - Date.parse(person?.dateOfBirth ?? '')) / (365.25 * 86_400_000);
    expect(age).toBeGreaterThan(15.9);
    expect(age).toBeLessThan(18);
  });

  test('the expired-document preset has a document that expired before today', async () => {
    const { session, clientToken } = await created();
    const answer = await act({ clientToken, outcome: 'success', identity: 'expired-document' });
    const resultsAccessKey = stringField(answer.json, 'resultsAccessKey');
    const { identityData } = ok(
      await h.client.sessionsAPI
        .exchangeResultsKey(session.id)
        .exchangeResultsKeyRequest({ resultsAccessKey })
        .execute(),
    );
    expect(identityData?.document?.type).toBe('Passport');
    expect(Date.parse(identityData?.document?.expirationDate ?? '')).toBeLessThan(Date.now());
  });

  test.each([
    SessionFailCode.SessionFailUserCanceled,
    SessionFailCode.SessionFailAuthentication,
    SessionFailCode.SessionFailVerificationFailed,
    SessionFailCode.SessionFailExpired,
  ])('failure %s: success false, no key, the Session IdvFailed with that code', async (code) => {
    const { session, clientToken } = await created();
    const answer = await act({ clientToken, outcome: 'failure', failCode: code });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ success: false, msg: 'failed', sessionId: session.id });
    const got = ok(await h.client.sessionsAPI.getSession(session.id).execute()).session;
    expect({ state: got.state, failCode: got.failCode }).toEqual({
      state: SessionState.IdvFailed,
      failCode: code,
    });
  });

  test('a finished Session cannot be completed twice, and its page says it is finished', async () => {
    const { session, path, clientToken } = await created();
    expect((await act({ clientToken, outcome: 'success' })).status).toBe(200);
    const again = await act({ clientToken, outcome: 'failure', failCode: 'SessionFailExpired' });
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ message: 'The Session has already been completed' });
    const page = await open(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>This Session is finished</h1>');
    expect(page.text).toContain(`<code>${session.id}</code> is <strong>IdvSuccess</strong>`);
    expect(page.text).not.toContain('data-outcome');
    expect(page.text).not.toMatch(/<script/);
  });

  test('a Session canceled by the relying party is finished too', async () => {
    const { session, path, clientToken } = await created();
    ok(await h.client.sessionsAPI.cancelSession(session.id).execute());
    expect((await open(path)).text).toContain('(SessionFailRpCanceled)');
    expect((await act({ clientToken, outcome: 'success' })).status).toBe(409);
  });

  test.each([
    [{ outcome: 'maybe' }, 'outcome'],
    [{ outcome: 'success', identity: 'robot' }, 'identity'],
    [{ outcome: 'failure', failCode: 'SessionFailInternal' }, 'failCode'],
    [{ outcome: 'success', identty: 'adult' }, 'identty'],
    [{ outcome: 'success', provider: 'clear' }, 'provider'],
  ])('a body the page would not send is a 400 naming the member: %j', async (body, member) => {
    const { clientToken } = await created({ providers: ['yoti'] });
    const answer = await act({ clientToken, ...body });
    expect(answer.status).toBe(400);
    expect(memberNames(answer.json)).toEqual([[member]]);
  });

  test('an unknown client token is a 404 that does not repeat it; no API key is needed or used', async () => {
    const answer = await act({ clientToken: 'ct_unknown_token_42', outcome: 'success' });
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ message: 'No Session has this client token' });
  });
});

describe('where a result may go: the declared origins and the Session’s own redirectUrl', () => {
  const sandboxWith = async (allowedOrigins: readonly string[], request: CreateSessionRequest) => {
    const sandbox = await startSandbox({ allowedOrigins });
    try {
      const launch = await raw(sandbox, 'POST', '/api/v1/sessions', {
        headers: JSON_HEADERS,
        body: JSON.stringify(request),
      });
      const url = new URL(stringField(launch.json, 'launchUrl'));
      return await raw(sandbox, 'GET', `${url.pathname}${url.search}`, { auth: false });
    } finally {
      await sandbox.stop();
    }
  };

  test.each<[string, readonly string[], CreateSessionRequest, readonly string[]]>([
    ['none declared, no redirectUrl', [], {}, []],
    [
      'declared origins',
      ['http://localhost:3000', 'https://app.example/'],
      {},
      ['http://localhost:3000', 'https://app.example'],
    ],
    [
      'a redirectUrl only',
      [],
      { redirectUrl: 'https://rp.example:8443/back?x=1' },
      ['https://rp.example:8443'],
    ],
    [
      'both, without repeats',
      ['https://rp.example'],
      { redirectUrl: 'https://rp.example/back' },
      ['https://rp.example'],
    ],
  ])(
    '%s: the page lists them, and only they may frame it',
    async (_, allowed, request, origins) => {
      const page = await sandboxWith(allowed, request);
      expect(dataBlock(page.text)).toMatchObject({ resultOrigins: origins });
      expect(header(page, 'content-security-policy')).toMatch(
        new RegExp(`; frame-ancestors ${origins.length === 0 ? "'none'" : origins.join(' ')}$`),
      );
      expect(page.text).toContain(
        origins.length === 0
          ? 'No site is declared to receive the result.'
          : `The result may be sent only to ${origins.join(', ')}.`,
      );
    },
  );
});

test("the request log names routes, never a launch URL's client token", async () => {
  const entries: RequestLogEntry[] = [];
  const sandbox = await startSandbox({ onRequest: (entry) => entries.push(entry) });
  try {
    const launch = await raw(sandbox, 'POST', '/api/v1/sessions', {
      headers: JSON_HEADERS,
      body: '{}',
    });
    const launchUrl = new URL(stringField(launch.json, 'launchUrl'));
    const clientToken = launchUrl.searchParams.get('clientToken') ?? '';
    await raw(sandbox, 'GET', `${launchUrl.pathname}${launchUrl.search}`, { auth: false });
    await raw(sandbox, 'POST', '/sandbox/launch/complete', {
      auth: false,
      headers: JSON_HEADERS,
      body: JSON.stringify({ clientToken, outcome: 'success' }),
    });
    expect(entries.map(({ method, route, status }) => `${method} ${route} ${status}`)).toEqual([
      'POST /api/v1/sessions 200',
      'GET /sandbox/launch 200',
      'POST /sandbox/launch/complete 200',
    ]);
    expect(JSON.stringify(entries)).not.toContain(clientToken);
  } finally {
    await sandbox.stop();
  }
});
