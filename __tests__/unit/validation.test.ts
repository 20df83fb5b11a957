import {
  Configuration,
  type APIClient,
  type CreateSessionRequest,
  type ExchangeAttachmentAccessKeyRequest,
  type ExchangeResultsKeyRequest,
  type InvalidRequest,
  type OrderDirection,
  type SessionOrdering,
} from '../../index.js';
import { makeClient, TOKEN } from '../support/fixtures.js';
import type { AnyRequest } from '../support/operations.js';
import { expectLeft } from '../support/results.js';
import { untyped } from '../support/untyped.js';
import { expectNothingSent, trapAnyRequest, useNock } from '../support/wire.js';

// Parameters are checked against the spec before anything is sent: each problem is named in
// `problems`, the result is an InvalidRequest, and no request leaves (a trap for any request to
// the API host must stay unused).

useNock();

const client = makeClient();

const expectRefused = async (request: AnyRequest): Promise<InvalidRequest> => {
  const trap = trapAnyRequest();

  const error = expectLeft(await request.execute(), 'InvalidRequest');

  expectNothingSent(trap);
  expect(error.attempts).toBe(0);
  expect(error.message).toContain('nothing was sent');
  for (const problem of error.problems) expect(error.message).toContain(problem);
  return error;
};

interface RefusalCase {
  readonly what: string;
  readonly build: (client: APIClient) => AnyRequest;
  /** Every problem, exactly, in order. */
  readonly problems: readonly string[];
}

const PAGE_SIZE_RANGE = 'must be an integer from 1 to 50';
const PAGE_RANGE = 'must be an integer from 1 to 2147483647';

const LIST_SESSIONS_CASES: RefusalCase[] = [
  ...[0, 51, 1.5, -1, Number.NaN].map((pageSize) => ({
    what: `pageSize ${pageSize}`,
    build: (c: APIClient) => c.sessionsAPI.listSessions().pageSize(pageSize),
    problems: [`pageSize: ${PAGE_SIZE_RANGE}, got ${pageSize}`],
  })),
  ...[0, -1, 1.5, 2 ** 31].map((page) => ({
    what: `page ${page}`,
    build: (c: APIClient) => c.sessionsAPI.listSessions().page(page),
    problems: [`page: ${PAGE_RANGE}, got ${page}`],
  })),
  {
    what: 'an orderBy value that is not a SessionOrdering',
    build: (c) => c.sessionsAPI.listSessions().orderBy(untyped<SessionOrdering>('Bogus')),
    problems: ['orderBy: expected one of Created | Updated | State, got "Bogus"'],
  },
  {
    what: 'an orderBy value in the wrong case',
    build: (c) => c.sessionsAPI.listSessions().orderBy(untyped<SessionOrdering>('created')),
    problems: ['orderBy: expected one of Created | Updated | State, got "created"'],
  },
  {
    what: 'an orderDirection value that is not an OrderDirection',
    build: (c) => c.sessionsAPI.listSessions().orderDirection(untyped<OrderDirection>('asc')),
    problems: ['orderDirection: expected one of Ascending | Descending, got "asc"'],
  },
  {
    what: 'a page size given as a string',
    build: (c) => c.sessionsAPI.listSessions().pageSize(untyped<number>('10')),
    problems: [`pageSize: ${PAGE_SIZE_RANGE}`],
  },
  {
    what: 'several problems at once, all named',
    build: (c) =>
      c.sessionsAPI.listSessions().orderBy(untyped<SessionOrdering>('Bogus')).pageSize(0).page(0),
    problems: [
      'orderBy: expected one of Created | Updated | State, got "Bogus"',
      `pageSize: ${PAGE_SIZE_RANGE}, got 0`,
      `page: ${PAGE_RANGE}, got 0`,
    ],
  },
];

