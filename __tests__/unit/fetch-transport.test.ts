import { APIClient, Configuration } from '../../index.js';
import type { FetchFunction, FetchInit, FetchResponse } from '../../index.js';
import { BASE_URL, TOKEN } from '../support/fixtures.js';
import { createSession, getSession, listProviders } from '../support/operations.js';
import { expectLeft, expectRight } from '../support/results.js';
import { untyped } from '../support/untyped.js';
import { useNock } from '../support/wire.js';

// The fetch transport, through the `fetch` setting: what Bun, Workers and the Edge runtime use by
// default. A recording fetch stands in for the runtime's; nock stays on with no scope, so nothing
// may leave through undici. Same contract as the undici path: request as sent, whole body within
// the cap, timeout, abort, retries, errors scrubbed.

useNock();

interface Call {
  readonly url: string;
  readonly init: FetchInit;
}

/** A fetch that records each call and answers with the next of `answers`. */
const recordingFetch = (...answers: ((init: FetchInit) => Promise<FetchResponse>)[]) => {
  const calls: Call[] = [];
  const fetch: FetchFunction = (url, init) => {
    calls.push({ url, init });
    const answer = answers[calls.length - 1];
    if (answer === undefined) throw new Error(`unexpected call ${String(calls.length)}`);
    return answer(init);
  };
  return { calls, fetch };
};

