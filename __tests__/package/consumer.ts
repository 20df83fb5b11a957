import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { floorNode, floorVersion } from '../../scripts/floor-node.js';
import { packedTarball, REPO_ROOT, run, type Tarball } from './tarball.js';

// A fresh project that installed the packed package as a user does (`npm install <tarball>`; npm
// adds the peer packages fp-ts and io-ts), from npm's cache when it can, so with no network. Tools
// a test needs beside it (TypeScript, Jest, esbuild, another undici major) are linked from this
// repository's node_modules, where they are already installed.

export interface NodeVersion {
  readonly label: string;
  readonly path: string;
}

/** The Node of this test run (the npm scripts', 24) and the `engines` floor. */
export const nodeVersions = (): readonly NodeVersion[] => [
  { label: `Node ${process.version}`, path: process.execPath },
  { label: `Node v${floorVersion()} (the engines floor)`, path: floorNode() },
];

export interface Consumer {
  readonly dir: string;
  readonly tarball: Tarball;
  /** Writes a file of the project (folders made as needed); returns its path. */
  write(path: string, content: string): string;
  /** Runs a command in the project (or in `cwd` under it) with a clean environment. */
  run(file: string, args: readonly string[], cwd?: string): string;
  /** Runs a script with the given Node; returns its stdout. */
  node(node: NodeVersion, script: string, cwd?: string): string;
  remove(): void;
}

interface ConsumerOptions {
  /** `"module"`, `"commonjs"`, or none (npm's default: CommonJS). */
  readonly type?: 'module' | 'commonjs';
  /** More packages to install with the SDK, as npm specs (`fp-ts@2.16.0`). */
  readonly install?: readonly string[];
  /** Packages linked from this repository's node_modules (name there, name in the project). */
  readonly link?: readonly (string | readonly [string, string])[];
}

/** A process environment without this test run's settings (NODE_OPTIONS, Jest's, Trinsic's). */
export const cleanEnvironment = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(NODE_OPTIONS|JEST_|TRINSIC_|SANDBOX_|npm_)/.test(name)) env[name] = value;
  }
  return env;
};

export const installConsumer = async (options: ConsumerOptions = {}): Promise<Consumer> => {
  const tarball = await packedTarball();
  const dir = mkdtempSync(join(tmpdir(), 'connect-consumer-'));
  const manifest = { name: 'consumer', version: '1.0.0', private: true, type: options.type };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  const env = cleanEnvironment();
  run(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      tarball.file,
      ...(options.install ?? []),
    ],
    { cwd: dir, env },
  );
  for (const entry of options.link ?? []) {
    const [from, to] = typeof entry === 'string' ? [entry, entry] : entry;
    const target = join(dir, 'node_modules', to);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(join(REPO_ROOT, 'node_modules', from), target);
  }
  return {
    dir,
    tarball,
    write: (path, content) => {
      const file = join(dir, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      return file;
    },
    run: (file, args, cwd = dir) => run(file, args, { cwd, env }),
    node: (node, script, cwd = dir) => run(node.path, [script], { cwd, env }),
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** The last line a script printed, parsed as JSON. */
export const lastJson = (stdout: string): unknown =>
  JSON.parse(stdout.trim().split('\n').at(-1) ?? 'null');
