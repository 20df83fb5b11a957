import { OrderDirection, SessionOrdering } from '../../index.js';
import {
  failureMessage,
  HTML_ERROR_PAGE,
  listSessionsResponse,
  makeClient,
  session,
  validationResults,
} from '../support/fixtures.js';
import {
  createSession,
  exchangeAttachmentAccessKey,
  getSession,
  CASES,
  IDEMPOTENT_OPERATIONS,
  identityLookup,
  listSessions,
  NON_IDEMPOTENT_OPERATIONS,
  OPERATIONS,
  redactSession,
  type OperationCase,
} from '../support/operations.js';
import { OPERATIONS as TABLE } from '../../requests/operations.js';
import { bodyIs, bodyText, expectLeft, expectRight } from '../support/results.js';
import { expectSentRequest, mockOperation, mockSuccess, useNock } from '../support/wire.js';

// Every operation: the exact request on the wire, a 200 decoded, and the HTTP errors the spec
// describes (400 with ValidationResult[], 401 with FailureMessage, 500 with whatever came).

useNock();

const client = makeClient();

const isCased = (key: string): key is keyof typeof CASES =>
  Object.hasOwn(TABLE, key) && Object.hasOwn(CASES, key);

test('every case is of an operation of the table', () => {
  expect(Object.keys(CASES).filter((key) => !isCased(key))).toStrictEqual([]);
});

test.each(Object.keys(CASES).filter(isCased))(
  "%s: its case tells the description's name, method and idempotence",
  (key) => {
    const [op, { operation: description }] = [CASES[key], TABLE[key]];
    expect([op.name, op.method, op.idempotent]).toStrictEqual([
      description.name,
      description.method,
      description.idempotent,
    ]);
  },
);

describe.each(OPERATIONS)('$name', (op) => {
  test('sends the exact request and decodes a 200 answer', async () => {
    const { scope, seen } = mockSuccess(op);

    const ok = expectRight(await op.build(client).execute());

    scope.done();
    expect(seen).toHaveLength(1);
    expectSentRequest(seen[0], op);
    expect(ok.data).toStrictEqual(op.success.data);
    expect(ok.attempts).toBe(1);
    expect(ok.response.status).toBe(200);
    expect(ok.response.headers['content-type']).toBe(op.success.headers['content-type']);
    expect(ok.response.body).toBeInstanceOf(Uint8Array);
    expect(bodyIs(ok.response, op.success.body)).toBe(true);
  });

  test('400 with ValidationResult[] is an HttpError carrying that model', async () => {
    const { scope } = mockOperation(op, (interceptor) => interceptor.reply(400, validationResults));

    const error = expectLeft(await op.build(client).execute(), 'HttpError');

    scope.done();
    expect(error.status).toBe(400);
    expect(error.model).toStrictEqual(validationResults);
    expect(error.attempts).toBe(1);
    expect(error.response.status).toBe(400);
    expect(bodyText(error.response)).toBe(JSON.stringify(validationResults));
    expect(error.message).toContain(op.name);
    expect(error.message).toContain('HTTP 400');
    expect(error.message).toContain('PageSize must be between 1 and 50.');
  });

  test('401 with FailureMessage is an HttpError carrying that model', async () => {
    const { scope } = mockOperation(op, (interceptor) => interceptor.reply(401, failureMessage));

    const error = expectLeft(await op.build(client).execute(), 'HttpError');

    scope.done();
    expect(error.status).toBe(401);
    expect(error.model).toStrictEqual(failureMessage);
    expect(error.attempts).toBe(1);
    expect(error.message).toContain('HTTP 401');
    expect(error.message).toContain(failureMessage.message);
  });

  test('500 with an HTML page is an HttpError without a model, body kept', async () => {
    const { scope } = mockOperation(op, (interceptor) =>
      interceptor.reply(500, HTML_ERROR_PAGE, { 'content-type': 'text/html' }),
    );

    const error = expectLeft(await op.build(client).maxRetries(0).execute(), 'HttpError');

    scope.done();
    expect(error.status).toBe(500);
    expect(error.model).toBeUndefined();
    expect(error.attempts).toBe(1);
    expect(error.response.headers['content-type']).toBe('text/html');
    expect(bodyText(error.response)).toBe(HTML_ERROR_PAGE);
    expect(error.message).toBe(`${op.name}: HTTP 500`);
  });

  test('403 without a body is an HttpError without a model, not retried', async () => {
    const { scope } = mockOperation(op, (interceptor) => interceptor.reply(403));

    const error = expectLeft(await op.build(client).execute(), 'HttpError');

    scope.done();
    expect(error.status).toBe(403);
    expect(error.model).toBeUndefined();
    expect(error.attempts).toBe(1);
    expect(error.response.body).toHaveLength(0);
  });
});

