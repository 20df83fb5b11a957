import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, finished, spawnTsx } from '../support/processes.js';

// A script the tests start (the sandbox, the web example) must get a SIGTERM itself and stop in
// its own time: through the tsx CLI, a second process passed the signal on and killed the script
// 30 ms later if its event loop was busy when the signal came, so a loaded machine saw exit 143.
// This script's loop is busy nearly all the time; once signalled, it exits 0.

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'connect-processes-'));
  writeFileSync(
    join(folder, 'slow-stop.ts'),
    `process.once('SIGTERM', () => {
  console.log('stopped');
  process.exit(0);
});
// Busy in 200 ms stretches, as a loaded server is: a signal waits for the stretch to end.
const busy = () => {
  const until = Date.now() + 200;
  while (Date.now() < until);
  setImmediate(busy);
};
console.log('ready');
busy();
`,
  );
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

test('a script that is busy when SIGTERM comes still stops with its own exit code', async () => {
  const child = spawnTsx(join(folder, 'slow-stop.ts'), [], cleanEnv());
  const exit = finished(child, 30_000);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString('utf8').includes('ready')) resolve();
    });
    child.once('exit', () => {
      reject(new Error('exited before it was ready'));
    });
  });
  child.kill('SIGTERM');
  const { code, signal, stdout, stderr } = await exit;
  expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
  expect(stdout).toBe('ready\nstopped\n');
}, 30_000);
