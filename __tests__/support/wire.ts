import nock from 'nock';
import { isDeepStrictEqual } from 'node:util';
import { BASE_URL, TOKEN } from './fixtures.js';
import type { OperationCase } from './operations.js';
import { useOneConnectionPerRequest } from './connections.js';

// nock plumbing: interceptors that match only the exact request an operation must send, a record
// of what was sent (for readable failures), answers held until a test lets them go, and a trap
// that proves nothing was sent.

/** One request as nock received it. */
export interface SeenRequest {
  readonly method: string;
  readonly url: URL;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const heldAnswers = new Set<() => void>();

/** The hooks every nock-based file needs: no real network, and nothing left over between tests. */
export const useNock = (): void => {
  useOneConnectionPerRequest();
  beforeAll(() => {
    nock.disableNetConnect();
  });
  afterEach(() => {
    for (const release of heldAnswers) release();
    heldAnswers.clear();
    nock.abortPendingRequests();
    nock.cleanAll();
    nock.disableNetConnect();
  });
  // Jest may run several files in one process, each with its own copy of nock; a copy left
  // active would answer the next file's requests ("Disallowed net connect"). Uninstall it.
  afterAll(() => {
    nock.restore();
  });
};

/** Records every request that reaches `scope`. */
export const record = (scope: nock.Scope): SeenRequest[] => {
  const seen: SeenRequest[] = [];
  scope.on('request', (request: Request, _interceptor: unknown, body: string) => {
    seen.push({
      method: request.method,
      url: new URL(request.url),
      headers: Object.fromEntries(request.headers),
      body,
    });
  });
  return seen;
};

export interface RequestExpectations {
  /** The bearer token that must be sent; `undefined` when no Authorization may be sent. */
  readonly token?: string | undefined;
  /** Further headers that must be sent, names lower-case. */
  readonly headers?: Readonly<Record<string, string>>;
}

const expectedToken = (expected: RequestExpectations): string | undefined =>
  'token' in expected ? expected.token : TOKEN;

/**
 * An interceptor that matches only the exact request `op` must send: method, path (escaping
 * included), exact query, the headers, no Content-Type without a body, and the JSON body.
 */
export const interceptOperation = (
  op: OperationCase,
  expected: RequestExpectations = {},
  basePath: string = BASE_URL,
): nock.Interceptor => {
  const token = expectedToken(expected);
  const reqheaders: Record<string, nock.RequestHeaderMatcher> = {
    accept: 'application/json',
    'user-agent': /^trinsic-connect-sdk\//,
    ...expected.headers,
  };
  const badheaders: string[] = [];
  if (token === undefined) badheaders.push('authorization');
  else reqheaders.authorization = `Bearer ${token}`;
  if (op.body === undefined) badheaders.push('content-type');
  else reqheaders['content-type'] = 'application/json';

  const scope = nock(basePath, { reqheaders, badheaders });
  // nock hands a JSON body over parsed, and anything else as its text.
  const bodyMatches = (body: unknown): boolean =>
    op.body === undefined ? body === '' : isDeepStrictEqual(body, op.body);
  const interceptor =
    op.method === 'GET' ? scope.get(op.path, bodyMatches) : scope.post(op.path, bodyMatches);
  return interceptor.query(op.query);
};

interface Mocked {
  readonly scope: nock.Scope;
  readonly seen: SeenRequest[];
}

/** `interceptOperation`, answered by `respond`, with what was sent recorded. */
export const mockOperation = (
  op: OperationCase,
  respond: (interceptor: nock.Interceptor) => nock.Scope,
  expected: RequestExpectations = {},
): Mocked => {
  const scope = respond(interceptOperation(op, expected));
  return { scope, seen: record(scope) };
};

/** Answers `op` with its own success answer. */
export const mockSuccess = (op: OperationCase, expected: RequestExpectations = {}): Mocked =>
  mockOperation(
    op,
    (interceptor) => interceptor.reply(op.success.status, op.success.body, op.success.headers),
    expected,
  );

/** Asserts, field by field, that `seen` is the exact request `op` must send. */
export const expectSentRequest = (
  seen: SeenRequest | undefined,
  op: OperationCase,
  expected: RequestExpectations = {},
): void => {
  const token = expectedToken(expected);
  expect(seen).toBeDefined();
  const request = seen!;
  expect(request.method).toBe(op.method);
  expect(request.url.pathname).toBe(op.path);
  expect(Object.fromEntries(request.url.searchParams)).toStrictEqual(op.query);
  expect(request.headers.accept).toBe('application/json');
  expect(request.headers['user-agent']).toMatch(/^trinsic-connect-sdk\/\d+\.\d+\.\d+/);
  expect(request.headers.authorization).toBe(token === undefined ? undefined : `Bearer ${token}`);
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    expect(request.headers[name]).toBe(value);
  }
  if (op.body === undefined) {
    expect(request.headers['content-type']).toBeUndefined();
    expect(request.body).toBe('');
  } else {
    expect(request.headers['content-type']).toBe('application/json');
    const sent: unknown = JSON.parse(request.body);
    expect(sent).toStrictEqual(op.body);
  }
};

/**
 * Interceptors for any GET or POST to `basePath`: a test that expects nothing to be sent checks
 * with `expectNothingSent` that they are still unused.
 */
export const trapAnyRequest = (basePath: string = BASE_URL): nock.Scope => {
  const scope = nock(basePath)
    .get(() => true)
    .reply(200, {})
    .post(() => true)
    .reply(200, {});
  return scope;
};

export const expectNothingSent = (trap: nock.Scope): void => {
  expect(trap.isDone()).toBe(false);
  expect(nock.pendingMocks()).toHaveLength(2);
};

/**
 * An answer that nock holds back (headers included) until the test ends or `release` is called.
 * nock's own `.delay()` sends the headers at once and delays only the body; aborting a request
 * in that state trips an assertion inside undici under nock's socket emulation.
 */
export const holdAnswer = (
  interceptor: nock.Interceptor,
  status: number,
  body: string,
): { readonly scope: nock.Scope; readonly release: () => void } => {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  heldAnswers.add(release);
  const scope = interceptor.reply(async () => {
    await released;
    return [status, body] as const;
  });
  return { scope, release };
};
