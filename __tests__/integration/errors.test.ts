import type { APIClient } from '../../index.js';
import {
  clientFor,
  httpError,
  JSON_HEADERS,
  ok,
  raw,
  useHarness,
  verifiedSession,
} from '../support/harness.js';
import { OPERATIONS } from '../support/operations.js';

// Error answers of the sandbox: as the API gives them (401 FailureMessage, 400 ValidationResult[]
// naming members), and as a plain HTTP server should (404, 405 with Allow, 413, 415), all JSON.

const h = useHarness({ resetEach: false });

/** One call of each operation of the operations' table, with valid parameters. */
const EVERY = OPERATIONS.map((op) => [op.name, (c: APIClient) => op.build(c).execute()] as const);

describe('401 with a FailureMessage', () => {
  test.each(EVERY)('%s with a wrong API key', async (_, call) => {
    const error = httpError(await call(clientFor(h.sandbox, 'sk_wrong_key')));
    expect(error.status).toBe(401);
    expect(error.model).toEqual({ message: 'The API key is not valid' });
    expect(error.response.headers['www-authenticate']).toBe('Bearer');
    expect(Buffer.from(error.response.body).toString()).not.toContain('sk_wrong_key');
  });

  test.each(EVERY)('%s with no API key', async (_, call) => {
    const error = httpError(await call(clientFor(h.sandbox, null)));
    expect(error.status).toBe(401);
    expect(error.model).toEqual({
      message: 'Missing Authorization header: send "Authorization: Bearer <API key>"',
    });
  });

  test('another scheme, or a token with the right key as a prefix, is refused', async () => {
    for (const authorization of [
      `Basic ${h.sandbox.apiKey}`,
      `Bearer ${h.sandbox.apiKey}x`,
      'Bearer',
    ]) {
      const answer = await raw(h.sandbox, 'GET', '/api/v1/network/providers', {
        auth: false,
        headers: { authorization },
      });
      expect(answer.status).toBe(401);
    }
    // The scheme's case does not matter (RFC 9110).
    const lower = await raw(h.sandbox, 'GET', '/api/v1/network/providers', {
      auth: false,
      headers: { authorization: `bearer ${h.sandbox.apiKey}` },
    });
    expect(lower.status).toBe(200);
  });

  test('the control routes need the key too', async () => {
    const { status } = await raw(h.sandbox, 'POST', '/sandbox/reset', { auth: false });
    expect(status).toBe(401);
    const complete = await raw(h.sandbox, 'POST', '/sandbox/sessions/x/complete', {
      auth: false,
      headers: JSON_HEADERS,
      body: '{"outcome":"success"}',
    });
    expect(complete.status).toBe(401);
  });
});

describe('400 with ValidationResult[], as the SDK decodes it', () => {
  test('an unknown provider (the SDK cannot know the list): memberNames Providers', async () => {
    const error = httpError(
      await h.client.sessionsAPI
        .createSession()
        .createSessionRequest({ providers: ['nope'] })
        .execute(),
    );
    expect(error.status).toBe(400);
    expect(error.model).toEqual([
      { memberNames: ['Providers'], errorMessage: 'Unknown provider(s): "nope".' },
    ]);
    expect(error.message).toBe(
      'SessionsAPI.CreateSession: HTTP 400: Providers: Unknown provider(s): "nope".',
    );
  });

  test('a redirect URL that is not an absolute http(s) URL', async () => {
    const error = httpError(
      await h.client.sessionsAPI
        .createSession()
        .createSessionRequest({ redirectUrl: 'not a url' })
        .execute(),
    );
    expect(error.model).toEqual([
      {
        memberNames: ['RedirectUrl'],
        errorMessage: 'RedirectUrl must be an absolute http or https URL.',
      },
    ]);
  });
});

