import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Runs repository scripts as the npm scripts do (`node --import tsx <script>`), as child processes
// of this Node, from the repository root, with an environment free of any real Trinsic settings.
// tsx is loaded into the script's own Node rather than run as its CLI: the CLI is a second process
// that passes a signal on to the script and kills it 30 ms later if its event loop is still busy
// (exit 143 on a loaded machine), so a SIGTERM sent here reaches the script itself and nothing
// races its shutdown.

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** This process's environment minus anything that would point a script at a real API. */
export const cleanEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (
      !/^(TRINSIC_|SANDBOX_|SESSION_ID$|RESULTS_ACCESS_KEY$|ATTACHMENT_ACCESS_KEY$|PHONE_NUMBER$)/.test(
        name,
      )
    ) {
      env[name] = value;
    }
  }
  return { ...env, ...extra };
};

export const spawnTsx = (
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

export interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Waits for the child to exit, collecting its output; kills it after `timeoutMs`. */
export const finished = (child: ChildProcess, timeoutMs: number): Promise<Finished> =>
  new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no exit within ${timeoutMs} ms; stdout: ${stdout}; stderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });

export const runTsx = (
  script: string,
  env: NodeJS.ProcessEnv,
  args: readonly string[] = [],
  timeoutMs = 30_000,
): Promise<Finished> => finished(spawnTsx(script, args, env), timeoutMs);