describe.each(IDEMPOTENT_OPERATIONS)('$name (safe to repeat)', (op) => {
  test('a 500 then a 200: sent again, the same request, attempts 2', async () => {
    const failed = mockOperation(op, (interceptor) => interceptor.reply(500, HTML_ERROR_PAGE));
    const succeeded = mockSuccess(op);

    const ok = expectRight(await op.build(client).execute());

    failed.scope.done();
    succeeded.scope.done();
    expectSentRequest(failed.seen[0], op);
    expectSentRequest(succeeded.seen[0], op);
    expect(ok.attempts).toBe(2);
    expect(ok.data).toStrictEqual(op.success.data);
  });
});

describe.each(NON_IDEMPOTENT_OPERATIONS)('$name (not safe to repeat)', (op) => {
  test('a 500 is not sent again, even with retries allowed', async () => {
    const { scope, seen } = mockOperation(op, (interceptor) =>
      interceptor.reply(500, HTML_ERROR_PAGE),
    );

    const error = expectLeft(await op.build(client).maxRetries(2).execute(), 'HttpError');

    scope.done();
    expect(seen).toHaveLength(1);
    expect(error.status).toBe(500);
    expect(error.attempts).toBe(1);
  });
});

const variant = (op: OperationCase, changes: Partial<OperationCase>): OperationCase => ({
  ...op,
  ...changes,
});

describe('request variants', () => {
  test('createSession without a request sends {}', async () => {
    const op = variant(createSession, {
      body: {},
      build: (c) => c.sessionsAPI.createSession(),
    });
    const { scope, seen } = mockSuccess(op);

    expectRight(await op.build(client).execute());

    scope.done();
    expectSentRequest(seen[0], op);
    expect(seen[0]!.body).toBe('{}');
  });

  test('createSession with launchMethodDirectly sends the body as given', async () => {
    const body = {
      launchMethodDirectly: true,
      redirectUrl: 'https://rp.test/done',
      providers: ['clear'],
    };
    const op = variant(createSession, {
      body,
      build: (c) => c.sessionsAPI.createSession().createSessionRequest(body),
    });
    const { scope, seen } = mockSuccess(op);

    expectRight(await op.build(client).execute());

    scope.done();
    expectSentRequest(seen[0], op);
  });

  test('listSessions with nothing set sends no query at all', async () => {
    const op = variant(listSessions, { query: {}, build: (c) => c.sessionsAPI.listSessions() });
    const { scope, seen } = mockSuccess(op);

    expectRight(await op.build(client).execute());

    scope.done();
    expect(seen[0]!.url.search).toBe('');
  });

  test('listSessions sends only the parameters that are set', async () => {
    const op = variant(listSessions, {
      query: { Page: '1' },
      build: (c) => c.sessionsAPI.listSessions().page(1),
    });
    const { scope, seen } = mockSuccess(op);

    expectRight(await op.build(client).execute());

    scope.done();
    expect(seen[0]!.url.search).toBe('?Page=1');
  });

  test('listSessions takes the enum value objects, and the bounds 1 and 50', async () => {
    const op = variant(listSessions, {
      query: { OrderBy: 'State', OrderDirection: 'Ascending', PageSize: '1', Page: '1' },
      build: (c) =>
        c.sessionsAPI
          .listSessions()
          .orderBy(SessionOrdering.State)
          .orderDirection(OrderDirection.Ascending)
          .pageSize(1)
          .page(1),
    });
    const { scope, seen } = mockSuccess(op);

    const ok = expectRight(await op.build(client).execute());

    scope.done();
    expectSentRequest(seen[0], op);
    expect(ok.data).toStrictEqual(listSessionsResponse);
  });

  test.each([
    ['ses_01HZX3', 'ses_01HZX3'],
    ['%', '%25'],
    ['séance', 's%C3%A9ance'],
    // Go's url.PathEscape keeps these sub-delimiters as they are.
    ['a$b&c+d=e:f@g', 'a$b&c+d=e:f@g'],
    ["!'()*", '%21%27%28%29%2A'],
    ['x;y,z', 'x%3By%2Cz'],
  ])('getSession(%j) puts the id in one segment: %s', async (sessionId, onWire) => {
    const op = variant(getSession, {
      path: `/api/v1/sessions/${onWire}`,
      build: (c) => c.sessionsAPI.getSession(sessionId),
    });
    const { scope, seen } = mockSuccess(op);

    expectRight(await op.build(client).execute());

    scope.done();
    expect(seen[0]!.url.pathname).toBe(`/api/v1/sessions/${onWire}`);
  });

  test('identityLookup keeps + as it is and escapes the space and slash', async () => {
    const { scope, seen } = mockSuccess(identityLookup);

    expectRight(await identityLookup.build(client).execute());

    scope.done();
    expect(seen[0]!.url.pathname).toBe('/api/v1/network/identities/+1%20555%2F0100');
  });
});

