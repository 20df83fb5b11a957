import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import * as E from 'fp-ts/lib/Either.js';
import { clientFor } from '../support/client.js';
import { sessionWith } from '../support/fixtures.js';
import { startLoopback, type Loopback } from '../support/loopback.js';

// Answer bodies as real servers send them: cut short, too large, compressed, mislabelled.

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const answer = { session: sessionWith() };
const answerBytes = Buffer.from(JSON.stringify(answer));

const serve = async (status: number, headers: Record<string, string>, body: Buffer | string) => {
  server = await startLoopback((_request, response) => {
    response.writeHead(status, headers);
    response.end(body);
  });
  return server;
};

test('truncated JSON with a matching Content-Length is a DecodeError that keeps the bytes', async () => {
  const cut = answerBytes.subarray(0, 40);
  const { url } = await serve(200, { 'content-type': 'application/json' }, cut);
  const { client, close } = clientFor(url);
  const result = await client.sessionsAPI.getSession('s1').execute();
  await close();
  expect(E.isLeft(result) && result.left).toMatchObject({
    _tag: 'DecodeError',
    errors: ['(body): malformed JSON (40 bytes)'],
  });
  expect(
    E.isLeft(result) && result.left._tag === 'DecodeError' && result.left.response.body,
  ).toEqual(new Uint8Array(cut));
});

describe('the response size cap', () => {
  test('a declared Content-Length over the cap is refused before reading', async () => {
    const big = Buffer.alloc(2048, 0x20);
    const { url } = await serve(200, { 'content-type': 'application/json' }, big);
    const { client, close } = clientFor(url, { maxResponseBytes: 1024 });
    const result = await client.sessionsAPI.getSession('s1').execute();
    await close();
    expect(E.isLeft(result) && result.left).toMatchObject({
      _tag: 'NetworkError',
      code: 'ResponseTooLarge',
      attempts: 1,
    });
    expect(E.isLeft(result) && result.left.message).toContain('1024 bytes');
  });

  test('a chunked stream over the cap is cut off: the server does not get to send it all', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let written = 0;
    let finished = false;
    server = await startLoopback((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const pump = () => {
        // 256 MiB in all, far more than the client may hold; it must stop reading long before.
        while (written < 256 * 1024 * 1024 && !response.destroyed) {
          written += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        finished = !response.destroyed;
        response.end();
      };
      pump();
    });
    const { client, close } = clientFor(server.url, { maxResponseBytes: 1024 * 1024 });
    const result = await client.sessionsAPI.getSession('s1').execute();
    await close();
    expect(E.isLeft(result) && result.left).toMatchObject({ code: 'ResponseTooLarge' });
    expect(finished).toBe(false);
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  test('a compressed body that inflates past the cap is refused too', async () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
    const { url } = await serve(
      200,
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      bomb,
    );
    const { client, close } = clientFor(url, { maxResponseBytes: 1024 * 1024 });
    const result = await client.sessionsAPI.getSession('s1').execute();
    await close();
    expect(E.isLeft(result) && result.left).toMatchObject({ code: 'ResponseTooLarge' });
  });
});

test.each([
  ['gzip', gzipSync],
  ['deflate', deflateSync],
  ['br', brotliCompressSync],
])('%s-encoded JSON is decoded', async (encoding, compress) => {
  const { url } = await serve(
    200,
    { 'content-type': 'application/json', 'content-encoding': encoding },
    compress(answerBytes),
  );
  const { client, close } = clientFor(url);
  const result = await client.sessionsAPI.getSession('s1').execute();
  await close();
  expect(E.isRight(result) && result.right.data).toEqual(answer);
  expect(E.isRight(result) && Buffer.from(result.right.response.body).equals(answerBytes)).toBe(
    true,
  );
});

test('a body that is not what its Content-Encoding says is a NetworkError, not a crash', async () => {
  const { url } = await serve(
    200,
    { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    answerBytes,
  );
  const { client, close } = clientFor(url, { maxRetries: 0 });
  const result = await client.sessionsAPI.getSession('s1').execute();
  await close();
  expect(E.isLeft(result) && result.left._tag).toBe('NetworkError');
});

describe('content types', () => {
  test.each([
    'application/json',
    'application/json; charset=utf-8',
    'application/problem+json',
    'application/vnd.trinsic.v1+json; charset=UTF-8',
    'text/json',
    'text/plain; charset=utf-8',
  ])('%s is read as JSON', async (contentType) => {
    const { url } = await serve(200, { 'content-type': contentType }, answerBytes);
    const { client, close } = clientFor(url);
    const result = await client.sessionsAPI.getSession('s1').execute();
    await close();
    expect(E.isRight(result) && result.right.data).toEqual(answer);
  });

  test.each(['text/html; charset=utf-8', 'application/xml', 'application/jsonp'])(
    'a 2xx %s answer is a DecodeError naming the type',
    async (contentType) => {
      const { url } = await serve(200, { 'content-type': contentType }, '<html>hi</html>');
      const { client, close } = clientFor(url);
      const result = await client.sessionsAPI.getSession('s1').execute();
      await close();
      expect(E.isLeft(result) && result.left).toMatchObject({ _tag: 'DecodeError' });
      expect(E.isLeft(result) && result.left.message).toContain(contentType);
    },
  );
});
