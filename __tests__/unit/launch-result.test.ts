import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import {
  LaunchFailure,
  LaunchResult,
  LaunchSuccess,
  parseLaunchResult,
  type InvalidRequest,
} from 'trinsic-connect-sdk';

// parseLaunchResult reads what a frontend gets back from a launch URL: a redirect's query (as a
// URL, URLSearchParams, or text) or the object @trinsic/web-ui resolved with. It sends nothing;
// it never quotes a value it read, the results access key least of all.

const KEY = 'rk_SECRET_results_key_0123456789abcdef';
const SESSION = '5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';

const problemsOf = (input: unknown): readonly string[] => {
  const parsed = parseLaunchResult(input);
  if (!isLeft(parsed)) throw new Error(`expected a Left, got ${JSON.stringify(parsed.right)}`);
  return parsed.left.problems;
};

const errorOf = (input: unknown): InvalidRequest => {
  const parsed = parseLaunchResult(input);
  if (!isLeft(parsed)) throw new Error('expected a Left');
  return parsed.left;
};

describe('a successful result', () => {
  const query = `success=true&sessionId=${SESSION}&resultsAccessKey=${KEY}`;
  const expected = { success: true, sessionId: SESSION, resultsAccessKey: KEY };

  test.each<[string, unknown]>([
    ['a URL', new URL(`https://rp.example/done?from=app&${query}#top`)],
    ['URLSearchParams', new URLSearchParams(query)],
    ['a query string with ?', `?${query}`],
    ['a query string without ?', query],
    ["node:http's req.url (a path and query)", `/done?${query}`],
    ['the object a frontend posts', { ...expected, msg: 'complete' }],
  ])('is read from %s', (_, input) => {
    expect(parseLaunchResult(input)).toEqual({ _tag: 'Right', right: expected });
  });

  test('percent-encoded values are decoded; other parameters (the redirect URL’s own) are ignored', () => {
    const parsed = parseLaunchResult(
      `?page=2&success=true&sessionId=a%20b&resultsAccessKey=rk_a%2Bb%3D&lang=en`,
    );
    expect(parsed).toEqual({
      _tag: 'Right',
      right: { success: true, sessionId: 'a b', resultsAccessKey: 'rk_a+b=' },
    });
  });

  test('the value is a LaunchSuccess by its codec, and nothing more is kept', () => {
    const parsed = parseLaunchResult({
      success: true,
      sessionId: SESSION,
      resultsAccessKey: KEY,
      msg: 'complete',
      extra: 1,
    });
    expect(isRight(parsed) && LaunchSuccess.is(parsed.right)).toBe(true);
    expect(isRight(parsed) && Object.keys(parsed.right).sort()).toEqual([
      'resultsAccessKey',
      'sessionId',
      'success',
    ]);
  });
});

describe('a failed or closed result', () => {
  test.each<[string, unknown, LaunchResult]>([
    [
      'a redirect query',
      `?success=false&sessionId=${SESSION}`,
      { success: false, sessionId: SESSION },
    ],
    [
      'the message of a failure',
      { success: false, msg: 'failed', sessionId: SESSION },
      { success: false, msg: 'failed', sessionId: SESSION },
    ],
    [
      'the message of a closed page',
      { success: false, msg: 'user-closed' },
      { success: false, msg: 'user-closed' },
    ],
  ])('is read from %s', (_, input, expected) => {
    const parsed = parseLaunchResult(input);
    expect(parsed).toEqual({ _tag: 'Right', right: expected });
    expect(isRight(parsed) && LaunchFailure.is(parsed.right)).toBe(true);
  });

  test('a key that came with a failure is not kept', () => {
    expect(parseLaunchResult(`success=false&sessionId=s&resultsAccessKey=${KEY}`)).toEqual({
      _tag: 'Right',
      right: { success: false, sessionId: 's' },
    });
  });
});

describe('malformed input is an InvalidRequest naming each problem', () => {
  test.each<[string, unknown, string[]]>([
    ['no success', `sessionId=${SESSION}`, ['success: is required: "true" or "false"']],
    ['an empty query', '', ['success: is required: "true" or "false"']],
    ['success neither true nor false', 'success=yes', ['success: must be "true" or "false"']],
    ['success in capitals', 'success=TRUE', ['success: must be "true" or "false"']],
    [
      'success=true without a key',
      `success=true&sessionId=${SESSION}`,
      ['resultsAccessKey: is required when success is true'],
    ],
    [
      'success=true with an empty key and no session',
      'success=true&resultsAccessKey=',
      [
        'sessionId: is required when success is true',
        'resultsAccessKey: is required when success is true',
      ],
    ],
    [
      'a parameter given twice',
      `success=true&sessionId=a&sessionId=b&resultsAccessKey=${KEY}`,
      ['sessionId: given 2 times; give it once'],
    ],
    ['an object without success', { sessionId: SESSION }, ['success: is required: true or false']],
    [
      'an object whose success is a string',
      { success: 'true', sessionId: SESSION, resultsAccessKey: KEY },
      ['success: must be a boolean, got a string'],
    ],
    [
      'an object whose fields are not strings',
      { success: true, sessionId: 42, resultsAccessKey: { key: KEY }, msg: null },
      [
        'sessionId: must be a string, got a number',
        'resultsAccessKey: must be a string, got an object',
        'msg: must be a string, got null',
      ],
    ],
  ])('%s', (_, input, problems) => {
    expect(problemsOf(input)).toEqual(problems);
  });

  test.each([
    [42, 'a number'],
    [null, 'null'],
    [undefined, 'undefined'],
    [[{ success: true }], 'an array'],
    [true, 'a boolean'],
  ])('an input that is none of the four kinds (%p)', (input, kind) => {
    const error = errorOf(input);
    expect(error).toEqual({
      _tag: 'InvalidRequest',
      message: `parseLaunchResult: invalid request, nothing was sent: input: expected a URL, URLSearchParams, a query string or the object the frontend posted, got ${kind}`,
      problems: [
        `input: expected a URL, URLSearchParams, a query string or the object the frontend posted, got ${kind}`,
      ],
      attempts: 0,
    });
  });

  test('no problem and no message quotes the access key, or any value read', () => {
    const inputs: unknown[] = [
      `success=${KEY}&sessionId=${KEY}`,
      `success=true&sessionId=${KEY}&sessionId=${KEY}&resultsAccessKey=${KEY}&resultsAccessKey=${KEY}`,
      { success: KEY, resultsAccessKey: KEY },
      { success: true, sessionId: [KEY], resultsAccessKey: [KEY] },
    ];
    for (const input of inputs) {
      const error = errorOf(input);
      expect(error.problems.length).toBeGreaterThan(0);
      expect(JSON.stringify(error)).not.toContain('SECRET');
    }
  });
});

test('LaunchResult is the union of the two codecs, for a frontend’s own checks', () => {
  expect(LaunchResult.is({ success: true, sessionId: 's', resultsAccessKey: 'k' })).toBe(true);
  expect(LaunchResult.is({ success: true, sessionId: 's' })).toBe(false);
  expect(LaunchResult.is({ success: true, sessionId: '', resultsAccessKey: 'k' })).toBe(false);
  expect(LaunchResult.is({ success: false })).toBe(true);
  expect(LaunchResult.is({ success: 'false' })).toBe(false);
});
