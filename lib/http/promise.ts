/**
 * Whether a value that may or may not be a promise is one. Not `instanceof Promise`: a promise
 * can come from another realm (a dynamic import under a test runner's VM context), and
 * `instanceof` is false there.
 */
export const isPending = <T extends object>(value: T | Promise<T>): value is Promise<T> =>
  'then' in value && typeof value.then === 'function';
