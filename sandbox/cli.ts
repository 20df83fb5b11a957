import { parseArgs } from 'node:util';
import { startSandbox, type Sandbox, type SandboxOptions } from './index.js';

// The `trinsic-connect-sandbox` program (also `npm run sandbox`): serve the sandbox until stopped,
// for curl, a frontend in a browser, and clients in other languages. Each setting comes from its
// flag, else its environment variable, else a default: --port/SANDBOX_PORT (4010),
// --host/SANDBOX_HOST (127.0.0.1), --api-key/SANDBOX_API_KEY (random, printed),
// --allowed-origin (repeatable)/SANDBOX_ALLOWED_ORIGINS (comma-separated; none).

const DEFAULT_PORT = 4010;

const USAGE = `Usage: trinsic-connect-sandbox [--port <n>] [--host <loopback address>] [--api-key <key>]
                              [--allowed-origin <origin>]...

  --port, -p   port to listen on; 0 picks a free one (env SANDBOX_PORT; default ${DEFAULT_PORT})
  --host       127.0.0.1, ::1 or localhost (env SANDBOX_HOST; default 127.0.0.1)
  --api-key    the key clients send as "Authorization: Bearer <key>" (env SANDBOX_API_KEY;
               default: a random one per start). At least 8 characters, no spaces,
               control characters or characters beyond U+00FF
  --allowed-origin
               your frontend's origin, e.g. http://localhost:3000 (repeatable; env
               SANDBOX_ALLOWED_ORIGINS, comma-separated). The launch page sends results
               (and their results access keys) only to these and to the origin of each
               Session's own redirectUrl; only these may frame it
  --help, -h   show this text
`;

type Settings =
  { readonly help: true } | { readonly help: false; readonly options: SandboxOptions };

const parsePort = (text: string): number => {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(port) || port > 65535) {
    throw new Error(`Not a port number: ${JSON.stringify(text.slice(0, 40))}`);
  }
  return port;
};

/** The flag's value, else the environment's (an empty variable counts as unset). */
const setting = (flag: string | undefined, env: string | undefined): string | undefined =>
  flag ?? (env === '' ? undefined : env);

/** A comma-separated list from the environment (spaces around items ignored). */
const listSetting = (env: string | undefined): string[] | undefined =>
  env === undefined || env.trim() === ''
    ? undefined
    : env
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');

const readSettings = (args: readonly string[], env: NodeJS.ProcessEnv): Settings => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      'api-key': { type: 'string' },
      'allowed-origin': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) return { help: true };
  const port = setting(values.port, env.SANDBOX_PORT);
  return {
    help: false,
    options: {
      port: port === undefined ? DEFAULT_PORT : parsePort(port),
      host: setting(values.host, env.SANDBOX_HOST),
      apiKey: setting(values['api-key'], env.SANDBOX_API_KEY),
      allowedOrigins: values['allowed-origin'] ?? listSetting(env.SANDBOX_ALLOWED_ORIGINS),
    },
  };
};

const banner = (sandbox: Sandbox): string =>
  [
    'Trinsic Connect sandbox (local, in memory; the data is gone when it stops)',
    `  URL:     ${sandbox.url}`,
    `  API key: ${sandbox.apiKey}`,
    `  Launch results go to: ${
      sandbox.allowedOrigins.length === 0
        ? "each Session's own redirectUrl origin only (declare your frontend with --allowed-origin <origin>)"
        : `${sandbox.allowedOrigins.join(', ')} and each Session's own redirectUrl origin`
    }`,
    '',
    'Point the SDK at it:',
    `  new Configuration({ basePath: '${sandbox.url}', accessToken: '${sandbox.apiKey}' })`,
    'Or try it:',
    `  curl -s -H "Authorization: Bearer ${sandbox.apiKey}" ${sandbox.url}/api/v1/network/providers`,
    "A Session's launchUrl opens the sandbox's launch page: act as the user there, or with",
    '  POST /sandbox/sessions/{sessionId}/complete  {"outcome":"success"}',
    'Press Ctrl-C to stop.',
    '',
  ].join('\n');

const describeError = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

/** Runs the program; it ends with exit code 0 on SIGINT or SIGTERM, 1 when it cannot start. */
const main = async (args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> => {
  const settings = readSettings(args, env);
  if (settings.help) {
    process.stdout.write(USAGE);
    return;
  }
  const sandbox = await startSandbox({
    ...settings.options,
    // One line per request: method, route template, status, time. No query, header or body, so
    // no API key and no client token from a launch URL.
    onRequest: ({ method, route, status, ms, fault }) => {
      const marked = fault === undefined ? '' : ` [injected fault: ${fault}]`;
      process.stdout.write(`${method} ${route} → ${status} (${ms.toFixed(1)} ms)${marked}\n`);
    },
    onError: (error) => {
      process.stderr.write(`sandbox error: ${describeError(error)}\n`);
    },
  });
  const stop = (signal: NodeJS.Signals): void => {
    process.stdout.write(`\n${signal}: stopping the sandbox\n`);
    void sandbox.stop().then(() => {
      process.exitCode = 0;
    });
  };
  // Before the banner: a script that stops the sandbox as soon as it reads the URL must get a
  // clean stop, not the default signal death.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(banner(sandbox));
};

export const run = (): void => {
  main(process.argv.slice(2), process.env).catch((error: unknown) => {
    process.stderr.write(
      `The sandbox could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  });
};
