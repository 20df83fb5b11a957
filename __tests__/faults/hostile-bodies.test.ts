import { jest } from '@jest/globals';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { MAX_DESCRIBED_PROBLEMS, MAX_JSON_DEPTH } from '../../lib/schema/decode.js';
import { clientFor } from '../support/client.js';
import { startLoopback, type Loopback } from '../support/loopback.js';
import { expectLeft, expectRight } from '../support/results.js';

// Answers inside the size cap that are built to make reading them expensive: nested millions of
// levels deep, or millions of failing items. Each is read in time and memory bounded by its size,
// and ends as a DecodeError that says why. And an empty body is empty, whatever its encoding.

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const serve = async (headers: Record<string, string>, body: Buffer | string, status = 200) => {
  server = await startLoopback((_request, response) => {
    response.writeHead(status, headers);
    response.end(body);
  });
  return server;
};

const JSON_TYPE = { 'content-type': 'application/json' };

/** 10 MiB of `[[[…]]]`: JSON.parse alone took a second and 300 MiB for it. */
const DEEP = `${'['.repeat(5 * 1024 * 1024)}${']'.repeat(5 * 1024 * 1024)}`;

/** The calls JSON.parse received with a text at least `bytes` long. */
const parsesOfAtLeast = (parse: { mock: { calls: unknown[][] } }, bytes: number): number =>
  parse.mock.calls.filter(([text]) => typeof text === 'string' && text.length >= bytes).length;

describe('an answer nested millions of levels deep', () => {
  const parse = jest.spyOn(JSON, 'parse');
  afterEach(() => {
    parse.mockClear();
  });
  afterAll(() => {
    parse.mockRestore();
  });

  test('is a DecodeError naming the nesting limit, and is never handed to JSON.parse', async () => {
    const { url, received } = await serve(JSON_TYPE, DEEP);
    const { client, close } = clientFor(url, { timeoutMs: 5_000 });

    const error = expectLeft(await client.sessionsAPI.getSession('s1').execute(), 'DecodeError');
    await close();

    expect(error.errors).toEqual([
      `(body): JSON nested deeper than ${MAX_JSON_DEPTH} levels, not parsed (${DEEP.length} bytes)`,
    ]);
    expect(error.attempts).toBe(1);
    expect(error.response.body.length).toBe(DEEP.length);
    expect(received).toHaveLength(1);
    expect(received[0]?.url).toBe('/api/v1/sessions/s1');
    expect(parsesOfAtLeast(parse, 1024 * 1024)).toBe(0);
  });

  test('with logBodies, the debug line does not parse it either', async () => {
    const { url } = await serve(JSON_TYPE, DEEP);
    const lines: string[] = [];
    const debug = (line: string) => lines.push(line);
    const { client, close } = clientFor(url, { debug, logBodies: true, timeoutMs: 5_000 });

    expectLeft(await client.sessionsAPI.getSession('s1').execute(), 'DecodeError');
    await close();

    expect(lines).toContain(
      `connect SessionsAPI.GetSession: response body (${DEEP.length} bytes, not JSON)`,
    );
    expect(parsesOfAtLeast(parse, 1024 * 1024)).toBe(0);
  });
});

test('a listing of 2 million failing items is described by its first problems and a count', async () => {
  const items = 2 * 1024 * 1024;
  const body = `{"sessions":[${'0,'.repeat(items - 1)}0],"total":1,"more":false}`;
  const { url, received } = await serve(JSON_TYPE, body);
  const { client, close } = clientFor(url, { timeoutMs: 5_000 });

  const error = expectLeft(await client.sessionsAPI.listSessions().execute(), 'DecodeError');
  await close();

  expect(error.errors).toHaveLength(MAX_DESCRIBED_PROBLEMS + 1);
  expect(error.errors[0]).toBe('sessions.0: expected Session (an object), got 0');
  expect(error.errors.at(-1)).toBe(
    `sessions: ${items - MAX_DESCRIBED_PROBLEMS} more items do not match Session`,
  );
  expect(error.attempts).toBe(1);
  expect(received).toHaveLength(1);
});

describe.each(['gzip', 'deflate', 'br'])(
  'an empty body labelled Content-Encoding: %s',
  (encoding) => {
    const headers = { ...JSON_TYPE, 'content-encoding': encoding, 'content-length': '0' };

    test('is an empty answer: redactSession succeeds at the first attempt', async () => {
      const { url, received } = await serve(headers, '');
      const { client, close } = clientFor(url);

      const answer = expectRight(await client.sessionsAPI.redactSession('s1').execute());
      await close();

      expect(answer.data).toBeUndefined();
      expect(answer.attempts).toBe(1);
      expect(answer.response.body).toHaveLength(0);
      expect(received.map((r) => `${r.method} ${r.url}`)).toEqual([
        'POST /api/v1/sessions/s1/redact',
      ]);
    });

    test('where JSON is due, it is a DecodeError about the body, not a NetworkError', async () => {
      const { url, received } = await serve(headers, '');
      const { client, close } = clientFor(url);

      const error = expectLeft(await client.sessionsAPI.getSession('s1').execute(), 'DecodeError');
      await close();

      expect(error.errors).toEqual(['(body): malformed JSON (0 bytes)']);
      expect(received).toHaveLength(1);
    });
  },
);

test.each([
  ['gzip', gzipSync],
  ['deflate', deflateSync],
  ['br', brotliCompressSync],
])('a %s body that inflates to nothing is empty too', async (encoding, compress) => {
  const { url } = await serve({ ...JSON_TYPE, 'content-encoding': encoding }, compress(''));
  const { client, close } = clientFor(url);

  const answer = expectRight(await client.sessionsAPI.redactSession('s1').execute());
  await close();

  expect(answer.attempts).toBe(1);
  expect(answer.response.body).toHaveLength(0);
});
