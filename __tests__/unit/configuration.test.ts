import {
  APIClient,
  Configuration,
  DEFAULT_BASE_PATH,
  type ConfigurationParameters,
} from '../../index.js';
import { BASE_URL, TOKEN } from '../support/fixtures.js';
import { listProviders } from '../support/operations.js';
import { expectRight } from '../support/results.js';
import { untyped } from '../support/untyped.js';
import {
  expectNothingSent,
  expectSentRequest,
  mockSuccess,
  trapAnyRequest,
  useNock,
} from '../support/wire.js';

// Mistakes in the settings get a TypeError at start-up that names the problem, shows the value
// when it is no secret, and says what was probably meant; `undefined` means "the default" for
// every setting; APIClient takes a Configuration, any copy's, or the settings themselves.

useNock();

/** The message of the TypeError that `make` throws (the test fails if it throws none). */
const refusal = (make: () => unknown): string => {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected a TypeError, and nothing was thrown');
};

/** A Configuration's own fields, on a plain object. */
const fieldsOf = (configuration: Configuration): Record<string, unknown> =>
  Object.fromEntries(Object.entries(configuration));

describe('undefined for every optional setting', () => {
  test('means the default, so settings read straight from the environment compile and work', () => {
    const everyOneUndefined: { [K in keyof Required<ConfigurationParameters>]: undefined } = {
      basePath: undefined,
      accessToken: undefined,
      defaultHeaders: undefined,
      userAgent: undefined,
      dispatcher: undefined,
      fetch: undefined,
      strict: undefined,
      timeoutMs: undefined,
      maxRetries: undefined,
      maxResponseBytes: undefined,
      maxRetryAfterMs: undefined,
      retryBaseDelayMs: undefined,
      retryMaxDelayMs: undefined,
      debug: undefined,
      logBodies: undefined,
    };
    expect(fieldsOf(new Configuration(everyOneUndefined))).toEqual(fieldsOf(new Configuration()));
    expect(new Configuration(everyOneUndefined).basePath).toBe(DEFAULT_BASE_PATH);
  });
});

describe('basePath', () => {
  test.each([
    ['connect.trinsic.id', '"connect.trinsic.id": did you mean "https://connect.trinsic.id"?'],
    ['connect.trinsic.id/', '"connect.trinsic.id/": did you mean "https://connect.trinsic.id"?'],
    ['localhost:4010', '"localhost:4010": did you mean "http://localhost:4010"?'],
    ['127.0.0.1:4010/base/', '"127.0.0.1:4010/base/": did you mean "http://127.0.0.1:4010/base"?'],
    ['', '"" (leave it out to use https://connect.trinsic.id)'],
  ])('%j without a scheme is refused, shown, and the likely URL suggested', (basePath, shown) => {
    expect(refusal(() => new Configuration({ basePath }))).toBe(
      `Invalid Configuration: basePath must be an absolute http(s) URL, got ${shown}`,
    );
  });

  test('another scheme is named', () => {
    expect(refusal(() => new Configuration({ basePath: 'ftp://connect.test' }))).toBe(
      'Invalid Configuration: basePath must use http or https, got ftp',
    );
  });

  test('a query or fragment is refused, and the message leaves it out (it may hold a key)', () => {
    const message = refusal(
      () => new Configuration({ basePath: 'https://connect.test/api?key=sk_SECRET_in_query#x' }),
    );
    expect(message).toBe(
      'Invalid Configuration: basePath must have no query or fragment: did you mean "https://connect.test/api"?',
    );
  });

  test('credentials in it are refused without being shown', () => {
    const message = refusal(
      () => new Configuration({ basePath: 'https://user:pw_SECRET@connect.test' }),
    );
    expect(message).toContain('basePath must carry no credentials');
    expect(message).not.toContain('pw_SECRET');
    const withoutScheme = refusal(() => new Configuration({ basePath: 'user:pw_SECRET@connect' }));
    expect(withoutScheme).not.toContain('pw_SECRET');
  });

  test('a value that is no string is named by its type', () => {
    expect(refusal(() => new Configuration({ basePath: untyped(4010) }))).toBe(
      'Invalid Configuration: basePath must be an absolute http(s) URL such as "https://connect.trinsic.id", got number',
    );
  });
});

