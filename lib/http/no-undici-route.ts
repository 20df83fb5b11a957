import type { UndiciDispatcher } from './dispatcher.js';

// The default route where the package's `#undici-route` import resolves here: the runtimes whose
// export conditions say undici has no place (`workerd`, `edge-light`, `bun`, `worker`, `browser`).
// No undici dispatches there, and a bundle for them must not carry it: the runtime's fetch serves.

/** Always undefined: the runtime's fetch serves. Same signature as undici-route.ts. */
export const loadGlobalDispatcher = (): Promise<(() => UndiciDispatcher) | undefined> =>
  Promise.resolve(undefined);
