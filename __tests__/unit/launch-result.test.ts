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

// As a JavaScript caller may call it (a method's parameters are checked both ways).
const untyped: { parse(input: unknown, options: unknown): unknown } = { parse: parseLaunchResult };

describe('bound to the Session created for this visitor ({ sessionId })', () => {
  const OTHER = '00000000-0000-4000-8000-000000000000';
  const success = { success: true, sessionId: SESSION, resultsAccessKey: KEY };
  const otherSession =
    'sessionId: the result is for another Session than the one created for this visitor; ' +
    'exchange only the Session you created for them';

  test.each<[string, unknown]>([
    ['a redirect query', `?success=true&sessionId=${SESSION}&resultsAccessKey=${KEY}`],
    ['the object a frontend posts', { ...success, msg: 'complete' }],
  ])('the visitor’s own result is read from %s', (_, input) => {
    expect(parseLaunchResult(input, { sessionId: SESSION })).toEqual({
      _tag: 'Right',
      right: success,
    });
  });

  test.each<[string, unknown]>([
    ['a success for another Session', { ...success, sessionId: OTHER }],
    [
      'a redirect query for another Session',
      `success=true&sessionId=${OTHER}&resultsAccessKey=${KEY}`,
    ],
    ['a failure for another Session', { success: false, msg: 'failed', sessionId: OTHER }],
  ])('%s is an InvalidRequest naming sessionId, never the key', (_, input) => {
    const parsed = parseLaunchResult(input, { sessionId: SESSION });
    expect(parsed).toEqual({
      _tag: 'Left',
      left: {
        _tag: 'InvalidRequest',
        message: `parseLaunchResult: invalid request, nothing was sent: ${otherSession}`,
        problems: [otherSession],
        attempts: 0,
      },
    });
    expect(JSON.stringify(parsed)).not.toContain('SECRET');
    expect(JSON.stringify(parsed)).not.toContain(OTHER);
  });

  test('a failure that names no Session (the web UI’s modal closed) carries nothing to bind', () => {
    expect(
      parseLaunchResult({ success: false, msg: 'user-closed' }, { sessionId: SESSION }),
    ).toEqual({ _tag: 'Right', right: { success: false, msg: 'user-closed' } });
  });

  test.each<[string, unknown, string]>([
    [
      'an empty sessionId',
      { sessionId: '' },
      'options.sessionId: must be a non-empty string, got a string',
    ],
    ['no sessionId', {}, 'options.sessionId: must be a non-empty string, got undefined'],
    ['a number', { sessionId: 7 }, 'options.sessionId: must be a non-empty string, got a number'],
    ['options that are not an object', 'x', 'options: expected { sessionId }, got a string'],
  ])('options with %s are refused, whatever the input', (_, options, problem) => {
    expect(untyped.parse(success, options)).toMatchObject({
      _tag: 'Left',
      left: { problems: [problem] },
    });
  });
});

describe('total: hostile input gives an Either, never a throw', () => {
  const unreadable =
    'input: reading it threw; pass a URL, URLSearchParams, a query string or a plain object';
  const boom = (): never => {
    throw new Error(`boom ${KEY}`);
  };
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();

  test.each<[string, () => unknown]>([
    [
      'a throwing getter',
      () => Object.defineProperty({}, 'success', { get: boom, enumerable: true }),
    ],
    [
      'a throwing getter on sessionId',
      () => Object.defineProperty({ success: true }, 'sessionId', { get: boom }),
    ],
    ['a revoked Proxy', () => revoked.proxy],
    [
      'a Proxy whose every trap throws',
      () =>
        new Proxy(
          {},
          {
            get: boom,
            has: boom,
            getOwnPropertyDescriptor: boom,
            getPrototypeOf: boom,
            ownKeys: boom,
          },
        ),
    ],
    [
      'an object posing as a URL whose toString throws',
      () => ({ [Symbol.toStringTag]: 'URL', toString: boom }),
    ],
    [
      'an object posing as URLSearchParams whose toString throws',
      () => ({ [Symbol.toStringTag]: 'URLSearchParams', toString: boom }),
    ],
    [
      'an object whose toStringTag getter throws',
      () => Object.defineProperty({}, Symbol.toStringTag, { get: boom }),
    ],
  ])('%s', (_, make) => {
    const parsed = parseLaunchResult(make());
    expect(parsed).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'InvalidRequest', problems: [unreadable] },
    });
    expect(JSON.stringify(parsed)).not.toContain('SECRET');
    expect(JSON.stringify(parsed)).not.toContain('boom');
  });

  test('hostile options too', () => {
    const options = Object.defineProperty({}, 'sessionId', { get: boom });
    expect(untyped.parse({ success: false }, options)).toMatchObject({
      _tag: 'Left',
      left: { problems: [unreadable] },
    });
    expect(untyped.parse({ success: false }, revoked.proxy)).toMatchObject({
      _tag: 'Left',
      left: { problems: [unreadable] },
    });
  });
});
