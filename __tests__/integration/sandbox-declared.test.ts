import { createServer } from 'node:net';
import { MIN_TOKEN_LENGTH } from '../../lib/http/token.js';
import { MIN_API_KEY_LENGTH } from '../../sandbox/apiKey.js';
import { MIN_NODE } from '../../lib/http/runtime.js';
import { SANDBOX_MIN_NODE, unsupportedNode } from '../../sandbox/nodeVersion.js';
import { startSandbox } from '../../sandbox/index.js';
import { cleanEnv, finished, runTsx, spawnTsx } from '../support/processes.js';

// What a sandbox user must declare, and what it refuses at start: an API key no client can send
// or the SDK would refuse, and allowed origins that are not origins. A refusal names the rule,
// never quotes the key, and nothing starts (the port stays free; the bin prints no banner).

const BAD_KEYS = [
  ['shorter than 8 characters', 'sk_1234', 'The API key must have at least 8 characters'],
  [
    'with a space',
    'sk_two words',
    'The API key must not contain spaces or control characters (one is at position 7)',
  ],
  [
    'with a NUL',
    'sk_nul\u0000_key',
    'The API key must not contain spaces or control characters (one is at position 7)',
  ],
  [
    'with a BEL',
    'sk_bell_\u0007key',
    'The API key must not contain spaces or control characters (one is at position 9)',
  ],
  [
    'with DEL',
    'sk_del_key\u007f',
    'The API key must not contain spaces or control characters (one is at position 11)',
  ],
  [
    'with a line break',
    'sk_line\nbreak',
    'The API key must not contain spaces or control characters (one is at position 8)',
  ],
  [
    'with a C1 control',
    'sk_c1_\u0085_key',
    'The API key must not contain spaces or control characters (one is at position 7)',
  ],
  [
    'with a € (beyond U+00FF)',
    'sk_euro_€_key',
    'The API key must not contain characters beyond U+00FF (one is at position 9)',
  ],
  [
    'with an emoji',
    'sk_emoji_🔑_key',
    'The API key must not contain characters beyond U+00FF (one is at position 10)',
  ],
] as const;

/** Whether a server can listen on `port` now: nothing else holds it. */
const portIsFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => {
      resolve(false);
    });
    probe.listen(port, '127.0.0.1', () => {
      probe.close(() => {
        resolve(true);
      });
    });
  });

const freePort = async (): Promise<number> => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 0;
};

describe('startSandbox refuses an API key no client can use', () => {
  test('the bin refuses the Nodes the SDK refuses, in the same words', () => {
    expect(SANDBOX_MIN_NODE).toStrictEqual(MIN_NODE);
    const old = { ...process.versions, node: '20.20.2' };
    expect(unsupportedNode(old)).toBe(
      'trinsic-connect-sdk needs Node 22.19.0 or later; this is Node 20.20.2',
    );
    expect(unsupportedNode({ ...process.versions, node: '22.19.0' })).toBeUndefined();
  });

  test('its shortest key is the shortest token the SDK accepts', () => {
    expect(MIN_API_KEY_LENGTH).toBe(MIN_TOKEN_LENGTH);
  });

  test.each(BAD_KEYS)('%s', async (_, apiKey, message) => {
    const port = await freePort();
    const refused = await startSandbox({ port, apiKey }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Error);
    const text = refused instanceof Error ? refused.message : '';
    expect(text).toContain(message);
    expect(text).not.toContain(apiKey);
    expect(await portIsFree(port)).toBe(true);
  });

  test('a key of 8 characters, Latin-1 included, is accepted', async () => {
    const sandbox = await startSandbox({ apiKey: 'clé_0001' });
    await sandbox.stop();
    expect(sandbox.apiKey).toBe('clé_0001');
  });
});

