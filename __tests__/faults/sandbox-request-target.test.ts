import type { ChildProcess } from 'node:child_process';
import { bodyOf, exchangeRaw } from '../support/rawHttp.js';
import { cleanEnv, finished, spawnTsx, type Finished } from '../support/processes.js';

// Issue 12, break 1: request targets that Node's HTTP parser accepts but a WHATWG URL parser
// rejects ended the sandbox's process (an unhandled rejection), even a running `npm run sandbox`.
// Here the very program `npm run sandbox` runs gets them, over a bare socket, and must answer each
// with a 400 and keep serving.

const API_KEY = 'sk_target_test';

const HOSTILE_TARGETS = [
  '//[',
  '//a:99999/',
  '//%00/',
  'http://[::1',
  'http://a:b@[/x',
  '//[::1]:x/',
];

let child: ChildProcess;
let exit: Promise<Finished>;
let port = 0;

beforeAll(async () => {
  child = spawnTsx('sandbox/bin.ts', ['--port', '0'], cleanEnv({ SANDBOX_API_KEY: API_KEY }));
  exit = finished(child, 60_000);
  port = await new Promise<number>((resolve, reject) => {
    let stdout = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const found = /URL: +http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout)?.[1];
      if (found !== undefined && stdout.includes('Press Ctrl-C to stop.')) resolve(Number(found));
    });
    child.on('exit', (code) => {
      reject(new Error(`the sandbox exited (${String(code)}) before it was ready: ${stdout}`));
    });
  });
}, 60_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGTERM');
  await exit.catch(() => undefined);
});

test.each(HOSTILE_TARGETS)(
  'GET %s is a 400 with a JSON message, and the process keeps serving',
  async (target) => {
    const answer = await exchangeRaw(
      port,
      `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
    );
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/\r\ncontent-type: application\/json; charset=utf-8\r\n/i);
    const body: unknown = JSON.parse(bodyOf(answer));
    expect(body).toEqual({
      message: 'This is not a valid request target: send a path such as /api/v1/sessions',
    });
    expect(child.exitCode).toBeNull();
    const after = await exchangeRaw(
      port,
      `GET /api/v1/network/providers HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${API_KEY}\r\nConnection: close\r\n\r\n`,
    );
    expect(after.status).toBe(200);
  },
);

test('the process logged each bad target as a 400 and nothing on stderr; SIGTERM ends it with 0', async () => {
  child.kill('SIGTERM');
  const { code, stdout, stderr } = await exit;
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  expect(stdout.match(/^GET \(bad target\) → 400 /gm)).toHaveLength(HOSTILE_TARGETS.length);
});
