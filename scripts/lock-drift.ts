import { readFileSync } from 'node:fs';

// Whether package-lock.json still says what package.json says, so that `npm install` on a fresh
// clone leaves it unchanged (npm rewrites the lock's root entry whenever the manifest's name,
// version, bin, engines, license or dependency ranges differ from it). Offline: it compares the
// two files as npm writes the root entry, and checks that every dependency the manifest names is
// locked. `npm install` regenerates a lock that passes.

/** The root-entry fields npm copies from package.json, and how it writes each. */
const COPIED = [
  'name',
  'version',
  'license',
  'bin',
  'engines',
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
] as const;

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON file that must hold an object. */
export const readJson = (path: string): Json => {
  const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isObject(value)) throw new Error(`${path} is not a JSON object`);
  return value;
};

/** npm writes `bin` paths without a leading `./`, and a string `bin` as a map by package name. */
const lockedBin = (manifest: Json): unknown => {
  const bin = manifest.bin;
  const name = typeof manifest.name === 'string' ? manifest.name : '';
  const entries =
    typeof bin === 'string' ? [[name, bin]] : isObject(bin) ? Object.entries(bin) : [];
  if (bin === undefined) return undefined;
  return Object.fromEntries(
    entries.map(([command, path]) => [command, String(path).replace(/^\.\//, '')]),
  );
};

const differs = (what: string, expected: unknown, locked: unknown): string =>
  `${what}: package.json says ${JSON.stringify(expected)}, the lock ${JSON.stringify(locked)}`;

/** Every way the lock differs from the manifest, as sentences; none when it is current. */
export const lockDrift = (manifest: Json, lock: Json): string[] => {
  const problems: string[] = [];
  const packages = isObject(lock.packages) ? lock.packages : {};
  const root = isObject(packages['']) ? packages[''] : {};
  for (const field of COPIED) {
    const expected = field === 'bin' ? lockedBin(manifest) : manifest[field];
    const locked = root[field];
    if (isObject(expected) && isObject(locked)) {
      // Ranges one by one, so that a long list names just what moved.
      for (const key of new Set([...Object.keys(expected), ...Object.keys(locked)])) {
        if (expected[key] !== locked[key]) {
          problems.push(differs(`${field}.${key}`, expected[key], locked[key]));
        }
      }
    } else if (JSON.stringify(expected) !== JSON.stringify(locked)) {
      problems.push(differs(field, expected, locked));
    }
  }
  for (const field of ['name', 'version'] as const) {
    if (manifest[field] !== lock[field]) problems.push(`the lock's top-level "${field}" differs`);
  }
  for (const field of DEPENDENCY_FIELDS) {
    const ranges = manifest[field];
    for (const name of isObject(ranges) ? Object.keys(ranges) : []) {
      if (!isObject(packages[`node_modules/${name}`])) {
        problems.push(`${name} (${field}) is not in the lock`);
      }
    }
  }
  return problems;
};
