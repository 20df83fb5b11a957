import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import jestConfig from '../jest.config.js';

// Runs the SDK on the oldest Node that package.json `engines` admits: the main flow against the
// sandbox (all nine operations end to end) and the integration suite. The binary comes from the
// npm registry's `node-<platform>-<arch>` package, unpacked into node_modules/.cache once.

const root = join(import.meta.dirname, '..');
const manifest: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const floor = floorVersion(manifest);
const packageName = `node-${process.platform}-${process.arch}`;
const cache = join(root, 'node_modules', '.cache', 'node-floor', `${packageName}-${floor}`);
const floorNode = join(cache, 'package', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');

function floorVersion(pkg: unknown): string {
  const range =
    typeof pkg === 'object' && pkg !== null && 'engines' in pkg
      ? JSON.stringify(pkg.engines).match(/"node":">=(\d+\.\d+\.\d+)"/)
      : null;
  if (!range?.[1]) throw new Error('package.json engines.node must read ">=X.Y.Z"');
  return range[1];
}

if (!existsSync(floorNode)) {
  mkdirSync(cache, { recursive: true });
  console.log(`floor: fetching ${packageName}@${floor} from the npm registry`);
  execFileSync(
    'npm',
    ['pack', `${packageName}@${floor}`, '--pack-destination', cache, '--silent'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const tarball = readdirSync(cache).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack left no tarball in ${cache}`);
  execFileSync('tar', ['-xzf', join(cache, tarball), '-C', cache]);
}

const version = execFileSync(floorNode, ['--version'], { encoding: 'utf8' }).trim();
if (version !== `v${floor}`) throw new Error(`expected Node v${floor}, found ${version}`);

const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const steps: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['the main flow against the sandbox', [tsx, 'examples/flow/start.ts']],
  // Node 20 cannot load jest.config.ts (no type stripping), so the config goes over as JSON.
  [
    'the integration suite',
    [jest, '--config', JSON.stringify({ ...jestConfig, rootDir: root }), '__tests__/integration'],
  ],
];

for (const [what, args] of steps) {
  console.log(`floor: ${what} on Node ${version}`);
  const run = spawnSync(floorNode, args, {
    cwd: root,
    stdio: 'inherit',
    env: floorEnvironment(),
  });
  if (run.status !== 0) {
    console.error(`floor: ${what} failed on Node ${version} (exit ${String(run.status)})`);
    process.exit(1);
  }
}
console.log(`floor: passed on Node ${version}`);

function floorEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: '--experimental-vm-modules --no-warnings',
  };
  // The real API is never the target here, whatever the caller's environment says.
  delete env.TRINSIC_BASE_URL;
  delete env.TRINSIC_API_KEY;
  return env;
}
