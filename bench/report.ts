import type { ColdStartCell } from './coldStart.js';
import type { DecodeCell } from './decode.js';
import type { HttpCell } from './http.js';
import type { PagingCell, PagingHeap } from './paging.js';
import type { Target } from './targets.js';

// The tables printed at the end of a run.

/** A plain-text table: the first `textColumns` columns left-aligned, the figures right-aligned. */
const table = (
  header: readonly string[],
  rows: readonly (readonly string[])[],
  textColumns: number,
): string => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) =>
        i < textColumns ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
};

const us = (ms: number): string => (ms * 1000).toFixed(0);
const fixed = (n: number, digits: number): string => (Number.isFinite(n) ? n.toFixed(digits) : '-');

const HTTP_LEGEND = [
  '× base: the median of per-round ratios to raw undici (to raw fetch + JSON.parse for sdk-fetch,',
  "the SDK's fetch path, and for fetch+abort, raw fetch given an AbortSignal and a timer as the",
  'fetch path gives it): time per call for sequential calls (lower is better), requests/s for',
  '64 in flight (higher is better). Latencies in µs.',
].join('\n');

export const httpTable = (cells: readonly HttpCell[]): string => {
  const rows = cells.map((c) => [
    c.operation,
    c.mode === 'sequential' ? 'sequential' : '64 in flight',
    c.client,
    String(c.calls),
    us(c.meanMs),
    us(c.p50Ms),
    us(c.p99Ms),
    fixed(c.requestsPerSecond, 0),
    fixed(c.ratio, 3),
  ]);
  const header = ['operation', 'mode', 'client', 'calls', 'mean', 'p50', 'p99', 'req/s', '× base'];
  return `${table(header, rows, 3)}\n${HTTP_LEGEND}`;
};

export const decodeTable = (cells: readonly DecodeCell[]): string =>
  table(
    ['decode (50-session page)', 'calls', 'µs/call', '× JSON.parse'],
    cells.map((c) => [c.name, String(c.iterations), fixed(c.meanMs * 1000, 1), fixed(c.ratio, 3)]),
    1,
  );

export const coldStartTable = (cells: readonly ColdStartCell[], buildMs: number): string => {
  const rows = cells.map((c) => [
    c.name,
    String(c.runs),
    fixed(c.importMs, 1),
    fixed(c.readyMs, 1),
    fixed(c.processMs, 1),
  ]);
  const header = ['cold start (fresh process)', 'runs', 'import ms', 'ready ms', 'process ms'];
  const built =
    buildMs === 0
      ? 'the package build was current'
      : `the package was built first, in ${(buildMs / 1000).toFixed(1)} s`;
  return `${table(header, rows, 1)}\n(medians; ${built})`;
};

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(2)} MB`;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

export const pagingTable = (cells: readonly PagingCell[], heap: PagingHeap): string => {
  const times = table(
    ['paging 10,000 sessions (200 pages)', 'ms/walk', '× undici loop'],
    cells.map((c) => [c.name, fixed(c.walkMs, 1), fixed(c.ratio, 3)]),
    1,
  );
  const memory = table(
    ['heap, GC at every page', 'peak growth', 'in pages', 'retained after'],
    heap.walks.map((w) => [
      w.name,
      kb(w.peakGrowthBytes),
      fixed(w.peakPages, 2),
      kb(w.retainedBytes),
    ]),
    1,
  );
  return (
    `${times}\n\n${memory}\n(one page of 50 decoded sessions: ${kb(heap.onePageBytes)}; ` +
    `all()'s result, every session: ${mb(heap.allResultBytes)})`
  );
};

export const targetsTable = (
  targets: readonly Target[],
  previous: ReadonlyMap<string, number>,
): string =>
  table(
    ['target', 'value', 'limit', 'previous run', 'result'],
    targets.map((t) => {
      const digits = t.unit === 'ms' ? 1 : 3;
      const before = previous.get(t.name);
      return [
        t.name,
        `${fixed(t.value, digits)} ${t.unit}`,
        `${t.comparison} ${t.limit}`,
        before === undefined ? '-' : fixed(before, digits),
        t.pass ? 'PASS' : 'FAIL',
      ];
    }),
    1,
  );
