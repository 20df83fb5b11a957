import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { parseLaunchResult } from '../../requests/launch/parseLaunchResult.js';

// parseLaunchResult reads what a frontend posts: anything at all, hostile objects included. Over
// random objects whose members may be getters that throw, revoked Proxies, Proxies with throwing
// traps, or objects whose toString throws, it always answers with an Either and quotes nothing.
// fast-check inspects what it generates, so it generates recipes; the values are built from
// them inside the property.

const SECRET = 'rk_SECRET_never_quoted';

const thrower = (): never => {
  throw new Error(SECRET);
};

const TRAPS = ['get', 'has', 'getOwnPropertyDescriptor', 'ownKeys', 'getPrototypeOf'] as const;
const TAGS = ['URL', 'URLSearchParams', 'Object'] as const;
const FIELDS = ['success', 'sessionId', 'resultsAccessKey', 'msg', 'other'] as const;

type Hostile =
  | { readonly kind: 'revoked' }
  | { readonly kind: 'traps'; readonly traps: readonly (typeof TRAPS)[number][] }
  | { readonly kind: 'toString'; readonly tag: (typeof TAGS)[number] }
  | { readonly kind: 'tagGetter' };

type Member =
  | { readonly kind: 'getter' }
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'hostile'; readonly hostile: Hostile };

type Recipe =
  | { readonly kind: 'object'; readonly members: readonly [string, Member][] }
  | { readonly kind: 'hostile'; readonly hostile: Hostile }
  | { readonly kind: 'value'; readonly value: unknown };

const hostileRecipe: fc.Arbitrary<Hostile> = fc.oneof(
  fc.constant({ kind: 'revoked' as const }),
  fc.record({
    kind: fc.constant('traps' as const),
    traps: fc.subarray([...TRAPS], { minLength: 1 }),
  }),
  fc.record({ kind: fc.constant('toString' as const), tag: fc.constantFrom(...TAGS) }),
  fc.constant({ kind: 'tagGetter' as const }),
);

const memberRecipe: fc.Arbitrary<Member> = fc.oneof(
  fc.constant({ kind: 'getter' as const }),
  fc.record({
    kind: fc.constant('value' as const),
    value: fc.oneof(fc.jsonValue(), fc.constant(SECRET), fc.boolean()),
  }),
  fc.record({ kind: fc.constant('hostile' as const), hostile: hostileRecipe }),
);

const objectRecipe: fc.Arbitrary<Recipe> = fc.record({
  kind: fc.constant('object' as const),
  members: fc.array(fc.tuple(fc.constantFrom<string>(...FIELDS), memberRecipe), { maxLength: 6 }),
});

const recipe: fc.Arbitrary<Recipe> = fc.oneof(
  objectRecipe,
  fc.record({ kind: fc.constant('hostile' as const), hostile: hostileRecipe }),
  fc.record({ kind: fc.constant('value' as const), value: fc.oneof(fc.jsonValue(), fc.string()) }),
);

const buildHostile = (hostile: Hostile): object => {
  switch (hostile.kind) {
    case 'revoked': {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    }
    case 'traps':
      return new Proxy({}, Object.fromEntries(hostile.traps.map((trap) => [trap, thrower])));
    case 'toString':
      return { [Symbol.toStringTag]: hostile.tag, toString: thrower };
    case 'tagGetter':
      return Object.defineProperty({}, Symbol.toStringTag, { get: thrower });
  }
};

const build = (made: Recipe): unknown => {
  if (made.kind === 'value') return made.value;
  if (made.kind === 'hostile') return buildHostile(made.hostile);
  const object = {};
  for (const [name, member] of made.members) {
    const descriptor: PropertyDescriptor =
      member.kind === 'getter'
        ? { get: thrower }
        : { value: member.kind === 'value' ? member.value : buildHostile(member.hostile) };
    Object.defineProperty(object, name, { ...descriptor, enumerable: true, configurable: true });
  }
  return object;
};

// As a JavaScript caller may call it (a method's parameters are checked both ways).
const untyped: { parse(input: unknown, options: unknown): E.Either<unknown, unknown> } = {
  parse: parseLaunchResult,
};

const optionsRecipe = fc.oneof(
  fc.constant(undefined),
  fc.record({ sessionId: fc.string() }),
  recipe.map((made) => ({ made })),
);

test('any input and any options give an Either, never a throw, never a quoted value', () => {
  fc.assert(
    fc.property(recipe, optionsRecipe, (input, options) => {
      const given = options !== undefined && 'made' in options ? build(options.made) : options;
      const parsed = untyped.parse(build(input), given);
      expect(E.isLeft(parsed) || E.isRight(parsed)).toBe(true);
      if (E.isLeft(parsed)) expect(JSON.stringify(parsed.left)).not.toContain('SECRET');
    }),
    { numRuns: 1000 },
  );
});
