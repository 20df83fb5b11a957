import { jest } from '@jest/globals';
import fc from 'fast-check';
import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { GetSessionResponse, ListSessionsResponse } from '../../index.js';
import type { HttpResponse } from '../../lib/http/response.js';
import {
  MAX_DESCRIBED_PROBLEMS,
  MAX_JSON_DEPTH,
  decodeJson,
  decodeValue,
  parseJson,
} from '../../lib/schema/decode.js';
import { describeErrors } from '../../lib/schema/report.js';
import * as models from '../../models/index.js';
import { arbitraryOf } from '../support/arbitraries.js';
import { listSessionsResponse, session } from '../support/fixtures.js';

// The work of reading an answer is bounded by the answer's size, whatever its shape: a body nested
// deeper than the limit is refused before JSON.parse sees it, and an answer with millions of
// failures is described by its first problems and a count, never by a line per failure.

const jsonResponse = (text: string): HttpResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(text, 'utf8'),
});

/** `[[[…]]]` nested `depth` levels, padded with spaces inside the innermost array to `bytes`. */
const nested = (depth: number, bytes = 0): string =>
  `${'['.repeat(depth)}${' '.repeat(Math.max(0, bytes - 2 * depth))}${']'.repeat(depth)}`;

/** Problem lines, or a failure naming what came back instead. */
const problemsOf = (result: E.Either<readonly string[], unknown>): readonly string[] => {
  if (E.isRight(result)) throw new Error('expected problems, got a decoded value');
  return result.left;
};

describe('nesting depth', () => {
  const parse = jest.spyOn(JSON, 'parse');
  afterEach(() => {
    parse.mockClear();
  });
  afterAll(() => {
    parse.mockRestore();
  });

  test('an answer nested deeper than the limit is refused before JSON.parse sees it', () => {
    const body = nested(5_000_000);

    const problems = problemsOf(parseJson(jsonResponse(body)));

    expect(problems).toEqual([
      `(body): JSON nested deeper than ${MAX_JSON_DEPTH} levels, not parsed (${body.length} bytes)`,
    ]);
    expect(parse).not.toHaveBeenCalled();
  });

  test('nesting deep enough to refuse, inside an object that starts well', () => {
    const body = `{"session":{"id":"s","x":${nested(MAX_JSON_DEPTH)}}}`.padEnd(100_000, ' ');

    const problems = problemsOf(decodeJson(GetSessionResponse, jsonResponse(body), false));

    expect(problems[0]).toContain(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    expect(parse).not.toHaveBeenCalled();
  });

  test('the limit itself is allowed, and brackets inside strings do not count', () => {
    const inString = JSON.stringify({ note: '['.repeat(10_000), sessions: [] });
    const body = `[${inString},${nested(MAX_JSON_DEPTH - 1, 100_000)}]`;

    const parsed = parseJson(jsonResponse(body));

    expect(E.isRight(parsed)).toBe(true);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  test('escaped quotes inside strings do not end them', () => {
    const tricky = JSON.stringify({ note: `\\"${'['.repeat(MAX_JSON_DEPTH + 10)}` });
    const body = `[${tricky}, ${nested(MAX_JSON_DEPTH - 1, 70_000)}]`;

    expect(E.isRight(parseJson(jsonResponse(body)))).toBe(true);
  });
});

describe('failures are described, not enumerated', () => {
  test('a list of a million failing items: the first problems, then one line counting the rest', () => {
    const million = Array.from({ length: 1_000_000 }, () => 0);

    const problems = problemsOf(
      decodeValue(ListSessionsResponse, { sessions: million, total: 1, more: false }, false),
    );

    expect(problems.length).toBeLessThanOrEqual(MAX_DESCRIBED_PROBLEMS + 1);
    expect(problems[0]).toBe('sessions.0: expected Session (an object), got 0');
    expect(problems.at(-1)).toBe(
      `sessions: ${1_000_000 - MAX_DESCRIBED_PROBLEMS} more items do not match Session`,
    );
  });

  test('valid items between failing ones are neither described nor counted', () => {
    const sessions = [session, { ...session, state: 'Bogus' }, session, 7, session];

    const problems = problemsOf(
      decodeValue(ListSessionsResponse, { sessions, total: 5, more: false }, false),
    );

    expect(problems).toEqual([
      expect.stringMatching(/^sessions\.1\.state: expected one of .*, got "Bogus"$/),
      'sessions.3: expected Session (an object), got 7',
    ]);
  });

  test('a few failures are described exactly as io-ts describes them', () => {
    const answer = { ...listSessionsResponse, total: 1.5, more: 'no' };

    const problems = problemsOf(decodeValue(ListSessionsResponse, answer, false));

    expect(problems).toEqual([
      'total: expected an int32 integer, got 1.5',
      'more: expected boolean',
    ]);
  });

  test('strict mode counts unknown properties past the first ones', () => {
    const extra = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]));

    const problems = problemsOf(
      decodeValue(ListSessionsResponse, { ...listSessionsResponse, ...extra }, true),
    );

    expect(problems).toHaveLength(MAX_DESCRIBED_PROBLEMS + 1);
    expect(problems[0]).toBe('k0: not a property of ListSessionsResponse (strict mode)');
    expect(problems.at(-1)).toBe(
      `${5_000 - MAX_DESCRIBED_PROBLEMS} more properties the spec does not name (strict mode)`,
    );
  });

  test('a valid answer with unknown properties still decodes, without them', () => {
    const answer = { ...listSessionsResponse, sessions: [{ ...session, extra: 1 }], added: true };

    const decoded = decodeValue(ListSessionsResponse, answer, false);

    expect(decoded).toEqual(E.right({ ...listSessionsResponse, sessions: [session] }));
  });
});

// A valid value with one place, found by walking down `steps`, replaced by `replacement` (or, for
// `undefined`, removed): near-misses of every kind, at every depth.
const corrupt = (value: unknown, steps: readonly number[], replacement: unknown): unknown => {
  const [step, ...rest] = steps;
  if (step === undefined || typeof value !== 'object' || value === null) return replacement;
  if (Array.isArray(value)) {
    if (value.length === 0) return [replacement];
    const i = step % value.length;
    return value.map((item: unknown, j) => (j === i ? corrupt(item, rest, replacement) : item));
  }
  const keys = Object.keys(value);
  const key = keys[step % Math.max(1, keys.length)] ?? 'added';
  const inner: unknown = Reflect.get(value, key);
  return { ...value, [key]: corrupt(inner, rest, replacement) };
};

const codecs = Object.values<unknown>(models).filter((value) => value instanceof t.Type);

test.each(codecs.map((codec) => [codec.name, codec] as const))(
  "%s: below the limit, the problems are io-ts's own, line for line",
  (_name, codec) => {
    const nearMiss = fc
      .tuple(
        arbitraryOf(codec),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.oneof(fc.jsonValue(), fc.constant(undefined)),
      )
      .map(([valid, steps, replacement]) => corrupt(valid, steps, replacement));
    fc.assert(
      fc.property(fc.oneof(nearMiss, fc.jsonValue()), (value) => {
        const decoded = codec.decode(value);
        const result = decodeValue(codec, value, false);
        if (E.isRight(decoded)) {
          expect(E.isRight(result)).toBe(true);
          return;
        }
        const expected = describeErrors(decoded.left);
        if (expected.length <= MAX_DESCRIBED_PROBLEMS) expect(result).toEqual(E.left(expected));
        else expect(problemsOf(result).length).toBeLessThanOrEqual(MAX_DESCRIBED_PROBLEMS + 1);
      }),
      { numRuns: 300 },
    );
  },
);
