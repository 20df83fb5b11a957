import fc from 'fast-check';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { exchangeRaw } from '../support/rawHttp.js';

// Whatever arrives, the sandbox answers it, never with a 500, and keeps serving (issue 12, break
// 1). Requests go over a bare socket so that targets, methods and headers reach it as written,
// including those no client library would send; Node's own parser answers what it rejects.

const API_KEY = 'sk_fuzz_key';

let sandbox: Sandbox;
const errors: unknown[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    apiKey: API_KEY,
    onError: (error) => {
      errors.push(error);
    },
  });
});
afterAll(() => sandbox.stop());

const PATHS = [
  '/api/v1/sessions',
  '/api/v1/sessions/{id}',
  '/api/v1/sessions/{id}/cancel',
  '/api/v1/sessions/{id}/redact',
  '/api/v1/sessions/{id}/results/exchange',
  '/api/v1/attachments/exchange',
  '/api/v1/network/providers',
  '/api/v1/network/identities/{id}',
  '/sandbox/sessions/{id}/complete',
  '/sandbox/reset',
  '/sandbox/launch',
  '/sandbox/launch/complete',
];

// Characters that trouble URL parsers, percent-decoding and routers.
const TRICKY = [
  '/',
  '[',
  ']',
  ':',
  '@',
  '%',
  '?',
  '#',
  '&',
  '=',
  '.',
  '\\',
  ' ',
  '\t',
  '"',
  '<',
  '>',
  '{',
  '}',
  '|',
  '^',
  '`',
  "'",
  '%00',
  '%zz',
  '%2F',
  '%5B',
  '..',
  '//',
  '\u00e9',
];

const trickyText = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 3 })), { maxLength: 8 })
  .map((parts) => parts.join(''));

// Latin-1 only: the request line and headers are written as bytes, one per character.
const latin1 = (text: string): string => text.replace(/[^\u0000-\u00ff]/g, '?');

const target = fc.oneof(
  fc
    .tuple(fc.constantFrom(...PATHS), trickyText, fc.option(trickyText))
    .map(([path, id, query]) => `${path.replace('{id}', id)}${query === null ? '' : `?${query}`}`),
  trickyText.map((text) => `/${text}`),
  trickyText.map((text) => `//${text}`),
  trickyText.map((text) => `http://${text}`),
  fc.constantFrom(
    '*',
    '//[',
    '//a:99999/',
    '//%00/',
    'http://[::1',
    '/sandbox/launch?clientToken=',
  ),
);

const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'BREW');

const authorization = fc.constantFrom(
  undefined,
  `Bearer ${API_KEY}`,
  'Bearer nope',
  'Basic abc',
  'Bearer',
  '',
);

const contentType = fc.constantFrom(
  undefined,
  'application/json',
  'text/json; charset=utf-8',
  'application/problem+json',
  'text/plain',
  'application/json; x="',
);

const body = fc.oneof(
  fc.constant(''),
  fc.json({ maxDepth: 3 }),
  fc.constantFrom('{', 'null', '[]', '{"outcome":"success"}', '{"clientToken":"ct_x"}'),
  fc.string({ maxLength: 64 }),
);

const extraHeader = fc.option(
  fc.tuple(
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/),
    fc.string({ maxLength: 20 }).map((value) => latin1(value).replace(/[\r\n]/g, '')),
  ),
);

interface FuzzRequest {
  readonly method: string;
  readonly target: string;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly body: string;
  readonly extra: [string, string] | null;
}

const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.record({
  method,
  target,
  authorization,
  contentType,
  body,
  extra: extraHeader,
});

const requestText = (parts: FuzzRequest): Buffer => {
  const bodyBytes = Buffer.from(parts.body, 'utf8');
  const lines = [
    `${parts.method} ${latin1(parts.target).replace(/[\r\n ]/g, '%20')} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Connection: close',
    ...(parts.authorization === undefined ? [] : [`Authorization: ${parts.authorization}`]),
    ...(parts.contentType === undefined ? [] : [`Content-Type: ${parts.contentType}`]),
    ...(parts.extra === null ? [] : [`${parts.extra[0]}: ${parts.extra[1]}`]),
    `Content-Length: ${bodyBytes.length}`,
  ];
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), bodyBytes]);
};

const PLAIN: FuzzRequest = {
  method: 'GET',
  target: '/api/v1/network/providers',
  authorization: undefined,
  contentType: undefined,
  body: '',
  extra: null,
};

test('no request makes the sandbox answer 500, fail to answer, or stop serving', async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(fuzzRequest, async (parts) => {
      const answer = await exchangeRaw(sandbox.port, requestText(parts));
      expect(answer.status).toBeDefined();
      expect(answer.status).not.toBe(500);
      statuses.set(answer.status ?? 0, (statuses.get(answer.status ?? 0) ?? 0) + 1);
    }),
    {
      numRuns: 300,
      // Always among the runs: a request that succeeds, one without its key, one to no route,
      // and the targets of issue 12; so the reach checked below never rests on chance.
      examples: [
        [{ ...PLAIN, authorization: `Bearer ${API_KEY}` }],
        [PLAIN],
        [{ ...PLAIN, target: '/api/v1/nowhere', authorization: `Bearer ${API_KEY}` }],
        [{ ...PLAIN, target: '//[' }],
        [{ ...PLAIN, target: 'http://[::1', method: 'POST', body: '{}' }],
      ],
    },
  );
  expect(errors).toEqual([]);
  // The runs reached the routes, not only the parser's refusals.
  expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 401, 404]));
  const after = await exchangeRaw(
    sandbox.port,
    `GET /api/v1/network/providers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${API_KEY}\r\nConnection: close\r\n\r\n`,
  );
  expect(after.status).toBe(200);
}, 60_000);
