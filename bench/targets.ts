import type { ColdStartCell } from './coldStart.js';
import {
  FETCH_FIRST_CALL,
  SDK_FETCH_FIRST_CALL,
  SDK_FIRST_CALL,
  SDK_IMPORT,
  UNDICI_FIRST_CALL,
} from './coldStart.js';
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

const sdkRatio = (
  cells: readonly HttpCell[],
  mode: Mode,
  client: 'sdk' | 'sdk-fetch' = 'sdk',
): number | undefined =>
  cells.find((c) => c.client === client && c.operation === 'listSessions' && c.mode === mode)
    ?.ratio;

const coldRatio = (
  cells: readonly ColdStartCell[],
  name: string,
  baseline: string,
): number | undefined => {
  const own = cells.find((c) => c.name === name)?.importMs;
  const base = cells.find((c) => c.name === baseline)?.importMs;
  return own === undefined || base === undefined ? undefined : own / base;
};

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
    'fetch path: listSessions(50) sequential, time per call',
    sdkRatio(http, 'sequential', 'sdk-fetch'),
    '<=',
    1.1,
    '× fetch',
  ),
  target(
    'decodeValue of the 50-session page',
    decode.find((c) => c.name === SDK_DECODE)?.ratio,
    '<=',
    1.0,
    '× JSON.parse',
  ),
  target(
    'import + first call, fresh process (undici path)',
    coldRatio(coldStart, SDK_FIRST_CALL, UNDICI_FIRST_CALL),
    '<=',
    1.1,
    '× undici',
  ),
  target(
    'import + first call, fresh process (fetch path)',
    coldRatio(coldStart, SDK_FETCH_FIRST_CALL, FETCH_FIRST_CALL),
    '<=',
    1.1,
    '× fetch',
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
