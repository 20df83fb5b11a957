import { request } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BuiltSdk } from './build.js';
import { randomAborts, steadyCalls, timeoutBurst, type SoakTarget } from './soakChecks.js';
import { HELD_COUNT_PATH } from './soakServer.js';
import { forkUntilReady } from './serverProcess.js';
import { median } from './stats.js';
import type { Target } from './targets.js';

// The soak of `npm run bench`: the built package against the soak server in another process.
// Heap after each twentieth of the calls, after a full collection; the handles a burst of
// timeouts leaves; how random aborts settle. Printed as targets, beside the speed targets.

export interface SoakSettings {
  readonly calls: number;
  readonly heapSamples: number;
  readonly timeouts: number;
  readonly timeoutMs: number;
  readonly aborts: number;
  readonly seed: number;
}

interface SoakFigures {
  readonly settings: SoakSettings;
  /** Heap used after a full collection, MiB, after each `calls / heapSamples` calls. */
  readonly heapMiB: readonly number[];
  /** Median of the last three samples over the median of the first three. */
  readonly heapGrowth: number;
  readonly steady: Awaited<ReturnType<typeof steadyCalls>>;
  readonly burst: Awaited<ReturnType<typeof timeoutBurst>>;
  readonly aborts: Awaited<ReturnType<typeof randomAborts>>;
  readonly durationMs: number;
}

const isCollector = (f: unknown): f is () => void => typeof f === 'function';

/** A full garbage collection, without starting Node with --expose-gc. */
const collector = (): (() => void) => {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (!isCollector(gc)) throw new Error('could not reach the garbage collector');
  return gc;
};

interface ChildServer {
  readonly origin: string;
  readonly stop: () => Promise<void>;
}

const isReady = (m: unknown): m is { origin: string } =>
  typeof m === 'object' && m !== null && 'origin' in m && typeof m.origin === 'string';

const startChild = async (): Promise<ChildServer> => {
  const { ready, stop } = await forkUntilReady('./soakServerChild.ts', isReady);
  return { origin: ready.origin, stop };
};

/** The server's count of held requests still open, asked on a connection of its own. */
const heldOpen = (origin: string) => (): Promise<number> =>
  new Promise((resolve, reject) => {
    const asked = request(`${origin}${HELD_COUNT_PATH}`, { agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        const parsed: unknown = JSON.parse(text);
        const held: unknown =
          typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'held') : undefined;
        if (typeof held === 'number') resolve(held);
        else reject(new Error(`unexpected answer from ${HELD_COUNT_PATH}: ${text}`));
      });
    });
    asked.on('error', reject);
    asked.end();
  });

const MIB = 1024 * 1024;

export const measureSoak = async (
  sdk: BuiltSdk,
  settings: SoakSettings,
  progress: (line: string) => void,
): Promise<SoakFigures> => {
  const started = performance.now();
  const gc = collector();
  const server = await startChild();
  const target: SoakTarget = { origin: server.origin, heldOpen: heldOpen(server.origin) };
  try {
    progress(`soak: ${settings.calls} calls, 64 in flight`);
    const heapMiB: number[] = [];
    const steady = await steadyCalls(
      sdk.index,
      target,
      settings.calls,
      settings.heapSamples,
      () => {
        gc();
        heapMiB.push(process.memoryUsage().heapUsed / MIB);
      },
    );
    progress(`soak: a burst of ${settings.timeouts} timeouts`);
    const burst = await timeoutBurst(sdk.index, target, settings.timeouts, settings.timeoutMs);
    progress(`soak: ${settings.aborts} calls aborted at random moments (seed ${settings.seed})`);
    const aborts = await randomAborts(sdk.index, target, settings.aborts, settings.seed);
    const heapGrowth = median(heapMiB.slice(-3)) / median(heapMiB.slice(0, 3));
    const durationMs = performance.now() - started;
    return { settings, heapMiB, heapGrowth, steady, burst, aborts, durationMs };
  } finally {
    await server.stop();
  }
};

const count = (record: Readonly<Record<string, number>>): number =>
  Object.values(record).reduce((sum, n) => sum + n, 0);

const check = (
  name: string,
  value: number,
  comparison: '<=' | '>=',
  limit: number,
  unit: string,
): Target => ({
  name,
  value,
  comparison,
  limit,
  unit,
  pass: comparison === '<=' ? value <= limit : value >= limit,
});

/** The soak's figures as targets: each must hold for the run to pass. */
export const soakTargets = (soak: SoakFigures): Target[] => {
  const { steady, burst, aborts, settings } = soak;
  const n = (value: number) => value.toLocaleString('en-US');
  return [
    check(
      `heap, last vs first samples of ${n(settings.calls)} calls`,
      soak.heapGrowth,
      '<=',
      1.1,
      '×',
    ),
    check(
      `calls failed or leaving handles, of ${n(settings.calls)}`,
      settings.calls -
        steady.succeeded +
        count(steady.handlesLeft) +
        (steady.closedCleanly ? 0 : 1),
      '<=',
      0,
      'calls',
    ),
    check(
      `handles or requests left after ${n(settings.timeouts)} timeouts`,
      settings.timeouts -
        burst.timedOut +
        count(burst.handlesLeft) +
        burst.heldOpen +
        (burst.closedCleanly ? 0 : 1),
      '<=',
      0,
      'left',
    ),
    check(
      `calls not settled once, of ${n(settings.aborts)} random aborts`,
      settings.aborts - aborts.settled + aborts.wrong.length + count(aborts.handlesLeft),
      '<=',
      0,
      'calls',
    ),
  ];
};

/** The figures behind the targets, in a few lines. */
export const soakSummary = (soak: SoakFigures): string => {
  const heap = soak.heapMiB.map((mib) => mib.toFixed(1)).join(' ');
  const { aborts, burst } = soak;
  return [
    `soak (${(soak.durationMs / 1000).toFixed(1)} s): heap MiB after each twentieth: ${heap}`,
    `timeouts: ${burst.timedOut}/${burst.calls} timed out, handles left ${JSON.stringify(burst.handlesLeft)}, held open ${burst.heldOpen}`,
    `random aborts: ${aborts.succeeded} succeeded, ${aborts.aborted} aborted, ${aborts.wrong.length} wrong${aborts.wrong.length > 0 ? `: ${aborts.wrong.slice(0, 3).join('; ')}` : ''}`,
  ].join('\n');
};