const PATH_PARAMETER_CASES: RefusalCase[] = [
  {
    what: 'cancelSession with an empty sessionId',
    build: (c) => c.sessionsAPI.cancelSession(''),
    problems: ['sessionId: must not be empty'],
  },
  {
    what: 'getSession with an empty sessionId',
    build: (c) => c.sessionsAPI.getSession(''),
    problems: ['sessionId: must not be empty'],
  },
  {
    what: 'redactSession with an empty sessionId',
    build: (c) => c.sessionsAPI.redactSession(''),
    problems: ['sessionId: must not be empty'],
  },
  {
    what: 'exchangeResultsKey with an empty sessionId',
    build: (c) =>
      c.sessionsAPI.exchangeResultsKey('').exchangeResultsKeyRequest({ resultsAccessKey: 'k' }),
    problems: ['sessionId: must not be empty'],
  },
  {
    what: 'identityLookup with an empty phoneNumber',
    build: (c) => c.networkAPI.identityLookup(''),
    problems: ['phoneNumber: must not be empty'],
  },
  {
    what: 'getSession with no sessionId at all (from JavaScript)',
    build: (c) => c.sessionsAPI.getSession(untyped<string>(undefined)),
    problems: ['sessionId: is required'],
  },
  {
    what: 'getSession with a number for sessionId (from JavaScript)',
    build: (c) => c.sessionsAPI.getSession(untyped<string>(42)),
    problems: ['sessionId: expected string, got 42'],
  },
  // URL parsers resolve "." and ".." even percent-encoded: no encoding keeps them one segment.
  ...['.', '..'].map((sessionId) => ({
    what: `getSession(${JSON.stringify(sessionId)}), a dot segment`,
    build: (c: APIClient) => c.sessionsAPI.getSession(sessionId),
    problems: ['sessionId: must not be "." or ".."'],
  })),
  {
    what: 'cancelSession(".."), which would otherwise reach another endpoint',
    build: (c) => c.sessionsAPI.cancelSession('..'),
    problems: ['sessionId: must not be "." or ".."'],
  },
  {
    what: 'identityLookup(".."), a dot segment',
    build: (c) => c.networkAPI.identityLookup('..'),
    problems: ['phoneNumber: must not be "." or ".."'],
  },
  {
    what: 'getSession with an unpaired surrogate, which cannot be percent-encoded',
    build: (c) => c.sessionsAPI.getSession('ses_\uD800'),
    problems: ['sessionId: contains an unpaired UTF-16 surrogate'],
  },
];