const answer =
  (status: number, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  () =>
    Promise.resolve(new Response(body, { status, headers }));

/** Never answers; rejects as a real fetch does once its signal aborts. */
const hang = (init: FetchInit) =>
  new Promise<Response>((_resolve, reject) => {
    init.signal.addEventListener('abort', () => {
      reject(new DOMException('aborted', 'AbortError'));
    });
  });

const client = (fetch: FetchFunction, extra: Record<string, unknown> = {}) =>
  new APIClient(
    new Configuration({
      basePath: BASE_URL,
      accessToken: TOKEN,
      fetch,
      retryBaseDelayMs: 0,
      ...extra,
    }),
  );

test('a POST goes out through the given fetch as it would through undici', async () => {
  const { calls, fetch } = recordingFetch(
    answer(200, createSession.success.body, createSession.success.headers),
  );

  const result = expectRight(await createSession.build(client(fetch)).execute());

  expect(result.data).toEqual(createSession.success.data);
  expect(result.attempts).toBe(1);
  expect(calls).toHaveLength(1);
  const [call] = calls;
  expect(call?.url).toBe(`${BASE_URL}${createSession.path}`);
  expect(call?.init.method).toBe('POST');
  expect(call?.init.redirect).toBe('manual');
  expect(JSON.parse(call?.init.body ?? 'null')).toEqual(createSession.body);
  expect(call?.init.headers).toMatchObject({
    authorization: `Bearer ${TOKEN}`,
    'content-type': 'application/json',
    accept: 'application/json',
  });
  expect(call?.init.headers['user-agent']).toMatch(
    /^trinsic-connect-sdk\/\S+ \(typescript; node \d+\./,
  );
});

test('the fetch setting wins over a dispatcher', async () => {
  const { calls, fetch } = recordingFetch(
    answer(200, getSession.success.body, getSession.success.headers),
  );
  const dispatcher = {
    dispatch: () => {
      throw new Error('the dispatcher must not be used');
    },
  };

  const result = await getSession.build(client(fetch, { dispatcher })).execute();

  expect(expectRight(result).data).toEqual(getSession.success.data);
  expect(calls.map((call) => [call.init.method, call.url])).toEqual([
    ['GET', `${BASE_URL}${getSession.path}`],
  ]);
});

test('a Response without bytes() (an older runtime, a hand-made double) is read by arrayBuffer()', async () => {
  const body = new TextEncoder().encode(String(getSession.success.body));
  const read: string[] = [];
  const { calls, fetch } = recordingFetch(() =>
    Promise.resolve({
      status: 200,
      headers: new Headers({
        ...getSession.success.headers,
        'content-length': String(body.length),
      }),
      body: null,
      arrayBuffer: () => {
        read.push('arrayBuffer');
        return Promise.resolve(body.slice().buffer);
      },
    }),
  );

  const result = expectRight(await getSession.build(client(fetch)).execute());

  expect(result.data).toEqual(getSession.success.data);
  expect(result.response.status).toBe(200);
  expect(read).toEqual(['arrayBuffer']);
  expect(calls.map((call) => [call.init.method, call.url])).toEqual([
    ['GET', `${BASE_URL}${getSession.path}`],
  ]);
});

test('a 503 is retried after its Retry-After, as on the undici path', async () => {
  const { calls, fetch } = recordingFetch(
    answer(503, '{"message":"busy"}', { 'retry-after': '0', 'content-type': 'application/json' }),
    answer(200, listProviders.success.body, listProviders.success.headers),
  );

  const result = expectRight(await listProviders.build(client(fetch)).execute());

  expect(result.attempts).toBe(2);
  expect(result.data).toEqual(listProviders.success.data);
  expect(calls).toHaveLength(2);
});

test('no answer within timeoutMs: TimeoutError, and the fetch is aborted', async () => {
  const { calls, fetch } = recordingFetch(hang);

  const error = expectLeft(
    await listProviders.build(client(fetch, { timeoutMs: 50, maxRetries: 0 })).execute(),
    'TimeoutError',
  );

  expect(error.attempts).toBe(1);
  expect(calls[0]?.init.signal.aborted).toBe(true);
});

test("the caller's abort ends a pending fetch: AbortError, and the fetch is aborted", async () => {
  const { calls, fetch } = recordingFetch(hang);
  const controller = new AbortController();
  const pending = listProviders
    .build(client(fetch, { maxRetries: 0 }))
    .signal(controller.signal)
    .execute();
  while (calls.length === 0) await new Promise((resolve) => setImmediate(resolve));

  controller.abort();

  expect(expectLeft(await pending, 'AbortError').attempts).toBe(1);
  expect(calls[0]?.init.signal.aborted).toBe(true);
});

test('an answer over maxResponseBytes is refused, by its Content-Length or as it streams', async () => {
  let cancelled = false;
  const streamed = () => {
    const chunk = new TextEncoder().encode('x'.repeat(64));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    return Promise.resolve(new Response(body, { status: 200 }));
  };
  const declared = answer(200, 'y'.repeat(200), { 'content-length': '200' });
  const { fetch } = recordingFetch(declared, streamed);
  const small = client(fetch, { maxResponseBytes: 100, maxRetries: 0 });

  const byLength = expectLeft(await listProviders.build(small).execute(), 'NetworkError');
  const byStream = expectLeft(await listProviders.build(small).execute(), 'NetworkError');

  expect([byLength.code, byStream.code]).toEqual(['ResponseTooLarge', 'ResponseTooLarge']);
  expect(cancelled).toBe(true);
});

test("a rejected fetch is a NetworkError with the system's code, scrubbed of the token", async () => {
  const refused = () =>
    Promise.reject(
      new TypeError(`fetch failed for Bearer ${TOKEN}`, {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      }),
    );
  const { calls, fetch } = recordingFetch(refused, refused, refused);

  const error = expectLeft(await createSession.build(client(fetch)).execute(), 'NetworkError');

  expect(error.code).toBe('ECONNREFUSED');
  // Refused means the server saw nothing: even a POST is retried.
  expect(calls).toHaveLength(3);
  expect(JSON.stringify(error)).not.toContain(TOKEN);
});

test('a fetch setting that is no function is refused with a clear error', () => {
  expect(() => new Configuration({ fetch: untyped('fetch') })).toThrow(
    /fetch must be a fetch function \(url, init\) => Promise<Response>, got string/,
  );
});
