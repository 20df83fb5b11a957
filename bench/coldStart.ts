import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUILT_ENTRY } from './build.js';
import { median } from './stats.js';

// Cold start: a fresh Node process importing the built package (see build.ts), against one
// importing only undici (the floor) and one importing nothing (the process's own start). Files
// are in the OS cache after the first run: this measures module loading, not the disk.

export interface ColdStartSettings {
  readonly runs: number;
  /** Runs stop once this much time has passed, when at least `minRuns` are done. */
  readonly minRuns: number;
  readonly budgetMs: number;
}

export interface ColdStartCell {
  readonly name: string;
  readonly description: string;
  /** Median time of the `import()` itself, measured inside the fresh process. */
  readonly importMs: number;
  /** Median time from the process's start to the end of the import. */
  readonly readyMs: number;
  /** Median wall time of the whole process, spawn to exit, seen by the harness. */
  readonly processMs: number;
  readonly runs: number;
}

export const SDK_IMPORT = 'sdk (built)';

const REPO = fileURLToPath(new URL('..', import.meta.url));

const probe = (specifier: string | undefined): string =>
  [
    'const t0 = performance.now();',
    specifier === undefined
      ? 'await Promise.resolve();'
      : `await import(${JSON.stringify(specifier)});`,
    'const t1 = performance.now();',
    'process.stdout.write(JSON.stringify({ importMs: t1 - t0, readyMs: t1 }));',
  ].join('\n');

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
  progress: (line: string) => void,
): ColdStartCell[] => {
  const started = performance.now();
  const targets = [
    { name: 'empty process', description: 'node, importing nothing', specifier: undefined },
    {
      name: 'undici',
      description: "import('undici'), the floor",
      specifier: import.meta.resolve('undici'),
    },
    {
      name: SDK_IMPORT,
      description: 'import of the built package entry (index.js)',
      specifier: pathToFileURL(BUILT_ENTRY).href,
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
      times[i]?.push(runProbe(probe(targets[i]?.specifier), env));
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
