import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// `npm test`: every check in turn, each an npm script that runs on its own too, stopping at the
// first that fails; then how long each took, so a slow phase shows where it is.
//   check:lock      package-lock.json says what package.json says (offline)
//   typecheck       tsc over sources, tests, examples, scripts: the only type-check; Jest's
//                   transform (@swc/jest) strips types without checking them again
//   lint            eslint, prettier
//   docs:check      TypeDoc, failing on any warning
//   test:unit       every Jest suite but the package ones, on Node 24
//   test:package    the package suites (each proves its setups on Node 24 and on the floor)
//   test:floor      the flow, integration and faults suites again on the engines floor (22.19)

const PHASES = [
  'check:lock',
  'typecheck',
  'lint',
  'docs:check',
  'test:unit -- --testPathIgnorePatterns /__tests__/package/',
  'test:package',
  'test:floor',
] as const;

const root = join(import.meta.dirname, '..');
const timings: string[] = [];
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`.padStart(8);
const started = performance.now();

const report = (): void => {
  console.log('\nnpm test phases:');
  for (const line of timings) console.log(line);
  console.log(`${'total'.padEnd(16)}${seconds(performance.now() - started)}`);
};

for (const phase of PHASES) {
  const [script = '', ...extra] = phase.split(' ');
  const began = performance.now();
  const run = spawnSync('npm', ['run', script, ...extra], { cwd: root, stdio: 'inherit' });
  const took = seconds(performance.now() - began);
  timings.push(`${script.padEnd(16)}${took}${run.status === 0 ? '' : '  FAILED'}`);
  if (run.status !== 0) {
    report();
    process.exit(1);
  }
}
report();
