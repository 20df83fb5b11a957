import {
  CLIENTS,
  makeClients,
  OPERATIONS,
  type ClientName,
  type OperationName,
} from './clients.js';
import { buildPackage, loadBuiltSdk } from './build.js';
import { runConcurrent, runSequential } from './loops.js';
import { startServer } from './serverProcess.js';

// A loop of one client's calls against the bench server, to be run under a profiler, e.g.
//   npx node --cpu-prof --cpu-prof-dir=bench/results/profiles --import tsx \
//     bench/profile.ts sdk listSessions [seconds] [--concurrent]
// The SDK is the built package (see build.ts), so the profile names its compiled files and
// lines. Compare with the same loop for `undici`; it prints the calls made and the time per call.

const pickArg = <T extends string>(
  values: readonly T[],
  given: string | undefined,
  fallback: T,
): T => values.find((value) => value === given) ?? fallback;

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const client: ClientName = pickArg(CLIENTS, args[0], 'sdk');
const operation: OperationName = pickArg(OPERATIONS, args[1], 'listSessions');
const seconds = Math.min(Math.max(Number(args[2] ?? 10) || 10, 1), 120);
const concurrent = process.argv.includes('--concurrent');

const main = async () => {
  await buildPackage();
  const server = await startServer();
  const clients = makeClients(await loadBuiltSdk(), server.origin);
  try {
    const call = clients.calls[client][operation];
    const bounds = { calls: 10_000_000, maxMs: seconds * 1000 };
    const sample = concurrent
      ? await runConcurrent(call, 64, bounds)
      : await runSequential(call, bounds);
    const perCall = (sample.elapsedMs / sample.latencies.length) * 1000;
    console.log(
      `${client} ${operation} ${concurrent ? '64 in flight' : 'sequential'}: ` +
        `${sample.latencies.length} calls, ${perCall.toFixed(1)} µs of wall time per call`,
    );
  } finally {
    await clients.close();
    await server.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
