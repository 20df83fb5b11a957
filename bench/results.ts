import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Target } from './targets.js';

// The JSON record of a run, for comparing runs: bench/results/<timestamp>.json and latest.json.

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const LATEST = `${RESULTS_DIR}latest.json`;

export const machine = () => ({
  node: process.version,
  v8: process.versions.v8,
  bundledUndici: process.versions.undici,
  platform: `${platform()} ${release()}`,
  arch: process.arch,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  loadAverage1mAtStart: loadavg()[0],
});

/** The target values of the last run, by name; empty when there is none or it is unreadable. */
export const previousTargets = (): Map<string, number> => {
  const found = new Map<string, number>();
  let record: unknown;
  try {
    record = JSON.parse(readFileSync(LATEST, 'utf8'));
  } catch {
    return found;
  }
  const targets: unknown =
    typeof record === 'object' && record !== null ? Reflect.get(record, 'targets') : undefined;
  if (!Array.isArray(targets)) return found;
  for (const entry of targets) {
    const name: unknown =
      typeof entry === 'object' && entry !== null ? Reflect.get(entry, 'name') : undefined;
    const value: unknown =
      typeof entry === 'object' && entry !== null ? Reflect.get(entry, 'value') : undefined;
    if (typeof name === 'string' && typeof value === 'number') found.set(name, value);
  }
  return found;
};

/**
 * Writes the record under a timestamped name and, unless it is a quick run (too short to
 * compare with), as latest.json. Returns the names written.
 */
export const writeResults = (
  record: { readonly targets: readonly Target[] } & Readonly<Record<string, unknown>>,
  startedAt: Date,
  quick: boolean,
): string[] => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const text = `${JSON.stringify(record, null, 2)}\n`;
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const file = `${RESULTS_DIR}${stamp}${quick ? '-quick' : ''}.json`;
  writeFileSync(file, text);
  if (quick) return [file];
  writeFileSync(LATEST, text);
  return [file, LATEST];
};
