import { join } from 'node:path';
import { runStages, type Stage } from './phases.js';

// `npm test`: every check, each an npm script that also runs on its own; then how long each took,
// so that a slow phase shows where it is. Stages run in turn; the lanes of a stage side by side
// (scripts/phases.ts), which is where a 2-core machine's second core earns its keep:
//   check:lock      package-lock.json says what package.json says (offline); first, since
//                   nothing after it means much on a wrong install
//   typecheck       tsc over sources, tests, examples, scripts: the only type-check; Jest's
//                   transform (@swc/jest) strips types without checking them again
//   lint            eslint, prettier
//   docs:check      TypeDoc, failing on any warning
//     beside them:
//   test:unit       every Jest suite but the package ones, on Node 24, a Jest worker per core:
//                   the three checks above take one core for about half of its run, and it
//                   spends a third of its time waiting on sockets, timers and child processes
//   test:package    the package suites (each proves its setups on Node 24 and on the floor);
//                   alone, since they build, install and compile on every core
//   test:floor      the integration and faults suites again on the engines floor (22.19)

const STAGES: readonly Stage[] = [
  [['check:lock']],
  [
    ['typecheck', 'lint', 'docs:check'],
    ['test:unit -- --testPathIgnorePatterns /__tests__/package/'],
  ],
  [['test:package']],
  [['test:floor']],
];

const passed = await runStages(join(import.meta.dirname, '..'), STAGES);
process.exit(passed ? 0 : 1);
