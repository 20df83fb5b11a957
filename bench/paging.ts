import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isLeft } from 'fp-ts/lib/Either.js';
import { Agent, request } from 'undici';
import type { APIClient } from '../index.js';
import type { BuiltSdk } from './build.js';
import { AGENT_OPTIONS, headersLike, sdkClient, type Headers } from './clients.js';
import { PAGE_SIZE, PAGED_SESSIONS, PAGING_QUERY_PREFIX, SESSIONS_PATH } from './fixtures.js';
import { median } from './stats.js';

// Paging a 10,000-session listing (200 pages of 50) end to end, one page at a time: a raw undici
// loop that follows `more` (the floor), the SDK's pages(), and its all(). Time: contenders take
// turns in rounds (rotating order), the ratio to the floor taken within each round, the median
// reported. Memory, in separate untimed walks with a forced GC at every page: how much the heap
// grows while walking, against the heap one decoded page takes.

export interface PagingSettings {
  readonly rounds: number;
  readonly warmupWalks: number;
}

export interface PagingCell {
  readonly name: string;
  readonly description: string;
  /** Median over rounds of one whole walk. */
  readonly walkMs: number;
  /** Median of the per-round ratios to the undici loop's walk. */
  readonly ratio: number;
  readonly roundRatios: readonly number[];
}

export interface PagingHeap {
  /** The heap one page of 50 decoded sessions takes: all()'s result over the number of pages. */
  readonly onePageBytes: number;
  /** Per walker: the most the heap grew over the walk's lowest point, and what stayed after. */
  readonly walks: ReadonlyArray<{
    readonly name: string;
    readonly peakGrowthBytes: number;
    readonly retainedBytes: number;
    /** `peakGrowthBytes` in pages. */
    readonly peakPages: number;
  }>;
  /** all(): the heap its result (every session) holds, in bytes. */
  readonly allResultBytes: number;
}

const UNDICI_LOOP = 'undici loop';
export const SDK_PAGES = 'sdk pages()';
const SDK_ALL = 'sdk all()';

type OnPage = () => void;
/** One walk over the whole listing; resolves to the number of sessions seen. */
type Walk = (onPage?: OnPage) => Promise<number>;

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null;

/** The floor: undici.request per page, the body as text, JSON.parse, follow `more`. */
const undiciWalk =
  (origin: string, agent: Agent, headers: Headers): Walk =>
  async (onPage) => {
    let seen = 0;
    for (let page = 1; ; page++) {
      const answer = await request(`${origin}${SESSIONS_PATH}${PAGING_QUERY_PREFIX}${page}`, {
        method: 'GET',
        headers,
        dispatcher: agent,
      });
      if (answer.statusCode !== 200) throw new Error(`undici loop: HTTP ${answer.statusCode}`);
      const parsed: unknown = JSON.parse(await answer.body.text());
      if (
        !isObject(parsed) ||
        !Array.isArray(parsed.sessions) ||
        typeof parsed.more !== 'boolean'
      ) {
        throw new Error('undici loop: not a page');
      }
      seen += parsed.sessions.length;
      onPage?.();
      if (!parsed.more) return seen;
    }
  };

const listing = (client: APIClient) =>
  client.sessionsAPI.listSessions().orderBy('Created').pageSize(PAGE_SIZE);

const pagesWalk =
  (client: APIClient): Walk =>
  async (onPage) => {
    let seen = 0;
    for await (const page of listing(client).pages()) {
      if (isLeft(page)) throw new Error(`sdk pages(): ${page.left.message}`);
      seen += page.right.data.sessions.length;
      onPage?.();
    }
    return seen;
  };

const allWalk =
  (client: APIClient): Walk =>
  async () => {
    const all = await listing(client).all();
    if (isLeft(all)) throw new Error(`sdk all(): ${all.left.message}`);
    return all.right.length;
  };

const checked = async (name: string, walk: Walk, onPage?: OnPage): Promise<void> => {
  const seen = await walk(onPage);
  if (seen !== PAGED_SESSIONS) throw new Error(`${name}: ${seen} sessions, not ${PAGED_SESSIONS}`);
};

const timed = async (name: string, walk: Walk): Promise<number> => {
  const started = performance.now();
  await checked(name, walk);
  return performance.now() - started;
};

const isCallable = (value: unknown): value is () => void => typeof value === 'function';

/**
 * V8's gc(), reached without starting Node with --expose-gc. Bytecode flushing is turned off:
 * it would free compiled code a few collections later, and the heap would shrink under the
 * figures by more than a page.
 */
