import { isUndiciDispatcher, type UndiciDispatcher } from './dispatcher.js';

// The default route where the package's `#undici-route` import resolves here (Node and Deno, and
// any runtime the package's conditions do not name): undici's global dispatcher, loaded on the
// first request, not when the SDK is imported (importing undici costs more than the whole SDK,
// and a caller that passes its own Dispatcher or fetch never needs it).
//
// The global one is undici 8's (`Symbol.for('undici.globalDispatcher.2')`), which Node's own
// fetch() never replaces: Node 22 bundles undici 6, whose fetch() installs an Agent speaking the
// old handler API under the `.1` symbol, and undici 7 read that one back, so that any global
// fetch() before the SDK's first request broke every request. undici 7 and 8 both write the
// `.2` symbol, so a `setGlobalDispatcher(new ProxyAgent(…))` of either is followed.

/**
 * A function that yields undici's global dispatcher (looked up each time: it can be replaced), or
 * undefined where undici cannot dispatch (a runtime's stand-in module without `dispatch`): the
 * runtime's fetch serves there. The caller has checked the Node version first (route.ts).
 */
export const loadGlobalDispatcher = async (): Promise<(() => UndiciDispatcher) | undefined> => {
  const undici = await import('undici');
  if (typeof undici.getGlobalDispatcher !== 'function') return undefined;
  if (!isUndiciDispatcher(undici.getGlobalDispatcher())) return undefined;
  return () => undici.getGlobalDispatcher();
};
