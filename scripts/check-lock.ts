import { join } from 'node:path';
import { lockDrift, readJson } from './lock-drift.js';

// `npm run check:lock`, the first phase of `npm test`: fails, saying how, when package-lock.json
// no longer matches package.json (the fix is `npm install`, then commit the lock).

const root = join(import.meta.dirname, '..');
const problems = lockDrift(
  readJson(join(root, 'package.json')),
  readJson(join(root, 'package-lock.json')),
);
if (problems.length > 0) {
  console.error('package-lock.json is out of date with package.json (run `npm install`):');
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log('package-lock.json matches package.json');
