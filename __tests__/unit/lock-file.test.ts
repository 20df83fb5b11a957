import { join } from 'node:path';
import { lockDrift, readJson } from '../../scripts/lock-drift.js';
import { REPO_ROOT } from '../support/processes.js';

// `npm install` on a fresh clone must leave package-lock.json as committed: the lock's root entry
// says what package.json says, and every dependency is locked (scripts/check-lock.ts, the first
// phase of `npm test`, runs the same check).

const manifest = readJson(join(REPO_ROOT, 'package.json'));
const lock = readJson(join(REPO_ROOT, 'package-lock.json'));

/** The lock with its root entry changed by `change`. */
const withRoot = (change: (root: Record<string, unknown>) => void) => {
  const copy = structuredClone(lock);
  const packages = copy.packages;
  if (typeof packages !== 'object' || packages === null) throw new Error('a lock has packages');
  const root: unknown = Reflect.get(packages, '');
  if (typeof root !== 'object' || root === null) throw new Error('a lock has a root entry');
  const changed = Object.fromEntries(Object.entries(root));
  change(changed);
  Reflect.set(packages, '', changed);
  return copy;
};

test('the committed lock matches package.json', () => {
  expect(lockDrift(manifest, lock)).toEqual([]);
});

test("a lock whose root entry lacks `bin` (this repository's until now) is reported", () => {
  const drift = lockDrift(
    manifest,
    withRoot((root) => {
      delete root.bin;
    }),
  );
  expect(drift).toEqual([
    'bin: package.json says {"trinsic-connect-sandbox":"dist/sandbox/bin.js"}, the lock undefined',
  ]);
});

test('a moved range is named by itself, and a dependency missing from the lock is reported', () => {
  const drift = lockDrift(
    { ...manifest, devDependencies: { ...Object(manifest.devDependencies), 'left-pad': '^1.3.0' } },
    lock,
  );
  expect(drift).toEqual([
    'devDependencies.left-pad: package.json says "^1.3.0", the lock undefined',
    'left-pad (devDependencies) is not in the lock',
  ]);
});
