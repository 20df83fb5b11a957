import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The Node binary of the oldest version that package.json `engines` admits, for the floor run and
// the package tests. It comes from the npm registry's `node-<platform>-<arch>` package (the same
// registry the project's dependencies come from), unpacked into node_modules/.cache once.

const root = join(import.meta.dirname, '..');

/** The version that `engines.node` (">=X.Y.Z") names. */
export const floorVersion = (): string => {
  const manifest: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const engines: unknown =
    typeof manifest === 'object' && manifest !== null
      ? Reflect.get(manifest, 'engines')
      : undefined;
  const range: unknown =
    typeof engines === 'object' && engines !== null ? Reflect.get(engines, 'node') : undefined;
  const match = typeof range === 'string' ? /^>=(\d+\.\d+\.\d+)$/.exec(range) : null;
  if (!match?.[1]) throw new Error('package.json engines.node must read ">=X.Y.Z"');
  return match[1];
};

/** The path of the floor Node binary, fetched and unpacked on first use; checks its version. */
export const floorNode = (): string => registryNode(floorVersion());

/** The path of a Node binary of this version, from the npm registry, unpacked on first use. */
export const registryNode = (version: string): string => {
  const packageName = `node-${process.platform}-${process.arch}`;
  const cache = join(root, 'node_modules', '.cache', 'node-floor', `${packageName}-${version}`);
  const binary = join(cache, 'package', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(binary)) {
    // Unpacked beside the final folder, then renamed: a run stopped half-way leaves no binary
    // that looks complete, and two runs at once do not unpack into each other.
    const staging = `${cache}.${String(process.pid)}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    console.log(`floor: fetching ${packageName}@${version} from the npm registry`);
    execFileSync(
      'npm',
      ['pack', `${packageName}@${version}`, '--pack-destination', staging, '--silent'],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const tarball = readdirSync(staging).find((name) => name.endsWith('.tgz'));
    if (tarball === undefined) throw new Error(`npm pack left no tarball in ${staging}`);
    execFileSync('tar', ['-xzf', join(staging, tarball), '-C', staging]);
    rmSync(join(staging, tarball));
    rmSync(cache, { recursive: true, force: true });
    try {
      renameSync(staging, cache);
    } catch (error) {
      // Another run finished first; its copy is as good as this one.
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(binary)) throw error;
    }
  }
  const found = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  if (found !== `v${version}`) throw new Error(`expected Node v${version}, found ${found}`);
  return binary;
};
