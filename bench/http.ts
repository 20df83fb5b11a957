import {
  CLIENTS,
  connectionsOf,
  BASELINE,
  type ClientName,
  type Clients,
  type OperationName,
} from './clients.js';
import { runConcurrent, runSequential, type Bounds, type Call, type RunSample } from './loops.js';
import { concatSamples, median, summariseLatencies } from './stats.js';

// The HTTP half: each client, each operation, one call at a time and 64 in flight. Clients take
// turns within a round, and the order rotates from round to round (A B C, B C A, C A B …), so
// drift on a shared machine does not favour one side; each ratio to the floor is taken within
// a round, then the median over rounds is reported.

export type Mode = 'sequential' | 'concurrent';

/** How many rounds, and each client's run in a round. */
interface ModeSettings extends Bounds {
  readonly rounds: number;
}

export interface HttpSettings {
  readonly concurrency: number;
  readonly sequential: ModeSettings;
  readonly concurrent: ModeSettings;
  readonly warmup: { readonly sequential: Bounds; readonly concurrent: Bounds };
}

export interface HttpCell {
  readonly operation: OperationName;
  readonly mode: Mode;
  readonly client: ClientName;
  /** Calls measured, over all rounds. */
  readonly calls: number;
  /** Median over rounds of each round's mean latency. */
  readonly meanMs: number;
  /** Percentiles of all the rounds' latencies together. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Median over rounds of calls completed per second of wall time. */
  readonly requestsPerSecond: number;
  /**
   * Against its baseline (raw undici; raw fetch for `sdk-fetch` and `fetch+abort`), median of the per-round ratios: time per call for sequential runs
   * (above 1 is slower), requests/s for concurrent runs (below 1 is slower).
   */
  readonly ratio: number;
  readonly roundRatios: readonly number[];
  /** Connections the client's Agent held open after these runs. */
  readonly connections: number;
}

type Progress = (line: string) => void;

const rotate = <T>(items: readonly T[], by: number): T[] => {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
};

const throughput = (sample: RunSample): number =>
  (sample.latencies.length / sample.elapsedMs) * 1000;

const meanOf = (sample: RunSample): number => summariseLatencies(sample.latencies).meanMs;

const measureOnce = (mode: Mode, call: Call, settings: HttpSettings): Promise<RunSample> =>
  mode === 'sequential'
    ? runSequential(call, settings.sequential)
    : runConcurrent(call, settings.concurrency, settings.concurrent);

const warmUp = async (call: Call, settings: HttpSettings): Promise<void> => {
  await runSequential(call, settings.warmup.sequential);
  // Also opens the Agent's connections before anything is timed.
  await runConcurrent(call, settings.concurrency, settings.warmup.concurrent);
};

const cellOf = (
  operation: OperationName,
  mode: Mode,
  client: ClientName,
  samples: readonly RunSample[],
  floor: readonly RunSample[],
  connections: number,
): HttpCell => {
  const all = summariseLatencies(concatSamples(samples.map((s) => s.latencies)));
  const roundRatios = samples.map((sample, i) => {
    const base = floor[i];
    if (base === undefined) return Number.NaN;
    return mode === 'sequential'
      ? meanOf(sample) / meanOf(base)
      : throughput(sample) / throughput(base);
  });
  return {
    operation,
    mode,
    client,
    calls: all.count,
    meanMs: median(samples.map(meanOf)),
    p50Ms: all.p50Ms,
    p99Ms: all.p99Ms,
    requestsPerSecond: median(samples.map(throughput)),
    ratio: median(roundRatios),
    roundRatios,
    connections,
  };
};

export const measureHttp = async (
  clients: Clients,
  operations: readonly OperationName[],
  settings: HttpSettings,
  progress: Progress,
): Promise<HttpCell[]> => {
  const cells: HttpCell[] = [];
  for (const operation of operations) {
    for (const client of CLIENTS) {
      await warmUp(clients.calls[client][operation], settings);
      if (connectionsOf(clients.agents[client], clients.origin) === 0) {
        throw new Error(`${client}: its calls do not go through its Agent`);
      }
    }
    for (const mode of ['sequential', 'concurrent'] as const) {
      const samples = new Map<ClientName, RunSample[]>(CLIENTS.map((c) => [c, []]));
      const { rounds } = settings[mode];
      progress(`http ${operation} ${mode}: ${rounds} rounds`);
      for (let round = 0; round < rounds; round++) {
        for (const client of rotate(CLIENTS, round)) {
          samples
            .get(client)
            ?.push(await measureOnce(mode, clients.calls[client][operation], settings));
        }
      }
      for (const client of CLIENTS) {
        const connections = connectionsOf(clients.agents[client], clients.origin);
        const baseline = samples.get(BASELINE[client]) ?? [];
        const own = samples.get(client) ?? [];
        cells.push(cellOf(operation, mode, client, own, baseline, connections));
      }
    }
  }
  return cells;
};
