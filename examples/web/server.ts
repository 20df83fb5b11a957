import { parseArgs } from 'node:util';
import type { ConfigurationParameters } from 'trinsic-connect-sdk';
import { startSandbox } from 'trinsic-connect-sdk/sandbox';
import { startWebExample } from './app.js';

// `npm run example:web`: the web example, against a sandbox it starts, or against the real API
// when TRINSIC_BASE_URL and TRINSIC_API_KEY are both set. Port: --port, else PORT, else 3000.

const { values } = parseArgs({ options: { port: { type: 'string' } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  throw new Error(`Not a port number: ${values.port ?? process.env.PORT ?? ''}`);
}

const baseUrl = process.env.TRINSIC_BASE_URL;
const apiKey = process.env.TRINSIC_API_KEY;
// The example's Sessions name its /return as their redirectUrl, which declares its 127.0.0.1
// origin; on a fixed port, http://localhost:<port> is declared too, for a browser opened there.
const sandbox =
  baseUrl && apiKey
    ? undefined
    : await startSandbox({ allowedOrigins: port === 0 ? [] : [`http://localhost:${port}`] });
const connection: ConfigurationParameters = sandbox
  ? { basePath: sandbox.url, accessToken: sandbox.apiKey }
  : { basePath: baseUrl, accessToken: apiKey };

const example = await startWebExample({
  port,
  connection,
  log: (line) => process.stdout.write(`${line}\n`),
});
process.stdout.write(
  [
    sandbox
      ? `Against a local sandbox at ${sandbox.url} (its launch page plays the end user)`
      : `Against ${baseUrl ?? ''}`,
    `Open ${example.url} and verify in an iframe, a popup, or by redirect.`,
    'Press Ctrl-C to stop.',
    '',
  ].join('\n'),
);

const stop = (): void => {
  void Promise.all([example.close(), sandbox?.stop()]).then(() => {
    process.exitCode = 0;
  });
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
