import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { pathSegment } from '../../lib/schema/scalars.js';
import { encodePathSegment } from '../../lib/http/path.js';
import { clientFor } from '../support/client.js';
import { closedPort, sendJson, startLoopback } from '../support/loopback.js';

// Whatever string a caller passes as a path parameter, it stays one path segment.

// Any UTF-16 string, lone surrogates included.
const anyString = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
});

test('an accepted value encodes to one segment that a URL parser keeps and decodes back', () => {
  fc.assert(
    fc.property(
      fc.oneof(anyString, fc.string({ unit: 'binary' }), fc.constantFrom('.', '..', '/', '?#')),
      (value) => {
        fc.pre(pathSegment.is(value));
        const segment = encodePathSegment(value);
        expect(segment).not.toMatch(/[/?#\s]/);
        const path = `/api/v1/sessions/${segment}/cancel`;
        const parsed = new URL(`http://127.0.0.1${path}`);
        expect(parsed.pathname).toBe(path);
        expect(parsed.pathname.split('/')).toHaveLength(6);
        expect(decodeURIComponent(segment)).toBe(value);
      },
    ),
    { numRuns: 2000 },
  );
});

test('the escaping is that of Go url.PathEscape', () => {
  expect(encodePathSegment('a b/../c?d#e')).toBe('a%20b%2F..%2Fc%3Fd%23e');
  expect(encodePathSegment('+1 555/0100')).toBe('+1%20555%2F0100');
  expect(encodePathSegment("$&+=:@!*'(),;")).toBe('$&+=:@%21%2A%27%28%29%2C%3B');
  for (const dots of ['.', '..']) expect(pathSegment.is(dots)).toBe(false);
  expect(encodePathSegment('%2e')).toBe('%252e');
});

test('a value that cannot be a segment is an InvalidRequest, never a throw', async () => {
  const { client, close } = clientFor(await closedPort());
  await fc.assert(
    fc.asyncProperty(anyString, async (value) => {
      fc.pre(!pathSegment.is(value));
      const result = await client.sessionsAPI.cancelSession(value).execute();
      expect(E.isLeft(result) && result.left._tag).toBe('InvalidRequest');
    }),
    { numRuns: 300 },
  );
  await close();
});

test('through the SDK to a real server, the path has exactly the segments of the template', async () => {
  const server = await startLoopback((_request, response) => {
    sendJson(response, 200, { identityInNetwork: false });
  });
  const { client, close } = clientFor(server.url, { maxRetries: 0 });
  await fc.assert(
    fc.asyncProperty(fc.oneof(anyString, fc.string({ unit: 'binary' })), async (value) => {
      fc.pre(pathSegment.is(value));
      const before = server.received.length;
      const result = await client.networkAPI.identityLookup(value).execute();
      expect(E.isRight(result)).toBe(true);
      const url = server.received[before]?.url ?? '';
      const segments = url.split('/');
      expect(segments).toHaveLength(6);
      expect(decodeURIComponent(segments[5] ?? '')).toBe(value);
    }),
    { numRuns: 150 },
  );
  await close();
  await server.close();
});