describe('allowedOrigins', () => {
  test('are normalised to origins, without repeats', async () => {
    const sandbox = await startSandbox({
      allowedOrigins: ['http://localhost:3000/', 'http://localhost:3000', 'HTTPS://App.Example'],
    });
    await sandbox.stop();
    expect(sandbox.allowedOrigins).toEqual(['http://localhost:3000', 'https://app.example']);
  });

  test('none by default', async () => {
    const sandbox = await startSandbox();
    await sandbox.stop();
    expect(sandbox.allowedOrigins).toEqual([]);
  });

  test.each<[string, unknown, string]>([
    ['"*"', ['*'], 'allowedOrigins: "*" is not an origin: name each site that may get results'],
    [
      'a path',
      ['http://localhost:3000/return'],
      'allowedOrigins: "http://localhost:3000/return" is not an origin',
    ],
    ['a query', ['http://localhost:3000?x=1'], 'is not an origin'],
    ['user info', ['http://user@localhost:3000'], 'is not an origin'],
    ['another scheme', ['ftp://files.example'], 'is not an origin: give an http or https scheme'],
    ['not a URL', ['localhost:3000'], 'is not an origin'],
    ['text that parses as no URL', ['not a url'], 'allowedOrigins: "not a url" is not a URL'],
    [
      'a string instead of a list',
      'http://localhost:3000',
      'allowedOrigins: must be an array of origins',
    ],
    ['a number in the list', [3000], 'allowedOrigins: each must be a string'],
  ])('%s is refused, and nothing starts', async (_, allowedOrigins, message) => {
    const port = await freePort();
    // As a JavaScript caller may pass it.
    const options: { port: number; allowedOrigins?: readonly string[] } = { port };
    Reflect.set(options, 'allowedOrigins', allowedOrigins);
    await expect(startSandbox(options)).rejects.toThrow(message);
    expect(await portIsFree(port)).toBe(true);
  });
});

describe('the bin (`npm run sandbox`)', () => {
  test.each<[string, string[], Record<string, string>, string]>([
    [
      '--api-key shorter than 8',
      ['--api-key', 'sk_1234'],
      {},
      'The API key must have at least 8 characters',
    ],
    [
      'SANDBOX_API_KEY with a control character',
      [],
      { SANDBOX_API_KEY: 'sk_bell_\u0007key' },
      'The API key must not contain spaces or control characters',
    ],
    [
      'SANDBOX_API_KEY beyond U+00FF',
      [],
      { SANDBOX_API_KEY: 'sk_euro_€_key' },
      'The API key must not contain characters beyond U+00FF',
    ],
    [
      '--allowed-origin with a path',
      ['--allowed-origin', 'http://localhost:3000/return'],
      {},
      'allowedOrigins: "http://localhost:3000/return" is not an origin',
    ],
    [
      'SANDBOX_ALLOWED_ORIGINS with "*"',
      [],
      { SANDBOX_ALLOWED_ORIGINS: '*' },
      'allowedOrigins: "*" is not an origin',
    ],
  ])(
    '%s: refused with exit 1, no banner, the key never printed',
    async (_, args, env, message) => {
      const { code, stdout, stderr } = await runTsx('sandbox/bin.ts', cleanEnv(env), [
        '--port',
        '0',
        ...args,
      ]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.startsWith(`The sandbox could not start: ${message}`)).toBe(true);
      expect(stderr).toMatch(/^The sandbox could not start: .*\n$/);
      expect(stderr).not.toMatch(/sk_/);
    },
    60_000,
  );

  test.each<[string, string[], Record<string, string>, string]>([
    [
      '--allowed-origin, repeated',
      ['--allowed-origin', 'http://localhost:3000', '--allowed-origin', 'http://127.0.0.1:5173/'],
      { SANDBOX_ALLOWED_ORIGINS: 'https://ignored.example' },
      'http://localhost:3000, http://127.0.0.1:5173',
    ],
    [
      'SANDBOX_ALLOWED_ORIGINS, comma-separated',
      [],
      { SANDBOX_ALLOWED_ORIGINS: 'http://localhost:3000, https://app.example' },
      'http://localhost:3000, https://app.example',
    ],
  ])(
    '%s: the banner says where launch results go',
    async (_, args, env, origins) => {
      const child = spawnTsx('sandbox/bin.ts', ['--port', '0', ...args], cleanEnv(env));
      const exit = finished(child, 30_000);
      const banner = await new Promise<string>((resolve) => {
        let stdout = '';
        child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk;
          if (stdout.includes('Press Ctrl-C to stop.')) resolve(stdout);
        });
      });
      child.kill('SIGTERM');
      expect((await exit).code).toBe(0);
      expect(banner).toContain(
        `Launch results go to: ${origins} and each Session's own redirectUrl origin`,
      );
    },
    60_000,
  );
});
