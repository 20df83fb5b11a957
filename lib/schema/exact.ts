import * as t from 'io-ts';
import { isEnum, isList, isModel, type ListType, type ModelType } from './codecs.js';
import { IntegerType, MinLengthStringType } from './scalars.js';

// The fast path of decoding: is a value valid AND free of properties the spec does not name? For
// a well-formed answer that is the whole decode: the parsed JSON is returned as it is, with no
// copy and no error bookkeeping; anything else takes io-ts's full decode, which names each path.
//
// A generic walk over the codec tree costs about half a JSON.parse of the same answer, so each
// model and list codec is compiled once, on first use, into a straight-line function. The code is
// generated only from the codecs' own structure (property names and enum values of the spec,
// quoted with JSON.stringify), never from data received.

type Check = (u: unknown) => boolean;

const compiled = new WeakMap<t.Mixed, Check>();

/** The compiled check of `codec`, built on first use. */
const exactCheck = (codec: t.Mixed): Check => {
  let check = compiled.get(codec);
  if (check === undefined) {
    check = compile(codec);
    compiled.set(codec, check);
  }
  return check;
};

export const isExact = <C extends t.Mixed>(codec: C, u: unknown): u is t.TypeOf<C> =>
  exactCheck(codec)(u);

const isCheck = (f: unknown): f is Check => typeof f === 'function';

// Cloudflare Workers and Vercel's Edge runtime refuse to generate code from strings (an
// EvalError); there the same checks are built from closures, a little slower, equally exact.
let generates = true;

const compile = (codec: t.Mixed): Check => {
  if (!isModel(codec) && !isList(codec)) return (u) => codec.is(u);
  if (generates) {
    try {
      return generated(codec);
    } catch (error) {
      if (!(error instanceof EvalError)) throw error;
      generates = false;
    }
  }
  return isModel(codec) ? modelClosure(codec) : listClosure(codec);
};

const modelClosure = (codec: ModelType<t.Props, t.Props>): Check => {
  const required = codec.requiredEntries.map(([key, inner]) => [key, exactCheck(inner)] as const);
  const optional = codec.optionalEntries.map(([key, inner]) => [key, exactCheck(inner)] as const);
  return (u) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
    let present = 0;
    for (const [key, check] of required) if (!check(Reflect.get(u, key))) return false;
    for (const [key, check] of optional) {
      const v: unknown = Reflect.get(u, key);
      if (v !== undefined) {
        if (!check(v)) return false;
        present++;
      }
    }
    // Every key must be one of those checked: any other is a property the spec does not name.
    return Object.keys(u).length === required.length + present;
  };
};

const listClosure = (codec: ListType<t.Mixed>): Check => {
  const check = exactCheck(codec.item);
  return (u) => Array.isArray(u) && u.every((v: unknown) => check(v));
};

const generated = (codec: ModelType<t.Props, t.Props> | ListType<t.Mixed>): Check => {
  // Checks of nested codecs that are not inlined, reached as `r[i]` from the generated code.
  const refs: Check[] = [];
  const test = (inner: t.Mixed, v: string): string => inline(inner, v) ?? reference(inner, v);
  const reference = (inner: t.Mixed, v: string): string => {
    refs.push(exactCheck(inner));
    return `r[${refs.length - 1}](${v})`;
  };
  const source = isModel(codec) ? modelSource(codec, test) : listSource(codec, test);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from codecs only, see above
  const factory = new Function('r', `"use strict"; return function exact(u) {${source}};`);
  const check: unknown = Reflect.apply(factory, undefined, [refs]);
  if (!isCheck(check)) throw new Error(`could not compile the check of ${codec.name}`);
  return check;
};

/** A JavaScript expression testing variable `v` against a leaf codec, or undefined. */
const inline = (codec: t.Mixed, v: string): string | undefined => {
  if (codec === t.string) return `typeof ${v} === "string"`;
  if (codec === t.boolean) return `typeof ${v} === "boolean"`;
  if (codec instanceof IntegerType) {
    return `(typeof ${v} === "number" && Number.isInteger(${v}) && ${v} >= ${codec.min} && ${v} <= ${codec.max})`;
  }
  if (codec instanceof MinLengthStringType) {
    return `(typeof ${v} === "string" && ${v}.length >= ${codec.min})`;
  }
  if (isEnum(codec)) {
    return `(${codec.values.map((value) => `${v} === ${JSON.stringify(value)}`).join(' || ')})`;
  }
  return undefined;
};

type Test = (codec: t.Mixed, v: string) => string;

const modelSource = (codec: ModelType<t.Props, t.Props>, test: Test): string => {
  const lines = [
    'if (typeof u !== "object" || u === null || Array.isArray(u)) return false;',
    'let v, present = 0;',
  ];
  for (const [key, inner] of codec.requiredEntries) {
    lines.push(`v = u[${JSON.stringify(key)}]; if (!(${test(inner, 'v')})) return false;`);
  }
  for (const [key, inner] of codec.optionalEntries) {
    lines.push(
      `v = u[${JSON.stringify(key)}]; if (v !== undefined) { if (!(${test(inner, 'v')})) return false; present++; }`,
    );
  }
  // Every key must be one of those checked: any other is a property the spec does not name.
  lines.push('let keys = 0; for (const k in u) keys++;');
  lines.push(`return keys === ${codec.requiredEntries.length} + present;`);
  return lines.join('\n');
};

const listSource = (codec: ListType<t.Mixed>, test: Test): string =>
  [
    'if (!Array.isArray(u)) return false;',
    `for (let i = 0; i < u.length; i++) { const v = u[i]; if (!(${test(codec.item, 'v')})) return false; }`,
    'return true;',
  ].join('\n');