describe('answers with a shape of their own', () => {
  test('exchangeAttachmentAccessKey: 202 is AttachmentPending with Retry-After', async () => {
    const { scope } = mockOperation(exchangeAttachmentAccessKey, (interceptor) =>
      interceptor.reply(202, '', { 'retry-after': '5' }),
    );

    const ok = expectRight(await exchangeAttachmentAccessKey.build(client).execute());

    scope.done();
    expect(ok.data).toStrictEqual({ _tag: 'AttachmentPending', retryAfterSeconds: 5 });
    expect(ok.response.status).toBe(202);
    expect(ok.attempts).toBe(1);
  });

  test('exchangeAttachmentAccessKey: 202 without Retry-After has no retry time', async () => {
    const { scope } = mockOperation(exchangeAttachmentAccessKey, (interceptor) =>
      interceptor.reply(202),
    );

    const ok = expectRight(await exchangeAttachmentAccessKey.build(client).execute());

    scope.done();
    expect(ok.data).toStrictEqual({ _tag: 'AttachmentPending', retryAfterSeconds: undefined });
  });

  test('exchangeAttachmentAccessKey: 200 without Content-Type is octet-stream', async () => {
    const bytes = Buffer.from([0, 1, 2, 253, 254, 255]);
    const { scope } = mockOperation(exchangeAttachmentAccessKey, (interceptor) =>
      interceptor.reply(200, bytes),
    );

    const ok = expectRight(await exchangeAttachmentAccessKey.build(client).execute());

    scope.done();
    expect(ok.data).toStrictEqual({
      _tag: 'Attachment',
      contentType: 'application/octet-stream',
      bytes,
    });
  });

  test('redactSession ignores whatever body a 200 carries: data is undefined', async () => {
    const { scope } = mockOperation(redactSession, (interceptor) =>
      interceptor.reply(200, { unexpected: true }),
    );

    const ok = expectRight(await redactSession.build(client).execute());

    scope.done();
    expect(ok.data).toBeUndefined();
    expect(bodyText(ok.response)).toBe('{"unexpected":true}');
  });

  test('redactSession: 204 No Content is a success too', async () => {
    const { scope } = mockOperation(redactSession, (interceptor) => interceptor.reply(204));

    const ok = expectRight(await redactSession.build(client).execute());

    scope.done();
    expect(ok.data).toBeUndefined();
    expect(ok.response.status).toBe(204);
  });

  test('response header names are lower-case, values as sent', async () => {
    const { scope } = mockOperation(getSession, (interceptor) =>
      interceptor.reply(200, { session }, { 'X-Request-Id': 'req-42' }),
    );

    const ok = expectRight(await getSession.build(client).execute());

    scope.done();
    expect(ok.response.headers['x-request-id']).toBe('req-42');
  });
});
