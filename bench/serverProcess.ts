import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerReady } from './server.js';

// Starts a bench server in a child process (same Node binary, tsx's loader) and waits for it to
// report, over IPC, that it is ready. The speed server and the soak server both start this way.

interface RunningServer extends ServerReady {
  readonly origin: string;
  readonly stop: () => Promise<void>;
}

const START_TIMEOUT_MS = 15_000;

/** `script` (beside this file) forked, resolved with its ready message and a way to stop it. */
export const forkUntilReady = <R>(
  script: string,
  isReady: (message: unknown) => message is R,
): Promise<{ readonly ready: R; readonly stop: () => Promise<void> }> =>
  new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
      execPath: process.execPath,
      execArgv: ['--import', import.meta.resolve('tsx')],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exited = new Promise<void>((done) => {
      child.once('exit', () => {
        done();
      });
    });
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    };
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${script} did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited before it was ready (code ${String(code)})`));
    });
    child.on('message', (message) => {
      if (!isReady(message)) return;
      clearTimeout(timer);
      resolve({ ready: message, stop });
    });
  });

const isServerReady = (message: unknown): message is ServerReady =>
  typeof message === 'object' &&
  message !== null &&
  'type' in message &&
  message.type === 'ready' &&
  'port' in message &&
  typeof message.port === 'number' &&
  'getSessionBytes' in message &&
  typeof message.getSessionBytes === 'number' &&
  'listSessionsBytes' in message &&
  typeof message.listSessionsBytes === 'number';

export const startServer = async (): Promise<RunningServer> => {
  const { ready, stop } = await forkUntilReady('./server.ts', isServerReady);
  return { ...ready, origin: `http://127.0.0.1:${ready.port}`, stop };
};
