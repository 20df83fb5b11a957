import { useHarness } from '../support/harness.js';
import { closedPort } from '../support/loopback.js';
import { cleanEnv, runTsx } from '../support/processes.js';

// examples/opentelemetry.ts run as a user runs it, against the sandbox and against a port where
// nothing listens: the spans its ConsoleSpanExporter prints (Node's `console.dir` of each span)
// are read back and checked: one per call under the application's own span, an `attempt` event
// per attempt, operation, status, attempts and error tag as attributes, and nothing secret.

const h = useHarness({ resetEach: false });

interface PrintedSpan {
  readonly name: string;
  readonly id: string;
  readonly traceId: string;
  /** The parent's span id, or undefined for a root span. */
  readonly parentId: string | undefined;
  readonly kind: number;
  readonly attributes: Readonly<Record<string, string | number>>;
  readonly status: { readonly code: number; readonly message?: string };
  /** Each `attempt` event's attributes. */
  readonly attempts: readonly Readonly<Record<string, string | number>>[];
  /** The span as printed. */
  readonly text: string;
}

/** The text of `block` from the top-level key `from` to the next top-level key. */
const section = (block: string, from: string): string =>
  new RegExp(`^ {2}${from}: ([\\s\\S]*?)(?=^ {2}\\w+: |^\\}$)`, 'm').exec(block)?.[1] ?? '';

/** The `'key': value` pairs of an inspected object (keys with dots are always quoted). */
const pairs = (text: string): Record<string, string | number> =>
  Object.fromEntries(
    [...text.matchAll(/'([\w.]+)': ('[^']*'|-?[\d.e+]+)/g)].map(([, key = '', value = '']) => [
      key,
      value.startsWith("'") ? value.slice(1, -1) : Number(value),
    ]),
  );

/** Every span in the example's output, in the order they ended. */
const printedSpans = (stdout: string): PrintedSpan[] =>
  (stdout.match(/^\{\n[\s\S]*?^\}$/gm) ?? []).map((text) => {
    const status = section(text, 'status');
    return {
      name: /^ {2}name: '([^']*)'/m.exec(text)?.[1] ?? '',
      id: /^ {2}id: '(\w+)'/m.exec(text)?.[1] ?? '',
      traceId: /^ {2}traceId: '(\w+)'/m.exec(text)?.[1] ?? '',
      parentId: /spanId: '(\w+)'/.exec(section(text, 'parentSpanContext'))?.[1],
      kind: Number(/^ {2}kind: (\d+)/m.exec(text)?.[1]),
      attributes: pairs(section(text, 'attributes')),
      status: {
        code: Number(/code: (\d)/.exec(status)?.[1]),
        ...(/message: '([^']*)'/.exec(status)
          ? { message: /message: '([^']*)'/.exec(status)?.[1] }
          : {}),
      },
      attempts: section(text, 'events')
        .split(/name: 'attempt'/)
        .slice(1)
        .map(pairs),
      text,
    };
  });

const runExample = (baseUrl: string) =>
  runTsx(
    'examples/opentelemetry.ts',
    cleanEnv({ TRINSIC_BASE_URL: baseUrl, TRINSIC_API_KEY: h.sandbox.apiKey }),
    [],
    60_000,
  );

const SDK_CALLS = [
  'NetworkAPI.ListProviders',
  'SessionsAPI.CreateSession',
  'SessionsAPI.GetSession',
  'SessionsAPI.GetSession',
];

