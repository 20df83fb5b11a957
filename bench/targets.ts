import type { ColdStartCell } from './coldStart.js';
import { SDK_IMPORT } from './coldStart.js';
import type { DecodeCell } from './decode.js';
import { SDK_DECODE } from './decode.js';
import type { HttpCell, Mode } from './http.js';
import { SDK_PAGES, type PagingResult } from './paging.js';

// The targets, each checked against this run's figures.

/** "Bounded by about a page": the page in hand, and the next one while it is read and decoded. */
const PAGES_OF_HEAP = 2;

export interface Target {
  readonly name: string;
  readonly value: number;
  readonly comparison: '<=' | '>=';
  readonly limit: number;
  readonly unit: string;
  readonly pass: boolean;
}

const target = (
  name: string,
  value: number | undefined,
  comparison: '<=' | '>=',
  limit: number,
  unit: string,
): Target => {
  const v = value ?? Number.NaN;
  return {
    name,
    value: v,
    comparison,
    limit,
    unit,
    pass: comparison === '<=' ? v <= limit : v >= limit,
  };
};

const sdkRatio = (cells: readonly HttpCell[], mode: Mode): number | undefined =>
  cells.find((c) => c.client === 'sdk' && c.operation === 'listSessions' && c.mode === mode)?.ratio;

export const checkTargets = (
  http: readonly HttpCell[],
  decode: readonly DecodeCell[],
  coldStart: readonly ColdStartCell[],
): Target[] => [
  target(
    'listSessions(50) sequential, time per call',
    sdkRatio(http, 'sequential'),
    '<=',
    1.15,
    '× undici',
  ),
  target(
    'listSessions(50) 64 in flight, requests/s',
    sdkRatio(http, 'concurrent'),
    '>=',
    0.9,
    '× undici',
  ),
  target(
    'decodeValue of the 50-session page',
    decode.find((c) => c.name === SDK_DECODE)?.ratio,
    '<=',
    1.0,
    '× JSON.parse',
  ),
  target(
    'import in a fresh process',
    coldStart.find((c) => c.name === SDK_IMPORT)?.importMs,
    '<=',
    150,
    'ms',
  ),
];

/** Paging 10,000 sessions with pages(): time against the raw undici loop, and heap. */
export const pagingTargets = (paging: PagingResult): Target[] => [
  target(
    'pages() over 10,000 sessions, time per walk',
    paging.cells.find((c) => c.name === SDK_PAGES)?.ratio,
    '<=',
    1.1,
    '× undici loop',
  ),
  target(
    'pages() heap growth while walking',
    paging.heap.walks.find((w) => w.name === SDK_PAGES)?.peakPages,
    '<=',
    PAGES_OF_HEAP,
    'pages',
  ),
];
