import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import jestConfig from '../jest.config.js';
import { floorNode } from './floor-node.js';

// `npm run test:floor`: what depends on the Node version, again on the oldest Node that
// package.json `engines` admits, after `npm run test:unit` ran everything on the Node of the npm
// scripts (24). That is what runs on Node's own sockets, timers, streams and child processes: the
// integration suites (the sandbox and the examples over real loopback HTTP; `flow.test.ts` runs
// `npm start`'s flow as a child process, so on this Node too) and the faults suites (connection
// failures, timeouts, hostile bodies, retries, undici's dispatchers). Not repeated: the unit and
// property suites (the same logic under nock, nothing there that Node 22 runs differently without
// the faults suites seeing it too), the browser suites (Chromium's side does not change with Node,
// and their Node side is the sandbox the integration suites cover), and
// `integration/adding-an-operation.test.ts` (TypeScript, TypeDoc and the unit suites over a copy of
// the tree: what the compilers say does not depend on the Node that starts them, and the unit
// suites are not a floor matter); the package suites run each of their setups on both Node
// versions themselves.
const root = join(import.meta.dirname, '..');
const node = floorNode();
const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();

const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
// Passed as JSON rather than as jest.config.ts, so that Jest does not have to load TypeScript.
const config = JSON.stringify({ ...jestConfig, rootDir: root });
const args = [
  jest,
  '--config',
  config,
  '/__tests__/(integration|faults)/',
  '--testPathIgnorePatterns',
  '/__tests__/integration/adding-an-operation\\.test\\.ts$',
];

console.log(`floor: the integration and faults suites on Node ${version}`);
const run = spawnSync(node, args, { cwd: root, stdio: 'inherit', env: floorEnvironment() });
if (run.status !== 0) {
  console.error(`floor: failed on Node ${version} (exit ${String(run.status)})`);
  process.exit(1);
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
