import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUNDLED_ENTRY } from './build.js';
import { TOKEN } from './clients.js';
import { SESSION_ID, SESSIONS_PATH } from './fixtures.js';
import { median } from './stats.js';

// Cold start: a fresh Node process importing the built package (see build.ts), against one
// importing only undici (the floor) and one importing nothing (the process's own start); then
// what a serverless instance pays before its first answer: import plus one getSession over
// loopback, for the SDK on each path against the raw client of that path (undici.request or
// fetch, then JSON.parse). The SDK loads undici on its first call, so only "+ first call" rows
// compare like with like. Files are in the OS cache after the first run: this measures module
// loading and the first request, not the disk.

export interface ColdStartSettings {
  readonly runs: number;
  /** Runs stop once this much time has passed, when at least `minRuns` are done. */
  readonly minRuns: number;
  readonly budgetMs: number;
}

export interface ColdStartCell {
  readonly name: string;
  readonly description: string;
  /** Median time of the `import()` (and the first call, where there is one), in the process. */
  readonly importMs: number;
  /** Median time from the process's start to the end of the import. */
  readonly readyMs: number;
  /** Median wall time of the whole process, spawn to exit, seen by the harness. */
  readonly processMs: number;
  readonly runs: number;
}

export const SDK_IMPORT = 'sdk (built)';
export const UNDICI_FIRST_CALL = 'undici + first call';
export const FETCH_FIRST_CALL = 'fetch + first call';
export const SDK_FIRST_CALL = 'sdk + first call';
export const SDK_FETCH_FIRST_CALL = 'sdk fetch path + first call';

const REPO = fileURLToPath(new URL('..', import.meta.url));

const probe = (specifier: string | undefined, firstCall = ''): string =>
  [
    'const t0 = performance.now();',
    specifier === undefined
      ? 'await Promise.resolve();'
      : `const loaded = await import(${JSON.stringify(specifier)});`,
    firstCall,
    'const t1 = performance.now();',
    'process.stdout.write(JSON.stringify({ importMs: t1 - t0, readyMs: t1 }));',
  ].join('\n');

/** The statements of one getSession, checked, for each contender; `loaded` is its import. */
const firstCalls = (origin: string) => {
  const url = JSON.stringify(`${origin}${SESSIONS_PATH}/${SESSION_ID}`);
  const headers = JSON.stringify({ accept: 'application/json', authorization: `Bearer ${TOKEN}` });
  const check = (parsed: string) =>
    `if (${parsed}.session.id !== ${JSON.stringify(SESSION_ID)}) throw new Error('wrong answer');`;
  const sdk = (extra: string) =>
    [
      `const client = new loaded.APIClient(new loaded.Configuration({ basePath: ${JSON.stringify(origin)}, accessToken: ${JSON.stringify(TOKEN)}${extra} }));`,
      `const result = await client.sessionsAPI.getSession(${JSON.stringify(SESSION_ID)}).execute();`,
      `if (result._tag !== 'Right') throw new Error(result.left.message);`,
      check('result.right.data'),
    ].join('\n');
  return {
    undici: [
      `const answer = await loaded.request(${url}, { headers: ${headers} });`,
      check('JSON.parse(await answer.body.text())'),
    ].join('\n'),
    fetch: [
      `const answer = await fetch(${url}, { headers: ${headers} });`,
      check('JSON.parse(await answer.text())'),
    ].join('\n'),
    sdk: sdk(''),
    sdkFetch: sdk(', fetch: (url, init) => fetch(url, init)'),
  };
};

interface ProbeTimes {
  readonly importMs: number;
  readonly readyMs: number;
  readonly processMs: number;
}

const numberField = (u: unknown, key: string): number => {
  const value: unknown = typeof u === 'object' && u !== null ? Reflect.get(u, key) : undefined;
  if (typeof value !== 'number') throw new Error(`cold start probe: no ${key} in its output`);
  return value;
};

// A clean environment: no loader or compile cache inherited from the harness's own process.
const probeEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  delete env.NODE_COMPILE_CACHE;
  return env;
};

const runProbe = (script: string, env: NodeJS.ProcessEnv): ProbeTimes => {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: REPO,
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
  const processMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`cold start probe failed:\n${result.stderr}`);
  const output: unknown = JSON.parse(result.stdout);
  return {
    importMs: numberField(output, 'importMs'),
    readyMs: numberField(output, 'readyMs'),
    processMs,
  };
};

export const measureColdStart = (
  settings: ColdStartSettings,
  origin: string,
  progress: (line: string) => void,
): ColdStartCell[] => {
  const started = performance.now();
  const undici = import.meta.resolve('undici');
  const entry = pathToFileURL(BUNDLED_ENTRY).href;
  const calls = firstCalls(origin);
  const targets = [
    { name: 'empty process', description: 'node, importing nothing', specifier: undefined },
    { name: 'undici', description: "import('undici'), the floor", specifier: undici },
    {
      name: SDK_IMPORT,
      description: 'import of the package entry as it ships (one bundled file)',
      specifier: entry,
    },
    {
      name: UNDICI_FIRST_CALL,
      description: 'import undici, one undici.request, JSON.parse',
      specifier: undici,
      firstCall: calls.undici,
    },
    {
      name: FETCH_FIRST_CALL,
      description: 'one fetch, JSON.parse',
      specifier: undefined,
      firstCall: calls.fetch,
    },
    {
      name: SDK_FIRST_CALL,
      description: 'import the SDK, one getSession (undici loaded on the way)',
      specifier: entry,
      firstCall: calls.sdk,
    },
    {
      name: SDK_FETCH_FIRST_CALL,
      description: 'import the SDK, one getSession through its fetch setting',
      specifier: entry,
      firstCall: calls.sdkFetch,
    },
  ];
  const env = probeEnv();
  const times = targets.map((): ProbeTimes[] => []);
  for (let run = 0; run < settings.runs; run++) {
    if (run >= settings.minRuns && performance.now() - started > settings.budgetMs) break;
    progress(`cold start: run ${run + 1}/${settings.runs}`);
    // Rotating order, so that no target always runs right after another's file reads.
    for (let k = 0; k < targets.length; k++) {
      const i = (k + run) % targets.length;
      const target = targets[i];
      if (target) times[i]?.push(runProbe(probe(target.specifier, target.firstCall), env));
    }
  }
  return targets.map((target, i) => {
    const own = times[i] ?? [];
    return {
      name: target.name,
      description: target.description,
      importMs: median(own.map((t) => t.importMs)),
      readyMs: median(own.map((t) => t.readyMs)),
      processMs: median(own.map((t) => t.processMs)),
      runs: own.length,
    };
  });
};
