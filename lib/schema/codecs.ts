import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';

// The combinators every model is written with. Each one keeps the io-ts contract (validate, is,
// encode) and exposes its structure (properties, item, values, bounds), from which exact.ts
// compiles the fast check of the send path. Beyond io-ts, `unknownProperties` finds the paths of
// properties the spec does not name, for strict mode and for request bodies, where a misspelt
// field must not be dropped in silence.

export const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** A codec whose structure can be walked for exactness. */
export type Walkable = ModelType<t.Props, t.Props> | ListType<t.Mixed>;

// Type guards rather than bare instanceof, which would widen the type parameters to `any`.
export const isModel = (codec: t.Mixed): codec is ModelType<t.Props, t.Props> =>
  codec instanceof ModelType;

export const isList = (codec: t.Mixed): codec is ListType<t.Mixed> => codec instanceof ListType;

export const isEnum = (codec: t.Decoder<unknown, unknown>): codec is EnumType<string> =>
  codec instanceof EnumType;

const isWalkable = (codec: t.Mixed): codec is Walkable => isModel(codec) || isList(codec);

/** A property no schema names: its path (dot-joined, indices as numbers) and the model it is in. */
export interface UnknownProperty {
  readonly path: string;
  readonly model: string;
}

export const unknownProperties = (codec: t.Mixed, u: unknown, path = ''): UnknownProperty[] => {
  const found: UnknownProperty[] = [];
  if (isWalkable(codec)) codec.collectUnknown(u, path, found);
  return found;
};

const join = (path: string, key: string | number): string =>
  path === '' ? String(key) : `${path}.${key}`;

/** One object type instead of an intersection, so that editors show a model's fields plainly. */
type Flat<T> = { [K in keyof T]: T[K] } & {};

export class ModelType<R extends t.Props, O extends t.Props> extends t.Type<
  Flat<t.TypeOf<t.TypeC<R>> & t.TypeOf<t.PartialC<O>>>,
  Flat<t.OutputOf<t.TypeC<R>> & t.OutputOf<t.PartialC<O>>>
> {
  readonly _tag = 'ModelType' as const;
  private readonly props: ReadonlyMap<string, t.Mixed>;
  readonly requiredEntries: ReadonlyArray<readonly [string, t.Mixed]>;
  readonly optionalEntries: ReadonlyArray<readonly [string, t.Mixed]>;

  constructor(
    name: string,
    readonly required: R,
    readonly optional: O,
  ) {
    // Two exact halves validated against the same context, so error paths carry no
    // intersection index, and unknown properties are dropped from the decoded value. They take
    // the model's name: io-ts would otherwise spell each out from its properties' names, nested
    // models included, a third of the package's own import time, for names no message shows.
    const requiredPart = t.exact(t.type(required, name), name);
    const optionalPart = t.exact(t.partial(optional, name), name);
    super(
      name,
      (u): u is Flat<t.TypeOf<t.TypeC<R>> & t.TypeOf<t.PartialC<O>>> =>
        requiredPart.is(u) && optionalPart.is(u),
      (u, c) => {
        if (!isRecord(u)) return t.failure(u, c, `expected ${name} (an object)`);
        const a = requiredPart.validate(u, c);
        const b = optionalPart.validate(u, c);
        if (isLeft(a)) return isLeft(b) ? t.failures([...a.left, ...b.left]) : a;
        if (isLeft(b)) return b;
        return t.success({ ...a.right, ...b.right });
      },
      (a) => ({ ...requiredPart.encode(a), ...optionalPart.encode(a) }),
    );
    this.requiredEntries = Object.entries(required);
    this.optionalEntries = Object.entries(optional);
    this.props = new Map([...this.requiredEntries, ...this.optionalEntries]);
  }

  collectUnknown(u: unknown, path: string, found: UnknownProperty[]): void {
    if (!isRecord(u)) return;
    for (const key of Object.keys(u)) {
      const codec = this.props.get(key);
      if (codec === undefined) found.push({ path: join(path, key), model: this.name });
      else if (isWalkable(codec)) codec.collectUnknown(u[key], join(path, key), found);
    }
  }
}

/** An object schema: `required` and `optional` properties, nothing else kept. */
export const model = <R extends t.Props, O extends t.Props>(
  name: string,
  required: R,
  optional: O,
): ModelType<R, O> => new ModelType(name, required, optional);

export class ListType<C extends t.Mixed> extends t.Type<Array<t.TypeOf<C>>, Array<t.OutputOf<C>>> {
  readonly _tag = 'ListType' as const;

  constructor(readonly item: C) {
    const list = t.array(item);
    super(`Array<${item.name}>`, list.is, list.validate, list.encode);
  }

  collectUnknown(u: unknown, path: string, found: UnknownProperty[]): void {
    if (!Array.isArray(u) || !isWalkable(this.item)) return;
    for (let i = 0; i < u.length; i++) this.item.collectUnknown(u[i], join(path, i), found);
  }
}

export const listOf = <C extends t.Mixed>(item: C): ListType<C> => new ListType(item);

/** An enum schema: the codec, whose own properties are also the values (`SessionState.IdvSuccess`). */
export class EnumType<V extends string> extends t.Type<V, V> {
  readonly _tag = 'EnumType' as const;

  constructor(
    name: string,
    readonly values: readonly V[],
  ) {
    const allowed: ReadonlySet<string> = new Set(values);
    const is = (u: unknown): u is V => typeof u === 'string' && allowed.has(u);
    super(
      name,
      is,
      (u, c) => (is(u) ? t.success(u) : t.failure(u, c, `expected one of ${values.join(' | ')}`)),
      t.identity,
    );
  }
}

export const enumeration = <const M extends { readonly [K in keyof M]: K & string }>(
  name: string,
  members: M,
): EnumType<M[keyof M]> & M => {
  const values: Array<M[keyof M]> = [];
  for (const key in members) values.push(members[key]);
  return Object.assign(new EnumType(name, values), members);
};