const BODY_CASES: RefusalCase[] = [
  {
    what: 'exchangeResultsKey without its request body',
    build: (c) => c.sessionsAPI.exchangeResultsKey('ses_1'),
    problems: ['exchangeResultsKeyRequest: is required'],
  },
  {
    what: 'exchangeResultsKey with a body missing resultsAccessKey',
    build: (c) =>
      c.sessionsAPI
        .exchangeResultsKey('ses_1')
        .exchangeResultsKeyRequest(untyped<ExchangeResultsKeyRequest>({})),
    problems: ['exchangeResultsKeyRequest.resultsAccessKey: is required'],
  },
  {
    what: 'exchangeResultsKey with a misspelt property',
    build: (c) =>
      c.sessionsAPI
        .exchangeResultsKey('ses_1')
        .exchangeResultsKeyRequest(
          untyped<ExchangeResultsKeyRequest>({ resultsAccessKey: 'k', resultAccessKey: 'k' }),
        ),
    problems: [
      'exchangeResultsKeyRequest.resultAccessKey: is not a property of ExchangeResultsKeyRequest (misspelt?)',
    ],
  },
  {
    what: 'exchangeAttachmentAccessKey without its request body',
    build: (c) => c.attachmentsAPI.exchangeAttachmentAccessKey(),
    problems: ['exchangeAttachmentAccessKeyRequest: is required'],
  },
  {
    what: 'exchangeAttachmentAccessKey with an empty attachmentAccessKey',
    build: (c) =>
      c.attachmentsAPI
        .exchangeAttachmentAccessKey()
        .exchangeAttachmentAccessKeyRequest({ attachmentAccessKey: '' }),
    problems: [
      'exchangeAttachmentAccessKeyRequest.attachmentAccessKey: must have at least 1 character(s)',
    ],
  },
  {
    what: 'exchangeAttachmentAccessKey with a misspelt property',
    build: (c) =>
      c.attachmentsAPI
        .exchangeAttachmentAccessKey()
        .exchangeAttachmentAccessKeyRequest(
          untyped<ExchangeAttachmentAccessKeyRequest>({ attachmentAccessKey: 'k', key: 'k' }),
        ),
    problems: [
      'exchangeAttachmentAccessKeyRequest.key: is not a property of ExchangeAttachmentAccessKeyRequest (misspelt?)',
    ],
  },
  {
    what: 'createSession launching directly without a redirectUrl',
    build: (c) =>
      c.sessionsAPI
        .createSession()
        .createSessionRequest({ launchMethodDirectly: true, providers: ['yoti'] }),
    problems: ['createSessionRequest.redirectUrl: is required when launchMethodDirectly is true'],
  },
  {
    what: 'createSession launching directly with an empty redirectUrl',
    build: (c) =>
      c.sessionsAPI
        .createSession()
        .createSessionRequest({ launchMethodDirectly: true, redirectUrl: '', providers: ['yoti'] }),
    problems: ['createSessionRequest.redirectUrl: is required when launchMethodDirectly is true'],
  },
  {
    what: 'createSession launching directly with two providers',
    build: (c) =>
      c.sessionsAPI.createSession().createSessionRequest({
        launchMethodDirectly: true,
        redirectUrl: 'https://rp.test/done',
        providers: ['yoti', 'clear'],
      }),
    problems: [
      'createSessionRequest.providers: must have exactly one entry when launchMethodDirectly is true',
    ],
  },
  {
    what: 'createSession launching directly with neither redirectUrl nor provider',
    build: (c) =>
      c.sessionsAPI.createSession().createSessionRequest({ launchMethodDirectly: true }),
    problems: [
      'createSessionRequest.redirectUrl: is required when launchMethodDirectly is true',
      'createSessionRequest.providers: must have exactly one entry when launchMethodDirectly is true',
    ],
  },
  {
    what: 'createSession with a misspelt top-level property',
    build: (c) => {
      // A variable, not a literal: TypeScript checks excess properties on literals only.
      const body = { providers: ['yoti'], redirectUri: 'https://rp.test/done' };
      return c.sessionsAPI.createSession().createSessionRequest(body);
    },
    problems: [
      'createSessionRequest.redirectUri: is not a property of CreateSessionRequest (misspelt?)',
    ],
  },
  {
    what: 'createSession with a misspelt nested property',
    build: (c) =>
      c.sessionsAPI
        .createSession()
        .createSessionRequest(
          untyped<CreateSessionRequest>({ disclosedFields: { givenname: true } }),
        ),
    problems: [
      'createSessionRequest.disclosedFields.givenname: is not a property of DisclosedFieldsRequest (misspelt?)',
    ],
  },
  {
    what: 'createSession with providers as a string',
    build: (c) =>
      c.sessionsAPI
        .createSession()
        .createSessionRequest(untyped<CreateSessionRequest>({ providers: 'yoti' })),
    problems: ['createSessionRequest.providers: expected Array<string>'],
  },
  {
    what: 'createSession with a number among the providers',
    build: (c) =>
      c.sessionsAPI
        .createSession()
        .createSessionRequest(untyped<CreateSessionRequest>({ providers: ['yoti', 7] })),
    problems: ['createSessionRequest.providers.1: expected string, got 7'],
  },
  {
    what: 'createSession with a body that is not an object',
    build: (c) =>
      c.sessionsAPI.createSession().createSessionRequest(untyped<CreateSessionRequest>(null)),
    problems: ['createSessionRequest: expected CreateSessionRequest (an object), got null'],
  },
];

