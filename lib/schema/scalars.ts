import * as t from 'io-ts';

// The leaf codecs the spec's constraints need beyond io-ts: bounded integers, strings with a
// minimum length, and a path segment. Each exposes its bounds, from which exact.ts compiles.

/** An integer within [min, max]: a fraction, or a value out of range, fails with `message`. */
export class IntegerType extends t.Type<number, number> {
  readonly _tag = 'IntegerType' as const;

  constructor(
    name: string,
    readonly min: number,
    readonly max: number,
    message: string,
  ) {
    const is = (u: unknown): u is number =>
      typeof u === 'number' && Number.isInteger(u) && u >= min && u <= max;
    super(name, is, (u, c) => (is(u) ? t.success(u) : t.failure(u, c, message)), t.identity);
  }
}

const INT_RANGE = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
} as const;

/** An integer of the spec's `format`. */
export const integer = (format: keyof typeof INT_RANGE): IntegerType =>
  new IntegerType(format, ...INT_RANGE[format], `expected an ${format} integer`);

/** An integer parameter within the spec's `minimum`..`maximum`. */
export const integerBetween = (min: number, max: number): IntegerType =>
  new IntegerType(`integer ${min}..${max}`, min, max, `must be an integer from ${min} to ${max}`);

/** A string of at least `min` characters (the spec's `minLength`). */
export class MinLengthStringType extends t.Type<string, string> {
  readonly _tag = 'MinLengthStringType' as const;

  constructor(readonly min: number) {
    const is = (u: unknown): u is string => typeof u === 'string' && u.length >= min;
    super(
      `string(minLength ${min})`,
      is,
      (u, c) => {
        if (is(u)) return t.success(u);
        const why =
          typeof u === 'string' ? `must have at least ${min} character(s)` : 'expected string';
        return t.failure(u, c, why);
      },
      t.identity,
    );
  }
}

export const stringMinLength = (min: number): MinLengthStringType => new MinLengthStringType(min);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// URL parsers resolve "." and ".." segments even when percent-encoded (WHATWG treats %2E as a
// dot), so no encoding keeps them in place: they are refused instead. ("%2e" itself is fine:
// its "%" is encoded.)
const DOT_SEGMENT = /^\.{1,2}$/;

/** A path parameter: non-empty, not a dot segment, no lone surrogate (so it can be encoded). */
export const pathSegment: t.Type<string, string> = new t.Type(
  'path segment',
  (u): u is string =>
    typeof u === 'string' && u !== '' && !DOT_SEGMENT.test(u) && !LONE_SURROGATE.test(u),
  (u, c) => {
    if (typeof u !== 'string') return t.failure(u, c, 'expected string');
    if (u === '') return t.failure(u, c, 'must not be empty');
    if (DOT_SEGMENT.test(u)) return t.failure(u, c, 'must not be "." or ".."');
    if (LONE_SURROGATE.test(u)) return t.failure(u, c, 'contains an unpaired UTF-16 surrogate');
    return t.success(u);
  },
  t.identity,
);