describe('400 for what the SDK refuses to send (raw HTTP)', () => {
  const get = (query: string) => raw(h.sandbox, 'GET', `/api/v1/sessions${query}`);

  test.each([
    ['?PageSize=0', 'PageSize', 'The field PageSize must be between 1 and 50.'],
    ['?PageSize=51', 'PageSize', 'The field PageSize must be between 1 and 50.'],
    ['?PageSize=2.5', 'PageSize', 'The value "2.5" is not valid for PageSize.'],
    ['?PageSize=abc', 'PageSize', 'The value "abc" is not valid for PageSize.'],
    ['?Page=0', 'Page', 'The field Page must be between 1 and 2147483647.'],
    ['?Page=-1', 'Page', 'The field Page must be between 1 and 2147483647.'],
    ['?Page=2147483648', 'Page', 'The field Page must be between 1 and 2147483647.'],
    ['?Page=1&Page=2', 'Page', 'Page must be given once.'],
    [
      '?OrderBy=Name',
      'OrderBy',
      'The value "Name" is not valid for OrderBy: use one of Created, Updated, State.',
    ],
    [
      '?OrderDirection=Up',
      'OrderDirection',
      'The value "Up" is not valid for OrderDirection: use one of Ascending, Descending.',
    ],
  ])('listSessions%s', async (query, member, errorMessage) => {
    const answer = await get(query);
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.json).toEqual([{ memberNames: [member], errorMessage }]);
  });

  test('every problem of a request is named, one result each', async () => {
    const answer = await get('?PageSize=0&Page=0&OrderBy=x');
    expect(answer.json).toEqual([
      expect.objectContaining({ memberNames: ['OrderBy'] }),
      expect.objectContaining({ memberNames: ['PageSize'] }),
      expect.objectContaining({ memberNames: ['Page'] }),
    ]);
  });

  const post = (path: string, body: string, headers: Record<string, string> = JSON_HEADERS) =>
    raw(h.sandbox, 'POST', path, { headers, body });

  test.each([
    [
      '{"launchMethodDirectly":true}',
      [
        {
          memberNames: ['RedirectUrl'],
          errorMessage: 'RedirectUrl is required when LaunchMethodDirectly is true.',
        },
        {
          memberNames: ['Providers'],
          errorMessage: 'Providers must have exactly one entry when LaunchMethodDirectly is true.',
        },
      ],
    ],
    [
      '{"launchMethodDirectly":true,"redirectUrl":"https://rp.example","providers":["yoti","clear"]}',
      [
        {
          memberNames: ['Providers'],
          errorMessage: 'Providers must have exactly one entry when LaunchMethodDirectly is true.',
        },
      ],
    ],
    [
      '{"providers":"yoti"}',
      [
        {
          memberNames: ['Providers'],
          errorMessage: 'The Providers field is not valid: expected Array<string>.',
        },
      ],
    ],
    [
      '{"providers":["yoti",3]}',
      [
        {
          memberNames: ['Providers[1]'],
          errorMessage: 'The Providers[1] field is not valid: expected string.',
        },
      ],
    ],
    [
      '{"disclosedFields":{"idNumber":"yes"}}',
      [
        {
          memberNames: ['DisclosedFields.IdNumber'],
          errorMessage: 'The DisclosedFields.IdNumber field is not valid: expected boolean.',
        },
      ],
    ],
    ['[1]', [{ memberNames: [], errorMessage: 'The request body must be a JSON object' }]],
    ['{"redirectUrl":', [{ memberNames: [], errorMessage: 'The request body is not valid JSON.' }]],
  ])('createSession %s', async (body, expected) => {
    const answer = await post('/api/v1/sessions', body);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(expected);
  });

  test('createSession: JSON null (what the Go SDK sends) and no body at all both mean "no request"', async () => {
    expect((await post('/api/v1/sessions', 'null')).status).toBe(200);
    expect((await post('/api/v1/sessions', '', {})).status).toBe(200);
    // Properties the API does not know are ignored, as ASP.NET does.
    expect((await post('/api/v1/sessions', '{"colour":"blue"}')).status).toBe(200);
  });

  test.each([
    ['{}', 'The ResultsAccessKey field is required.'],
    ['{"resultsAccessKey":""}', 'The ResultsAccessKey field is required.'],
    ['{"resultsAccessKey":7}', 'The ResultsAccessKey field is not valid: expected string.'],
    ['null', 'The ResultsAccessKey field is required.'],
  ])('exchangeResultsKey %s', async (body, errorMessage) => {
    const { sessionId } = await verifiedSession(h);
    const answer = await post(`/api/v1/sessions/${sessionId}/results/exchange`, body);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual([{ memberNames: ['ResultsAccessKey'], errorMessage }]);
  });

  test.each([
    ['{}', 'The AttachmentAccessKey field is required.'],
    [
      '{"attachmentAccessKey":""}',
      'The AttachmentAccessKey field is not valid: must have at least 1 character(s).',
    ],
  ])('exchangeAttachmentAccessKey %s', async (body, errorMessage) => {
    const answer = await post('/api/v1/attachments/exchange', body);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual([{ memberNames: ['AttachmentAccessKey'], errorMessage }]);
  });

  test('a path parameter that is not valid percent-encoding', async () => {
    const answer = await raw(h.sandbox, 'GET', '/api/v1/sessions/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual([
      { memberNames: ['sessionId'], errorMessage: 'sessionId is not valid percent-encoding.' },
    ]);
  });

  test('a control body with a misspelt property is refused, naming it', async () => {
    const { sessionId } = await verifiedSession(h);
    const answer = await post(
      `/sandbox/sessions/${sessionId}/complete`,
      '{"outcome":"success","identityData":{"person":{"givenNmae":"A"}}}',
    );
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual([
      {
        memberNames: ['identityData.person.givenNmae'],
        errorMessage: 'identityData.person.givenNmae is not a known property',
      },
    ]);
    const noOutcome = await post(`/sandbox/sessions/${sessionId}/complete`, '{}');
    expect(noOutcome.json).toEqual([
      { memberNames: ['outcome'], errorMessage: 'outcome must be "success" or "failure".' },
    ]);
    const badCode = await post(
      `/sandbox/sessions/${sessionId}/complete`,
      '{"outcome":"failure","failCode":"SessionFailRpCanceled"}',
    );
    expect(badCode.status).toBe(400);
    expect(JSON.stringify(badCode.json)).toContain('failCode');
  });
});

