import { loadavg } from 'node:os';
import { buildPackage, loadBuiltSdk } from './build.js';
import { checkServedAnswers } from './checks.js';
import { AGENT_OPTIONS, FLOOR, makeClients, OPERATIONS } from './clients.js';
import { measureColdStart, type ColdStartCell, type ColdStartSettings } from './coldStart.js';
import { measureDecode, type DecodeSettings } from './decode.js';
import { answerBodies } from './fixtures.js';
import { measureHttp, type HttpCell, type HttpSettings } from './http.js';
import { measurePaging, type PagingResult, type PagingSettings } from './paging.js';
import { coldStartTable, decodeTable, httpTable, pagingTable, targetsTable } from './report.js';
import { machine, previousTargets, writeResults } from './results.js';
import { startServer } from './serverProcess.js';
import { measureSoak, soakSummary, soakTargets, type SoakSettings } from './soak.js';
import { checkTargets, pagingTargets } from './targets.js';

// `npm run bench`: the built SDK side by side with raw undici and fetch over loopback, its
// decoding against JSON.parse, and its import time. `npm run bench -- --quick`: a smoke run.

const quick = process.argv.includes('--quick');

// Every run stops at its count or at its time, whichever comes first: the counts set the length
// on a quiet machine (about a minute in all), the times cap it on a busy one. Many short rounds
// rather than a few long ones, so that each ratio pairs runs made close in time.
const HTTP: HttpSettings = {
  concurrency: 64,
  sequential: { rounds: quick ? 3 : 30, calls: quick ? 100 : 150, maxMs: 150 },
  concurrent: { rounds: quick ? 3 : 20, calls: quick ? 320 : 64 * 10, maxMs: 300 },
  warmup: {
    sequential: { calls: quick ? 200 : 500, maxMs: 1_000 },
    concurrent: { calls: quick ? 640 : 64 * 10, maxMs: 1_000 },
  },
};
const DECODE: DecodeSettings = {
  rounds: quick ? 3 : 11,
  batchMs: quick ? 20 : 50,
  maxIterations: 100_000,
};
const COLD_START: ColdStartSettings = { runs: quick ? 3 : 10, minRuns: 3, budgetMs: 30_000 };
// A walk is 200 requests; a round walks the 10,000-session listing once per contender.
const PAGING: PagingSettings = { rounds: quick ? 3 : 15, warmupWalks: quick ? 1 : 3 };
const SOAK: SoakSettings = {
  calls: quick ? 10_000 : 100_000,
  heapSamples: 20,
  timeouts: quick ? 100 : 500,
  timeoutMs: 200,
  aborts: quick ? 1_000 : 10_000,
  seed: 20_240_512,
};

const progress = (line: string) => process.stderr.write(`  ${line}\n`);
const twoDigits = (n: number | undefined) => (n ?? Number.NaN).toFixed(2);

const main = async () => {
  const startedAt = new Date();
  const t0 = performance.now();
  const host = machine();
  const bodies = answerBodies();

  progress('building the package (when a source changed since the last build)');
  const buildMs = await buildPackage();
  const sdk = await loadBuiltSdk();

  const server = await startServer();
  progress(`server on ${server.origin}`);
  const clients = makeClients(sdk, server.origin);
  let http: HttpCell[];
  let paging: PagingResult;
  let coldStart: ColdStartCell[];
  try {
    await checkServedAnswers(sdk, server.origin, bodies);
    http = await measureHttp(clients, OPERATIONS, HTTP, progress);
    paging = await measurePaging(sdk, server.origin, PAGING, progress);
    coldStart = measureColdStart(COLD_START, server.origin, progress);
  } finally {
    await clients.close();
    await server.stop();
  }
  const decode = measureDecode(sdk, bodies.listSessions, DECODE, progress);
  const soak = await measureSoak(sdk, SOAK, progress);
  const targets = [
    ...checkTargets(http, decode, coldStart),
    ...soakTargets(soak),
    ...pagingTargets(paging),
  ];
  const previous = previousTargets();
  const durationMs = performance.now() - t0;
  const loadAtEnd = loadavg()[0];

  const written = writeResults(
    {
      version: 1,
      startedAt: startedAt.toISOString(),
      durationMs: Math.round(durationMs),
      quick,
      machine: { ...host, loadAverage1mAtEnd: loadAtEnd },
      settings: {
        floor: FLOOR,
        agent: AGENT_OPTIONS,
        http: HTTP,
        decode: DECODE,
        coldStart: COLD_START,
        paging: PAGING,
        soak: SOAK,
      },
      fixtures: {
        getSessionBytes: bodies.getSession.length,
        listSessionsBytes: bodies.listSessions.length,
      },
      buildMs: Math.round(buildMs),
      targets,
      http,
      decode,
      coldStart,
      paging,
      soak,
    },
    startedAt,
    quick,
  );

  const load = `load average ${twoDigits(host.loadAverage1mAtStart)} → ${twoDigits(loadAtEnd)}`;
  console.log(`\n${host.cpu}, ${host.cores} cores, Node ${host.node}, ${load}`);
  console.log(
    `answers: listSessions(50) ${bodies.listSessions.length} bytes, ` +
      `getSession ${bodies.getSession.length} bytes${quick ? ' (quick run)' : ''}\n`,
  );
  console.log(httpTable(http));
  console.log(`\n${decodeTable(decode)}`);
  console.log(`\n${coldStartTable(coldStart, buildMs)}`);
  console.log(`\n${pagingTable(paging.cells, paging.heap)}`);
  console.log(`\n${soakSummary(soak)}`);
  console.log(`\n${targetsTable(targets, previous)}`);
  console.log(`\nwritten: ${written.join(', ')}; ${(durationMs / 1000).toFixed(1)} s in all`);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
