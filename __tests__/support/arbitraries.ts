import * as t from 'io-ts';
import fc from 'fast-check';
import { isEnum, isList, isModel } from '../../lib/schema/codecs.js';

// A generator of valid values for any model codec, derived from the codec's own structure, so that
// every schema is covered and a new kind of codec fails loudly here until it is taught.

export const arbitraryOf = (codec: t.Mixed): fc.Arbitrary<unknown> => {
  if (isModel(codec)) {
    const required: Record<string, fc.Arbitrary<unknown>> = {};
    const optional: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, inner] of Object.entries(codec.required)) {
      required[key] = arbitraryOf(inner);
    }
    for (const [key, inner] of Object.entries(codec.optional)) {
      optional[key] = arbitraryOf(inner);
    }
    return fc
      .tuple(fc.record(required), fc.record(optional, { requiredKeys: [] }))
      .map(([a, b]) => ({ ...a, ...b }));
  }
  if (isList(codec)) return fc.array(arbitraryOf(codec.item), { maxLength: 4 });
  if (isEnum(codec)) return fc.constantFrom(...codec.values);
  if (codec === t.string) return fc.string();
  if (codec === t.boolean) return fc.boolean();
  if (codec.name === 'int32') return fc.integer();
  if (codec.name === 'int64') return fc.maxSafeInteger();
  if (codec.name === 'string(minLength 1)') return fc.string({ minLength: 1 });
  throw new Error(`no arbitrary for codec ${codec.name}`);
};
