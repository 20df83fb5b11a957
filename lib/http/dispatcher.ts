import type { Dispatcher } from 'undici';

// undici is loaded on the first request that needs its global dispatcher, not when the SDK is
// imported: importing undici costs more than the whole SDK, and a caller that passes its own
// Dispatcher never needs the module at all.

let undici: Promise<typeof import('undici')> | undefined;

/** The configured dispatcher, else undici's global one (looked up each time: it can be replaced). */
export const dispatcherFor = (
  configured: Dispatcher | undefined,
): Dispatcher | Promise<Dispatcher> =>
  configured ?? (undici ??= import('undici')).then((module) => module.getGlobalDispatcher());
