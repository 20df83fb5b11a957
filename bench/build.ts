import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as SdkIndex from '../index.js';
import { bundleEntry } from '../scripts/bundle-entry.js';
import type * as SdkDecode from '../lib/schema/decode.js';

// The SDK is measured as it ships: compiled by the project's tsc (tsconfig.build.json) into
// bench/results/build, and loaded from there. Not the TypeScript sources through tsx: tsx's
// esbuild transform wraps every function with `__name` (keepNames), which on its own makes the
// decoding here about 1.5× slower. The build is redone only when a source is newer than it.

const BUILD_DIR = fileURLToPath(new URL('./results/build/', import.meta.url));
const BUILT_ENTRY = join(BUILD_DIR, 'index.js');
/**
 * The entry bundled into one file as the package ships it, for the cold start. The measurements
 * in this process load the unbundled entry: same code, and one copy of each module with the
 * decoding module that the decode figures load on its own.
 */
export const BUNDLED_ENTRY = join(BUILD_DIR, 'index.bundle.js');

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BUILD_STAMP = join(BUILD_DIR, '.built');
const SOURCES = [
  'index.ts',
  'lib',
  'models',
  'requests',
  'package.json',
  'tsconfig.json',
  'scripts/bundle-entry.ts',
];

/** The newest modification time among the package's sources. */
const newestSource = (): number => {
  let newest = statSync(join(REPO, 'tsconfig.build.json')).mtimeMs;
  for (const source of SOURCES) {
    const path = join(REPO, source);
    const files = statSync(path).isDirectory()
      ? readdirSync(path, { recursive: true, encoding: 'utf8' }).map((f) => join(path, f))
      : [path];
    for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
};

const builtAt = (): number => {
  try {
    return statSync(BUILD_STAMP).mtimeMs;
  } catch {
    return 0;
  }
};

/**
 * Compiles the package as `npm run build` does, without declarations or source maps, unless the
 * last such build is newer than every source. Returns the time spent compiling (0 if none).
 */
export const buildPackage = async (): Promise<number> => {
  if (builtAt() > newestSource()) return 0;
  const started = performance.now();
  rmSync(BUILD_DIR, { recursive: true, force: true });
  const tsc = fileURLToPath(import.meta.resolve('typescript/bin/tsc'));
  const args = ['-p', 'tsconfig.build.json', '--outDir', BUILD_DIR];
  args.push('--declaration', 'false', '--declarationMap', 'false', '--sourceMap', 'false');
  const result = spawnSync(process.execPath, [tsc, ...args], { cwd: REPO, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`building the package failed:\n${result.stdout}${result.stderr}`);
  }
  mkdirSync(BUILD_DIR, { recursive: true });
  await bundleEntry(BUILD_DIR, 'index.bundle.js');
  // The package's own `#undici-route` import, resolved inside this build rather than in dist/.
  const scope = { type: 'module', imports: { '#undici-route': './lib/http/undici-route.js' } };
  writeFileSync(join(BUILD_DIR, 'package.json'), `${JSON.stringify(scope)}\n`);
  writeFileSync(BUILD_STAMP, `${new Date().toISOString()}\n`);
  return performance.now() - started;
};

/** The built package's entry, and its decoding module for the decode-alone figures. */
export interface BuiltSdk {
  readonly index: typeof SdkIndex;
  readonly decode: typeof SdkDecode;
}

const hasFunctions = (module: unknown, names: readonly string[]): boolean =>
  typeof module === 'object' &&
  module !== null &&
  names.every((name) => typeof Reflect.get(module, name) === 'function');

// The compiled modules are the sources' own emit, so their types are the sources' types; the
// checks make sure that the files loaded are those modules.
const isSdkIndex = (module: unknown): module is typeof SdkIndex =>
  hasFunctions(module, ['APIClient', 'Configuration']) &&
  hasFunctions(Reflect.get(Object(module), 'ListSessionsResponse'), ['decode', 'is']);

const isSdkDecode = (module: unknown): module is typeof SdkDecode =>
  hasFunctions(module, ['decodeValue', 'decodeJson']);

export const loadBuiltSdk = async (): Promise<BuiltSdk> => {
  const index: unknown = await import(pathToFileURL(BUILT_ENTRY).href);
  const decode: unknown = await import(pathToFileURL(join(BUILD_DIR, 'lib/schema/decode.js')).href);
  if (!isSdkIndex(index) || !isSdkDecode(decode)) {
    throw new Error(`${BUILD_DIR} does not hold the built package`);
  }
  return { index, decode };
};
