import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import type { HttpResponse } from '../lib/http/response.js';
import type { BuiltSdk } from './build.js';
import { calibrate, timeBatch } from './loops.js';
import { median } from './stats.js';

// Decoding alone, no network: the SDK's reading of a 50-session page against JSON.parse of the
// same bytes. Functions take turns in rounds (rotating order); each ratio to JSON.parse is
// taken within a round and the median over rounds is reported.

export interface DecodeSettings {
  readonly rounds: number;
  /** Wall time of one timed batch of calls. */
  readonly batchMs: number;
  readonly maxIterations: number;
}

export interface DecodeCell {
  readonly name: string;
  readonly description: string;
  /** Median over rounds of the time per call. */
  readonly meanMs: number;
  /** Median of the per-round ratios to `JSON.parse(text)`. */
  readonly ratio: number;
  readonly iterations: number;
}

interface Contender {
  readonly name: string;
  readonly description: string;
  readonly fn: () => unknown;
}

const DECODE_FLOOR = 'JSON.parse(text)';
export const SDK_DECODE = 'sdk decodeValue';

const mustBeRight = (name: string, result: Either<unknown, unknown>): void => {
  if (isLeft(result)) throw new Error(`${name} failed on the bench page`);
};

const contenders = (sdk: BuiltSdk, bytes: Buffer): Contender[] => {
  const { decodeJson, decodeValue } = sdk.decode;
  const { ListSessionsResponse } = sdk.index;
  const text = bytes.toString('utf8');
  const parsed: unknown = JSON.parse(text);
  const response: HttpResponse = {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: bytes,
  };
  return [
    {
      name: DECODE_FLOOR,
      description: 'JSON.parse of the page as a string (the floor)',
      fn: (): unknown => JSON.parse(text),
    },
    {
      name: 'JSON.parse(bytes)',
      description: 'Buffer → string → JSON.parse, as a client receiving bytes does',
      fn: (): unknown => JSON.parse(bytes.toString('utf8')),
    },
    {
      name: SDK_DECODE,
      description: 'decodeValue(ListSessionsResponse, parsed, false): validation of parsed JSON',
      fn: () => decodeValue(ListSessionsResponse, parsed, false),
    },
    {
      name: 'sdk decodeValue strict',
      description: 'the same with strict: true',
      fn: () => decodeValue(ListSessionsResponse, parsed, true),
    },
    {
      name: 'sdk decodeJson',
      description:
        'decodeJson(ListSessionsResponse, response, false): bytes to model, the SDK path',
      fn: () => decodeJson(ListSessionsResponse, response, false),
    },
    {
      name: 'io-ts decode',
      description: 'ListSessionsResponse.decode(parsed), plain io-ts, for reference',
      fn: () => ListSessionsResponse.decode(parsed),
    },
    {
      name: 'io-ts is',
      description: 'ListSessionsResponse.is(parsed), a type guard without errors, for reference',
      fn: () => ListSessionsResponse.is(parsed),
    },
  ];
};

export const measureDecode = (
  sdk: BuiltSdk,
  page: Buffer,
  settings: DecodeSettings,
  progress: (line: string) => void,
): DecodeCell[] => {
  const list = contenders(sdk, page);
  const { decodeValue } = sdk.decode;
  const { ListSessionsResponse } = sdk.index;
  const parsed: unknown = JSON.parse(page.toString('utf8'));
  mustBeRight('decodeValue', decodeValue(ListSessionsResponse, parsed, true));
  mustBeRight('io-ts decode', ListSessionsResponse.decode(parsed));

  // Warm-up doubles as calibration: a batch of each lasts about `batchMs`.
  const iterations = list.map((c) => calibrate(c.fn, settings.batchMs, settings.maxIterations));
  const times = list.map((): number[] => []);
  for (let round = 0; round < settings.rounds; round++) {
    progress(`decode: round ${round + 1}/${settings.rounds}`);
    for (let k = 0; k < list.length; k++) {
      const i = (k + round) % list.length;
      const contender = list[i];
      if (contender) times[i]?.push(timeBatch(contender.fn, iterations[i] ?? 1));
    }
  }
  const floor = times[0] ?? [];
  return list.map((contender, i) => {
    const own = times[i] ?? [];
    return {
      name: contender.name,
      description: contender.description,
      meanMs: median(own),
      ratio: median(own.map((t, r) => t / (floor[r] ?? Number.NaN))),
      iterations: (iterations[i] ?? 0) * settings.rounds,
    };
  });
};