const forcedGc = (): (() => void) => {
  setFlagsFromString('--expose-gc');
  setFlagsFromString('--no-flush-bytecode');
  const gc: unknown = runInNewContext('gc');
  if (!isCallable(gc)) throw new Error('gc() is not available');
  return gc;
};

// Where a program's objects live; code and bytecode (code, trusted spaces) grow as the JIT
// warms up, by more than a page, and are left out.
const DATA_SPACES = new Set([
  'new_space',
  'old_space',
  'large_object_space',
  'new_large_object_space',
]);

/** The heap its objects take after full collections (two: the first may leave finalised ones). */
const heapAfterGc = (gc: () => void): number => {
  gc();
  gc();
  let used = 0;
  for (const space of getHeapSpaceStatistics()) {
    if (DATA_SPACES.has(space.space_name)) used += space.space_used_size;
  }
  return used;
};

const measureHeap = async (
  contenders: ReadonlyArray<readonly [string, Walk]>,
  client: APIClient,
): Promise<PagingHeap> => {
  const gc = forcedGc();
  // all() resolves to every session: held until measured, it gives the heap a page takes.
  const before = heapAfterGc(gc);
  const all = await listing(client).all();
  const allResultBytes = heapAfterGc(gc) - before;
  if (isLeft(all) || all.right.length !== PAGED_SESSIONS) throw new Error(`${SDK_ALL}: failed`);
  const onePageBytes = allResultBytes / (PAGED_SESSIONS / PAGE_SIZE);

  const walks = [];
  for (const [name, walk] of contenders) {
    const start = heapAfterGc(gc);
    // The heap at each page, after a GC: what the walk holds then, and what it leaves behind.
    const samples: number[] = [];
    await checked(name, walk, () => {
      samples.push(heapAfterGc(gc));
    });
    const end = heapAfterGc(gc);
    // Measured from the lowest point of the walk rather than from before it: what an earlier
    // walk left for the collector to finish would otherwise pass for a shrinking heap.
    const floor = Math.min(start, ...samples, end);
    const peakGrowthBytes = Math.max(...samples) - floor;
    const retainedBytes = end - floor;
    walks.push({ name, peakGrowthBytes, retainedBytes, peakPages: peakGrowthBytes / onePageBytes });
  }
  return { onePageBytes, walks, allResultBytes };
};

export interface PagingResult {
  readonly cells: readonly PagingCell[];
  readonly heap: PagingHeap;
}

export const measurePaging = async (
  sdk: BuiltSdk,
  origin: string,
  settings: PagingSettings,
  progress: (line: string) => void,
): Promise<PagingResult> => {
  const agents = [new Agent(AGENT_OPTIONS), new Agent(AGENT_OPTIONS)] as const;
  try {
    const client = sdkClient(sdk, origin, agents[1]);
    const contenders: ReadonlyArray<readonly [string, string, Walk]> = [
      [
        UNDICI_LOOP,
        'undici.request per page, JSON.parse, follow more',
        undiciWalk(origin, agents[0], headersLike(sdk)),
      ],
      [
        SDK_PAGES,
        'for await (… of listSessions().pages()): every page checked against the spec',
        pagesWalk(client),
      ],
      [SDK_ALL, 'listSessions().all(): every session, deduplicated by id', allWalk(client)],
    ];
    for (const [name, , walk] of contenders) {
      for (let i = 0; i < settings.warmupWalks; i++) await checked(name, walk);
    }
    const times = contenders.map((): number[] => []);
    for (let round = 0; round < settings.rounds; round++) {
      progress(`paging ${PAGED_SESSIONS} sessions: round ${round + 1}/${settings.rounds}`);
      for (let k = 0; k < contenders.length; k++) {
        const i = (k + round) % contenders.length;
        const contender = contenders[i];
        if (contender) times[i]?.push(await timed(contender[0], contender[2]));
      }
    }
    const floor = times[0] ?? [];
    const cells = contenders.map(([name, description], i) => {
      const own = times[i] ?? [];
      const roundRatios = own.map((t, r) => t / (floor[r] ?? Number.NaN));
      return { name, description, walkMs: median(own), ratio: median(roundRatios), roundRatios };
    });
    progress('paging: heap, with a GC at every page');
    const heap = await measureHeap(
      contenders
        .filter(([name]) => name !== SDK_ALL)
        .map(([name, , walk]) => [name, walk] as const),
      client,
    );
    return { cells, heap };
  } finally {
    await Promise.all(agents.map((agent) => agent.close()));
  }
};
