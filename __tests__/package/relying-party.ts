import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'undici';
import { finished, type Finished } from '../support/processes.js';
import { cleanEnvironment, type Consumer } from './consumer.js';

// A relying party's backend as a user writes it in the fresh project: a small node:http server
// that loads the SDK and its sandbox from the installed tarball, creates Sessions and exchanges
// what the frontend got back for identity data. It runs in its own Node process, so every
// module it uses is the one npm installed there; the first line it prints says which files
// those are.

const BACKEND = `import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { isLeft } from 'fp-ts/lib/Either.js';
import { APIClient, Configuration, parseLaunchResult } from 'trinsic-connect-sdk';
import { startSandbox } from 'trinsic-connect-sdk/sandbox';

// Against TRINSIC_BASE_URL when it is set (a sandbox served by the command), else its own, which
// sends launch results to the frontend's origin (FRONTEND_ORIGIN) as its declared relying party.
const sandbox = process.env.TRINSIC_BASE_URL
  ? { url: process.env.TRINSIC_BASE_URL, apiKey: process.env.TRINSIC_API_KEY, stop: async () => {} }
  : await startSandbox({ allowedOrigins: [process.env.FRONTEND_ORIGIN].filter(Boolean) });
const client = new APIClient(new Configuration({
  basePath: sandbox.url, accessToken: sandbox.apiKey, strict: true, maxRetries: 0,
}));
const data = (result) => {
  if (isLeft(result)) throw new Error(result.left._tag + ': ' + result.left.message);
  return result.right.data;
};

const actions = {
  // A CreateSessionRequest in; the Session's id and launch URL out, for the frontend.
  '/sessions': async (body) => {
    const { session, launchUrl } = data(
      await client.sessionsAPI.createSession().createSessionRequest(body).execute(),
    );
    return { sessionId: session.id, launchUrl };
  },
  // What the frontend got back (the object the web UI resolved with, or the URL it was sent
  // back to) in; the exchanged identity data out.
  '/results': async (body) => {
    const parsed = parseLaunchResult(body.launchResult);
    if (isLeft(parsed)) throw new Error(parsed.left.message);
    if (!parsed.right.success) throw new Error('the launch did not succeed');
    const { session, identityData } = data(
      await client.sessionsAPI
        .exchangeResultsKey(parsed.right.sessionId)
        .exchangeResultsKeyRequest({ resultsAccessKey: parsed.right.resultsAccessKey })
        .execute(),
    );
    return {
      sessionId: session.id,
      state: session.state,
      provider: session.verification?.provider,
      fullName: identityData?.person?.fullName,
      documentType: identityData?.document?.type,
    };
  },
};

const server = createServer(async (request, response) => {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const action = actions[request.url];
  try {
    if (request.method !== 'POST' || action === undefined) throw new Error('no such action');
    const answer = await action(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  } catch (error) {
    response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error.message));
  }
});
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({
    url: 'http://127.0.0.1:' + server.address().port,
    sandboxUrl: sandbox.url,
    modules: {
      sdk: fileURLToPath(import.meta.resolve('trinsic-connect-sdk')),
      sandbox: fileURLToPath(import.meta.resolve('trinsic-connect-sdk/sandbox')),
    },
  }));
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close();
  void sandbox.stop().then(() => process.exit(0));
});
`;

export interface Backend {
  readonly url: string;
  /** The launch URLs' origin: the sandbox the backend talks to. */
  readonly sandboxUrl: string;
  /** The files `import` resolved the two entries to, inside the backend's process. */
  readonly modules: { readonly sdk: string; readonly sandbox: string };
  /** Calls an action; its JSON answer, or an error with the backend's message. */
  post(path: '/sessions' | '/results', body: unknown): Promise<unknown>;
  /** SIGTERM, then its exit. */
  stop(): Promise<Finished>;
}

/** Resolves with the first match of `pattern` in the child's stdout; rejects if it ends first. */
export const outputMatching = (
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs: number,
): Promise<RegExpExecArray> =>
  new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (why: string): void => {
      clearTimeout(timer);
      reject(new Error(`${why}; stdout: ${stdout}; stderr: ${stderr}`));
    };
    const timer = setTimeout(() => {
      fail(`no ${String(pattern)} within ${timeoutMs} ms`);
    }, timeoutMs);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = pattern.exec(stdout);
      if (match !== null) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.once('exit', (code, signal) => {
      fail(`exited (${String(code ?? signal)}) first`);
    });
  });

const isStartLine = (value: unknown): value is Omit<Backend, 'post' | 'stop'> =>
  typeof value === 'object' &&
  value !== null &&
  typeof Reflect.get(value, 'url') === 'string' &&
  typeof Reflect.get(value, 'sandboxUrl') === 'string' &&
  typeof Reflect.get(Object(Reflect.get(value, 'modules')), 'sdk') === 'string' &&
  typeof Reflect.get(Object(Reflect.get(value, 'modules')), 'sandbox') === 'string';

/** Starts the backend in the consumer's folder, with the Node of this run. */
export const startBackend = async (
  consumer: Consumer,
  env: NodeJS.ProcessEnv = {},
): Promise<Backend> => {
  consumer.write('backend.mjs', BACKEND);
  const child = spawn(process.execPath, ['backend.mjs'], {
    cwd: consumer.dir,
    env: { ...cleanEnvironment(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = finished(child, 120_000);
  // Unhandled until stop() is called; a crash shows in the answers it no longer gives.
  exit.catch(() => undefined);
  const [line = ''] = await outputMatching(child, /^\{.*\}\n/, 30_000);
  const started: unknown = JSON.parse(line);
  if (!isStartLine(started)) throw new Error(`unexpected first line: ${line}`);
  return {
    ...started,
    post: async (path, body) => {
      const answer = await request(`${started.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await answer.body.text();
      if (answer.statusCode !== 200) throw new Error(`backend ${path}: ${text}`);
      const json: unknown = JSON.parse(text);
      return json;
    },
    stop: () => {
      child.kill('SIGTERM');
      return exit;
    },
  };
};

/** A string property of an answer, or an error that shows the answer. */
export const stringField = (value: unknown, name: string): string => {
  const field: unknown = typeof value === 'object' && value !== null && Reflect.get(value, name);
  if (typeof field !== 'string') throw new Error(`no ${name} in ${JSON.stringify(value)}`);
  return field;
};

/**
 * The process of process group `group` that runs `script` with Node: `npx` runs a bin under
 * `sh -c`, which here does not exec it, so the server is npx's grandchild. Linux (/proc).
 */
export const nodeRunning = (group: number, script: string): number | undefined => {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // After "pid (command) ": state, parent, process group.
      const processGroup = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2];
      if (Number(processGroup) !== group) continue;
      const argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (argv[1]?.endsWith(script) === true) return Number(name);
    } catch {
      // It ended while being read.
    }
  }
  return undefined;
};