const OPTION_CASES: RefusalCase[] = [
  {
    what: 'a zero timeout',
    build: (c) => c.networkAPI.listProviders().timeout(0),
    problems: ['timeout: must be a positive number of milliseconds'],
  },
  {
    what: 'a NaN timeout',
    build: (c) => c.networkAPI.listProviders().timeout(Number.NaN),
    problems: ['timeout: must be a positive number of milliseconds'],
  },
  {
    what: 'negative retries',
    build: (c) => c.networkAPI.listProviders().maxRetries(-1),
    problems: ['maxRetries: must be a whole number ≥ 0'],
  },
  {
    what: 'fractional retries',
    build: (c) => c.networkAPI.listProviders().maxRetries(1.5),
    problems: ['maxRetries: must be a whole number ≥ 0'],
  },
  {
    what: 'a header value with CR LF (header injection)',
    build: (c) => c.networkAPI.listProviders().headers({ 'X-Trace': '1\r\nX-Evil: 1' }),
    problems: ['headers: the value of x-trace contains CR or LF, or is not a string'],
  },
  {
    what: 'a header name that is not a token',
    build: (c) => c.networkAPI.listProviders().headers({ 'X Trace': '1' }),
    problems: ['headers: "x trace" is not a valid header name'],
  },
  {
    what: 'an empty access token',
    build: (c) => c.networkAPI.listProviders().accessToken(''),
    problems: ['accessToken: must be a non-empty string'],
  },
  {
    what: 'a token provider that resolves to something other than a string',
    build: (c) => c.networkAPI.listProviders().accessToken(() => untyped<string>(undefined)),
    problems: ['accessToken: must be a non-empty string'],
  },
  {
    what: 'a token provider that throws',
    build: (c) =>
      c.networkAPI.listProviders().accessToken(() => {
        throw new RangeError('vault sealed');
      }),
    problems: ['accessToken: the token provider failed (RangeError)'],
  },
  {
    what: 'a token provider that rejects',
    build: (c) =>
      c.networkAPI.listProviders().accessToken(() => Promise.reject(new Error('vault sealed'))),
    problems: ['accessToken: the token provider failed (Error)'],
  },
];

describe.each([
  ['listSessions parameters', LIST_SESSIONS_CASES],
  ['path parameters', PATH_PARAMETER_CASES],
  ['request bodies', BODY_CASES],
  ['per-request options', OPTION_CASES],
])('%s', (_group, cases) => {
  test.each(cases)('$what: InvalidRequest, nothing sent', async ({ build, problems }) => {
    const error = await expectRefused(build(client));

    expect(error.problems).toStrictEqual(problems);
  });
});

describe('refusals', () => {
  test('name the operation in the message', async () => {
    const error = await expectRefused(client.sessionsAPI.getSession(''));

    expect(error.message).toBe(
      'SessionsAPI.GetSession: invalid request, nothing was sent: sessionId: must not be empty',
    );
  });

  test('happen before the token provider is asked for a token', async () => {
    let calls = 0;
    const provider = () => {
      calls += 1;
      return TOKEN;
    };

    await expectRefused(client.sessionsAPI.listSessions().pageSize(0).accessToken(provider));

    expect(calls).toBe(0);
  });

  test('do not quote a secret body value', async () => {
    const secret = 'rk_SECRET_wrong_type';
    const error = await expectRefused(
      client.sessionsAPI
        .exchangeResultsKey('ses_1')
        .exchangeResultsKeyRequest(
          untyped<ExchangeResultsKeyRequest>({ resultsAccessKey: [secret] }),
        ),
    );

    expect(error.problems).toStrictEqual([
      'exchangeResultsKeyRequest.resultsAccessKey: expected string, got an array',
    ]);
    expect(JSON.stringify(error)).not.toContain(secret);
  });
});

describe('Configuration', () => {
  test.each([
    [{ basePath: 'ftp://connect.test' }, 'basePath must use http or https'],
    [{ basePath: 'connect.test' }, 'basePath must be an absolute http(s) URL'],
    [{ basePath: 'https://user:pw@connect.test' }, 'basePath must carry no credentials'],
    [{ maxRetries: -1 }, 'maxRetries must be a whole number ≥ 0'],
    [{ timeoutMs: 0 }, 'timeoutMs must be a positive number'],
  ])('%j is refused at construction: %s', (parameters, problem) => {
    expect(() => new Configuration({ accessToken: TOKEN, ...parameters })).toThrow(problem);
  });

  test('a refused Configuration does not quote the token', () => {
    expect(() => new Configuration({ accessToken: TOKEN, basePath: TOKEN })).toThrow(TypeError);
    let message = '';
    try {
      new Configuration({ accessToken: TOKEN, basePath: `https://x:${TOKEN}@connect.test` });
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message).toContain('basePath must carry no credentials');
    expect(message).not.toContain(TOKEN);
  });
});