describe('accessToken', () => {
  test('a string shorter than 8 characters is refused, without being shown', () => {
    for (const token of ['', 'k', 'sk_1234']) {
      expect(refusal(() => new Configuration({ accessToken: token }))).toBe(
        'Invalid Configuration: accessToken must be at least 8 characters long (an API key is ' +
          'much longer; a string this short could not be masked in messages)',
      );
    }
  });

  test('8 characters, and a function, are accepted', () => {
    expect(new Configuration({ accessToken: 'sk_12345' }).accessToken).toBe('sk_12345');
    const provider = () => 'sk_from_provider';
    expect(new Configuration({ accessToken: provider }).accessToken).toBe(provider);
  });

  test('another type is named', () => {
    expect(refusal(() => new Configuration({ accessToken: untyped(12345678) }))).toBe(
      'Invalid Configuration: accessToken must be a string or a function that returns one, got number',
    );
  });
});

describe('settings from plain JavaScript', () => {
  test.each<[string, ConfigurationParameters, string]>([
    [
      'timeoutMs',
      { timeoutMs: untyped('5000') },
      'timeoutMs must be a positive number, got string',
    ],
    ['maxRetries', { maxRetries: 1.5 }, 'maxRetries must be a whole number ≥ 0, got 1.5'],
    ['strict', { strict: untyped('yes') }, 'strict must be true or false, got string'],
    ['debug', { debug: untyped('verbose') }, 'debug must be true, false or a function'],
    ['userAgent', { userAgent: 'a\r\nb' }, 'userAgent must not contain CR or LF'],
    ['defaultHeaders', { defaultHeaders: untyped(['x']) }, 'defaultHeaders must be an object'],
    [
      'a header value',
      { defaultHeaders: untyped({ 'x-count': 1 }) },
      'defaultHeaders["x-count"] must be a string, got number',
    ],
    ['dispatcher', { dispatcher: untyped({}) }, 'dispatcher must be an undici Dispatcher'],
  ])('a wrong %s is named', (_name, parameters, problem) => {
    expect(refusal(() => new Configuration(parameters))).toContain(problem);
  });

  test('an unknown setting is named, with the one probably meant', () => {
    const message = refusal(() => new Configuration(untyped({ apiKey: TOKEN, timeout: 5 })));
    expect(message).toBe(
      'Invalid Configuration: unknown setting "apiKey": did you mean "accessToken"?; ' +
        'unknown setting "timeout": did you mean "timeoutMs"?',
    );
    expect(message).not.toContain(TOKEN);
  });

  test('every problem is listed at once', () => {
    const message = refusal(
      () => new Configuration({ basePath: 'connect.test', timeoutMs: -1, maxRetries: -1 }),
    );
    expect(message.split('; ')).toHaveLength(3);
  });
});

describe('APIClient', () => {
  test('takes the settings themselves, and sends with them', async () => {
    const { scope, seen } = mockSuccess(listProviders);
    const client = new APIClient({ basePath: BASE_URL, accessToken: TOKEN });
    expectRight(await listProviders.build(client).execute());
    expectSentRequest(seen[0], listProviders);
    expect(scope.isDone()).toBe(true);
  });

  test("takes a Configuration of another copy of the package (its brand, not this copy's class)", async () => {
    const { scope, seen } = mockSuccess(listProviders);
    // What another copy's Configuration is to this one: the same fields and the shared brand,
    // another prototype.
    const own = new Configuration({ basePath: BASE_URL, accessToken: TOKEN });
    const foreign: unknown = Object.defineProperty(
      fieldsOf(own),
      Symbol.for('trinsic-connect-sdk.Configuration.1'),
      { value: true },
    );
    expect(foreign instanceof Configuration).toBe(false);
    const client = new APIClient(untyped<Configuration>(foreign));
    expect(client.configuration).toBe(foreign);
    expectRight(await listProviders.build(client).execute());
    expectSentRequest(seen[0], listProviders);
    expect(scope.isDone()).toBe(true);
  });

  test.each([
    ['nothing', undefined, 'got undefined'],
    ['a URL', 'https://connect.trinsic.id', 'got string'],
    ['null', null, 'got null'],
  ])(
    'given %s, throws a TypeError that says what it takes, and sends nothing',
    (_what, given, got) => {
      const trap = trapAnyRequest();
      const message = refusal(() => new APIClient(untyped(given)));
      expect(message).toBe(
        'APIClient expects a Configuration, as in new APIClient(new Configuration({ accessToken })), ' +
          `or its settings; ${got}`,
      );
      expectNothingSent(trap);
    },
  );

  test('given wrong settings, throws the Configuration TypeError', () => {
    expect(refusal(() => new APIClient({ basePath: 'connect.test' }))).toContain(
      'did you mean "https://connect.test"?',
    );
  });
});
