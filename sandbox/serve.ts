import { parseArgs } from 'node:util';
import { startSandbox } from './index.js';

// `npm run sandbox [-- --port 4010]`: serve the sandbox until stopped (Ctrl-C), for curl, the
// examples, and clients in other languages. Port: --port, else SANDBOX_PORT, else 4010.
// API key: SANDBOX_API_KEY, else a random one, printed below.

const DEFAULT_PORT = 4010;

const readPort = (): number => {
  const { values } = parseArgs({ options: { port: { type: 'string', short: 'p' } } });
  const text = values.port ?? process.env.SANDBOX_PORT;
  if (text === undefined || text === '') return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Not a port number: ${JSON.stringify(text)}`);
  }
  return port;
};

const serve = async (): Promise<void> => {
  const sandbox = await startSandbox({
    port: readPort(),
    apiKey: process.env.SANDBOX_API_KEY || undefined,
    onRequest: ({ method, route, status, ms }) => {
      process.stdout.write(`${method} ${route} → ${status} (${ms.toFixed(1)} ms)\n`);
    },
    onError: (error) => {
      process.stderr.write(
        `sandbox error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    },
  });
  process.stdout.write(
    [
      'Trinsic Connect sandbox (local, in memory; the data is gone when it stops)',
      `  URL:     ${sandbox.url}`,
      `  API key: ${sandbox.apiKey}`,
      '',
      'Try it:',
      `  curl -s -H "Authorization: Bearer ${sandbox.apiKey}" ${sandbox.url}/api/v1/network/providers`,
      `  TRINSIC_BASE_URL=${sandbox.url} TRINSIC_API_KEY=${sandbox.apiKey} npx tsx examples/listSessions.ts`,
      'Act as the user: POST /sandbox/sessions/{sessionId}/complete  {"outcome":"success"}',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  const stop = (signal: string) => {
    process.stdout.write(`\n${signal}: stopping the sandbox\n`);
    void sandbox.stop().then(() => {
      process.exitCode = 0;
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

serve().catch((error: unknown) => {
  process.stderr.write(
    `The sandbox could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
