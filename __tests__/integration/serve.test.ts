import type { ChildProcess } from 'node:child_process';
import { request } from 'undici';
import { cleanEnv, finished, runTsx, spawnTsx } from '../support/processes.js';

// `npm run sandbox` (tsx sandbox/serve.ts): prints its URL and API key, serves until a signal.

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
      'sandbox/serve.ts',
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
  const { code, stderr } = await runTsx('sandbox/serve.ts', cleanEnv({ SANDBOX_PORT: 'eighty' }));
  expect(code).toBe(1);
  expect(stderr).toBe('The sandbox could not start: Not a port number: "eighty"\n');
}, 60_000);
