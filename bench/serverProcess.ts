import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerReady } from './server.js';

// Starts bench/server.ts in a child process (same Node binary, tsx's loader) and waits for it to
// report its port over IPC.

export interface RunningServer extends ServerReady {
  readonly origin: string;
  readonly stop: () => Promise<void>;
}

const START_TIMEOUT_MS = 15_000;

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

export const startServer = (): Promise<RunningServer> =>
  new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [], {
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
      reject(new Error(`bench server did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server exited before it was ready (code ${String(code)})`));
    });
    child.on('message', (message) => {
      if (!isServerReady(message)) return;
      clearTimeout(timer);
      resolve({ ...message, origin: `http://127.0.0.1:${message.port}`, stop });
    });
  });