test('against the sandbox: a span per call under the caller span, attempts as events', async () => {
  const { code, stdout, stderr } = await runExample(h.sandbox.url);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  const spans = printedSpans(stdout);
  expect(spans.map(({ name }) => name)).toEqual([...SDK_CALLS, 'verify-visitor']);

  const visit = spans.at(-1)!;
  expect(visit.parentId).toBeUndefined();
  const calls = spans.slice(0, -1);
  for (const span of calls) {
    expect(span.traceId).toBe(visit.traceId);
    expect(span.parentId).toBe(visit.id);
    expect(span.kind).toBe(2); // SpanKind.CLIENT
    expect(span.attributes['trinsic.operation']).toBe(span.name);
    expect(span.attributes['trinsic.attempts']).toBe(1);
    expect(span.attempts).toHaveLength(1);
    expect(span.attempts[0]).toMatchObject({ 'trinsic.attempt': 1, 'trinsic.max_attempts': 3 });
  }
  expect(calls.map(({ attributes }) => attributes)).toEqual([
    expect.objectContaining({
      'http.request.method': 'GET',
      'url.template': '/api/v1/network/providers',
      'http.response.status_code': 200,
    }),
    expect.objectContaining({
      'http.request.method': 'POST',
      'url.template': '/api/v1/sessions',
      'http.response.status_code': 200,
    }),
    expect.objectContaining({
      'url.template': '/api/v1/sessions/{sessionId}',
      'http.response.status_code': 200,
    }),
    expect.objectContaining({
      'url.template': '/api/v1/sessions/{sessionId}',
      'http.response.status_code': 404,
      'error.type': 'HttpError',
    }),
  ]);
  expect(calls.map(({ status }) => status)).toEqual([
    { code: 1 },
    { code: 1 },
    { code: 1 },
    { code: 2, message: 'HttpError 404' },
  ]);
  expect(calls.map(({ attempts }) => attempts[0]?.['http.response.status_code'])).toEqual([
    200, 200, 200, 404,
  ]);

  // Nothing secret or personal in a span: no key, no expanded path (a Session id, or what a
  // caller put in a path), no launch URL or its token, no base URL.
  const sessionId = /^Response from `SessionsAPI\.GetSession`: (\S+): /m.exec(stdout)?.[1];
  expect(sessionId).toMatch(/\w/);
  const printed = spans.map(({ text }) => text).join('\n');
  for (const value of [h.sandbox.apiKey, sessionId!, 'no-such-session', h.sandbox.url]) {
    expect(printed).not.toContain(value);
  }
  expect(printed).not.toMatch(/\b(rk|ak|sk)_\w+|launch|token|Bearer/i);
}, 60_000);

test('where nothing listens: each call an error span, one event per attempt', async () => {
  const { code, stdout, stderr } = await runExample(await closedPort());
  // GetSession of the Session that could not be created is printed as the failure it is.
  expect(code).toBe(1);
  expect(stderr).toMatch(/^Error when calling `SessionsAPI\.GetSession`: .*ECONNREFUSED/m);
  const spans = printedSpans(stdout);
  expect(spans.map(({ name }) => name)).toEqual([...SDK_CALLS, 'verify-visitor']);
  for (const span of spans.slice(0, -1)) {
    expect(span.parentId).toBe(spans.at(-1)?.id);
    expect(span.status).toEqual({ code: 2, message: 'NetworkError ECONNREFUSED' });
    expect(span.attributes).toMatchObject({
      'error.type': 'NetworkError',
      'trinsic.error.code': 'ECONNREFUSED',
    });
    const attempts = span.attributes['trinsic.attempts'];
    expect(span.attempts.map((event) => event['trinsic.attempt'])).toEqual(
      Array.from({ length: Number(attempts) }, (_, i) => i + 1),
    );
    // Every attempt but the last says how long until the next.
    expect(span.attempts.map((event) => 'trinsic.retry_delay_ms' in event)).toEqual(
      span.attempts.map((_, i) => i < span.attempts.length - 1),
    );
    expect(
      span.attempts.every((event) => event['trinsic.attempt.failure'] === 'ECONNREFUSED'),
    ).toBe(true);
  }
  expect(spans.some(({ attempts }) => attempts.length > 1)).toBe(true);
  expect(spans.map(({ text }) => text).join('\n')).not.toContain(h.sandbox.apiKey);
}, 60_000);
