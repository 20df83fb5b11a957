import * as t from 'io-ts';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { isModel, isRecord, unknownProperties } from '../../lib/schema/codecs.js';
import { decodeValue } from '../../lib/schema/decode.js';
import { isExact } from '../../lib/schema/exact.js';
import * as models from '../../models/index.js';
import { arbitraryOf } from '../support/arbitraries.js';

// Properties of all 27 model codecs, over generated input.

// Every export of models/ that is a codec (the static types have no runtime value).
const codecs: Array<readonly [string, t.Mixed]> = [];
for (const [name, value] of Object.entries<unknown>(models)) {
  if (value instanceof t.Type) codecs.push([name, value]);
}

test('every schema of the spec has a codec', () => {
  expect(codecs).toHaveLength(27);
});

describe.each(codecs)('%s', (_name, codec) => {
  test('decoding any JSON value returns an Either and never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const strict of [false, true]) {
          const result = decodeValue(codec, value, strict);
          expect(E.isLeft(result) || E.isRight(result)).toBe(true);
        }
        expect(E.isLeft(codec.decode(value)) || codec.is(value)).toBe(true);
        expect(Array.isArray(unknownProperties(codec, value))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  // The compiled check is trusted as the whole decode of a well-formed answer, so it must agree
  // with io-ts exactly: on valid values, and on valid values with one property replaced.
  test('the compiled check accepts exactly what io-ts decodes unchanged with nothing unknown', () => {
    fc.assert(
      fc.property(arbitraryOf(codec), fc.jsonValue(), fc.nat(), (valid, replacement, pick) => {
        let value: unknown = valid;
        if (isRecord(valid)) {
          const keys = [...Object.keys(valid), 'notInTheSpec'];
          value = { ...valid, [keys[pick % keys.length] ?? '']: replacement };
        }
        const decoded = codec.decode(value);
        const agrees =
          E.isRight(decoded) &&
          JSON.stringify(decoded.right) === JSON.stringify(value) &&
          unknownProperties(codec, value).length === 0;
        expect(isExact(codec, value)).toBe(agrees);
      }),
      { numRuns: 200 },
    );
  });

  test('any valid value survives encode, JSON and decode unchanged, in strict mode too', () => {
    fc.assert(
      fc.property(arbitraryOf(codec), (value) => {
        expect(codec.is(value)).toBe(true);
        const wire: unknown = JSON.parse(JSON.stringify(codec.encode(value)));
        expect(decodeValue(codec, wire, true)).toEqual(E.right(value));
        expect(codec.decode(wire)).toEqual(E.right(value));
      }),
      { numRuns: 100 },
    );
  });
});

describe.each(codecs.filter(([, codec]) => isModel(codec)))(
  '%s with an unknown property',
  (_name, codec) => {
    test('is dropped by default and named in strict mode', () => {
      fc.assert(
        fc.property(arbitraryOf(codec), fc.string({ minLength: 1 }), (value, key) => {
          if (!isRecord(value)) throw new Error('a model arbitrary yields objects');
          fc.pre(!(key in value));
          const extended = { ...value, [key]: 1 };
          expect(decodeValue(codec, extended, false)).toEqual(E.right(value));
          expect(decodeValue(codec, extended, true)).toEqual(
            E.left([`${key}: not a property of ${codec.name} (strict mode)`]),
          );
        }),
        { numRuns: 100 },
      );
    });
  },
);
