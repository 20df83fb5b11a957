import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

// The package as npm would publish it: `npm run build`, then `npm pack`, once for every state of
// the sources. Jest runs the package suites in parallel workers; the first to ask builds and packs
// (under a lock), the others wait for it, and later runs with unchanged sources reuse the result.

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CACHE = join(REPO_ROOT, 'node_modules', '.cache', 'package-tests');
const LOCK = join(CACHE, 'build.lock');
const STALE_LOCK_MS = 5 * 60_000;

/** What went into the package: every source of the build and every file that ships. */
const INPUTS = [
  'index.ts',
  'lib',
  'models',
  'requests',
  'sandbox',
  'scripts/build.ts',
  'scripts/bundle-entry.ts',
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'tsconfig.build.cjs.json',
  'README.md',
  'LICENSE',
];

export interface Tarball {
  /** The .tgz file. */
  readonly file: string;
  /** Its size, and the size of what it unpacks to, in bytes. */
  readonly size: number;
  readonly unpackedSize: number;
  /** Every path in it, relative to the package's root. */
  readonly files: readonly string[];
}

const sourcesKey = (): string => {
  const hash = createHash('sha256');
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else {
      hash.update(path.slice(REPO_ROOT.length)).update('\0').update(readFileSync(path));
    }
  };
  for (const input of INPUTS) visit(join(REPO_ROOT, input));
  return hash.digest('hex').slice(0, 16);
};

const isTarball = (value: unknown): value is Tarball =>
  typeof value === 'object' &&
  value !== null &&
  typeof Reflect.get(value, 'file') === 'string' &&
  Array.isArray(Reflect.get(value, 'files'));

/** Runs a command; on failure, the error carries the command's own output. */
export const run = (
  file: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly env?: NodeJS.ProcessEnv },
): string => {
  try {
    return execFileSync(file, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const output = (key: string): string =>
      typeof error === 'object' && error !== null && key in error
        ? String(Reflect.get(error, key))
        : '';
    throw new Error(`${file} ${args.join(' ')} failed:\n${output('stdout')}${output('stderr')}`);
  }
};

/** Runs a command without blocking this process (which may be serving it); resolves to stdout. */
export const runAsync = (
  file: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly env?: NodeJS.ProcessEnv },
): Promise<string> =>
  new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${file} ${args.join(' ')} failed:\n${stdout}${stderr}`));
        else resolve(stdout);
      },
    );
  });

const buildAndPack = (folder: string): Tarball => {
  run('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT });
  const staging = `${folder}.${String(process.pid)}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // The build just ran; --ignore-scripts keeps prepack from running it again.
  const json = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', staging], {
    cwd: REPO_ROOT,
  });
  const parsed: unknown = JSON.parse(json);
  const packed: unknown = Array.isArray(parsed) ? parsed[0] : parsed;
  if (typeof packed !== 'object' || packed === null) throw new Error(`npm pack said: ${json}`);
  const filename = String(Reflect.get(packed, 'filename'));
  const files: unknown = Reflect.get(packed, 'files');
  const tarball: Tarball = {
    file: join(folder, filename),
    size: Number(Reflect.get(packed, 'size')),
    unpackedSize: Number(Reflect.get(packed, 'unpackedSize')),
    files: Array.isArray(files)
      ? files.map((entry: unknown) => String(Reflect.get(Object(entry), 'path')))
      : [],
  };
  writeFileSync(join(staging, 'tarball.json'), JSON.stringify(tarball));
  renameSync(staging, folder);
  return tarball;
};

const readTarball = (folder: string): Tarball | undefined => {
  const manifest = join(folder, 'tarball.json');
  if (!existsSync(manifest)) return undefined;
  const value: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
  return isTarball(value) ? value : undefined;
};

/** The packed package for the sources as they are now; builds and packs it if no run has yet. */
export const packedTarball = async (): Promise<Tarball> => {
  const folder = join(CACHE, sourcesKey());
  mkdirSync(CACHE, { recursive: true });
  for (;;) {
    const ready = readTarball(folder);
    if (ready) return ready;
    try {
      mkdirSync(LOCK);
    } catch {
      // Another worker is building; a lock left by a killed run is taken over once it is old.
      const since = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > STALE_LOCK_MS) {
        rmSync(LOCK, { recursive: true, force: true });
      }
      await sleep(250);
      continue;
    }
    try {
      const built = readTarball(folder) ?? buildAndPack(folder);
      // Only the newest package is kept.
      for (const name of readdirSync(CACHE)) {
        if (name !== 'build.lock' && join(CACHE, name) !== folder) {
          rmSync(join(CACHE, name), { recursive: true, force: true });
        }
      }
      return built;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
};