describe('plain HTTP errors, as JSON', () => {
  test.each([
    ['GET', '/'],
    ['GET', '/api/v1'],
    ['GET', '/api/v2/sessions'],
    ['POST', '/api/v1/sessions/s1/delete'],
    ['GET', '/api/v1/sessions/s1/results'],
  ])('unknown route %s %s: 404', async (method, path) => {
    const answer = await raw(h.sandbox, method, path);
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ message: `No such route: ${method} ${path}` });
  });

  test.each([
    ['DELETE', '/api/v1/sessions', 'POST, GET'],
    ['PUT', '/api/v1/sessions/s1', 'GET'],
    ['GET', '/api/v1/sessions/s1/cancel', 'POST'],
    ['GET', '/api/v1/attachments/exchange', 'POST'],
    ['POST', '/api/v1/network/providers', 'GET'],
    ['GET', '/sandbox/reset', 'POST'],
  ])('wrong method %s %s: 405 with Allow', async (method, path, allow) => {
    const answer = await raw(h.sandbox, method, path);
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe(allow);
    expect(answer.json).toEqual({
      message: `Method ${method} is not allowed here; use ${allow}`,
    });
  });

  test('a trailing slash names the same resource', async () => {
    expect((await raw(h.sandbox, 'GET', '/api/v1/network/providers/')).status).toBe(200);
  });

  test('a body that is not JSON: 415', async () => {
    const answer = await raw(h.sandbox, 'POST', '/api/v1/sessions', {
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(answer.status).toBe(415);
    expect(answer.json).toEqual({
      message: 'Unsupported Content-Type "text/plain": send application/json',
    });
    // The spec's other JSON media types are accepted.
    for (const type of ['text/json', 'application/merge+json', 'application/json; charset=utf-8']) {
      const accepted = await raw(h.sandbox, 'POST', '/api/v1/sessions', {
        headers: { 'content-type': type },
        body: '{}',
      });
      expect(accepted.status).toBe(200);
    }
  });

  test('a body over 1 MiB: 413, and the connection is closed', async () => {
    const answer = await raw(h.sandbox, 'POST', '/api/v1/sessions', {
      headers: JSON_HEADERS,
      body: `{"redirectUrl":"${'x'.repeat(1024 * 1024)}"}`,
    });
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(answer.json).toEqual({ message: 'The request body is larger than 1048576 bytes' });
    // The sandbox still serves.
    ok(await h.client.networkAPI.listProviders().execute());
  });
});
