import type { ChildProcess } from 'node:child_process';
import { request } from 'undici';
import { cleanEnv, finished, runTsx, spawnTsx } from '../support/processes.js';

// `npm run sandbox` (tsx sandbox/bin.ts): prints its URL and API key, serves until a signal.

/** Resolves with stdout once the server says it is ready. */
const ready = (child: ChildProcess): Promise<string> =>
  new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes('Press Ctrl-C to stop.')) resolve(stdout);
    });
    child.on('exit', (code) => {
      reject(new Error(`exited ${String(code)} before it was ready: ${stdout}`));
    });
  });

test.each(['SIGTERM', 'SIGINT'] as const)(
  'serves with the configured key, logs each request, stops on %s with exit 0',
  async (signal) => {
    const child = spawnTsx(
      'sandbox/bin.ts',
      ['--port', '0'],
      cleanEnv({ SANDBOX_API_KEY: 'sk_cli_test' }),
    );
    const exit = finished(child, 30_000);
    const banner = await ready(child);
    const url = /URL: +(http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
    expect(url).toBeDefined();
    expect(banner).toContain('API key: sk_cli_test');
    const answer = await request(`${url!}/api/v1/network/providers`, {
      headers: { authorization: 'Bearer sk_cli_test' },
    });
    expect(answer.statusCode).toBe(200);
    await answer.body.dump();
    child.kill(signal);
    const { code, stdout, stderr } = await exit;
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/GET \/api\/v1\/network\/providers → 200 \(\d+\.\d ms\)/);
    expect(stdout).toContain(`${signal}: stopping the sandbox`);
  },
  60_000,
);

test('SANDBOX_PORT is read when --port is not given: a bad one is refused with exit 1', async () => {
  const { code, stderr } = await runTsx('sandbox/bin.ts', cleanEnv({ SANDBOX_PORT: 'eighty' }));
  expect(code).toBe(1);
  expect(stderr).toBe('The sandbox could not start: Not a port number: "eighty"\n');
}, 60_000);

test('--api-key and --host win over the environment; the banner shows both', async () => {
  const child = spawnTsx(
    'sandbox/bin.ts',
    ['--port', '0', '--api-key', 'sk_flag_key', '--host', 'localhost'],
    cleanEnv({ SANDBOX_API_KEY: 'sk_env_key', SANDBOX_HOST: '127.0.0.1' }),
  );
  const exit = finished(child, 30_000);
  const banner = await ready(child);
  const url = /URL: +(http:\/\/localhost:\d+)/.exec(banner)?.[1];
  expect(url).toBeDefined();
  expect(banner).toContain('API key: sk_flag_key');
  const answer = await request(`${url!}/api/v1/network/providers`, {
    headers: { authorization: 'Bearer sk_flag_key' },
  });
  expect(answer.statusCode).toBe(200);
  await answer.body.dump();
  child.kill('SIGINT');
  expect((await exit).code).toBe(0);
}, 60_000);

test.each([
  [['--host', '0.0.0.0'], {}, 'The sandbox listens on loopback only'],
  [[], { SANDBOX_HOST: '192.168.1.2' }, 'The sandbox listens on loopback only'],
  [['--port', '70000'], {}, 'Not a port number: "70000"'],
  [['--api-key', 'two words'], {}, 'The API key must not contain spaces'],
  [['--verbose'], {}, "Unknown option '--verbose'"],
])(
  '%j %j: refused with exit code 1',
  async (args, env, message) => {
    const { code, stdout, stderr } = await runTsx('sandbox/bin.ts', cleanEnv(env), args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`The sandbox could not start: ${message}`);
  },
  60_000,
);

test('--help prints the options and exits 0 without serving', async () => {
  const { code, stdout } = await runTsx('sandbox/bin.ts', cleanEnv(), ['--help']);
  expect(code).toBe(0);
  expect(stdout).toContain('Usage: trinsic-connect-sandbox [--port <n>]');
  expect(stdout).toContain('SANDBOX_API_KEY');
}, 60_000);
