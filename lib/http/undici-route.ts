import { isUndiciDispatcher, type UndiciDispatcher } from './dispatcher.js';
import { codeOf } from './exchange.js';

// The default route where the package's `#undici-route` import resolves here (Node and Deno, and
// any runtime the package's conditions do not name): undici's global dispatcher, loaded on the
// first request, not when the SDK is imported (a caller that passes its own Dispatcher or fetch
// never needs it).
//
// Of undici, only its global-dispatcher module is loaded: the Agent and its HTTP/1 client, which is
// all a request needs. undici's index also loads fetch, WebSocket, EventSource, the caches, the
// mocks and the interceptors, and cost about 60 ms of a fresh process's import on a 2-core VM
// against about 25 ms for this module: every cold start of a serverless instance pays it. undici 8
// has no `exports` map, so the file is reachable; should a release add one, or a bundler leave the
// file out, the index serves instead. Both are the same copy's modules, so the dispatcher is one.
//
// The global one is undici 8's (`Symbol.for('undici.globalDispatcher.2')`), which Node's own
// fetch() never replaces: Node 22 bundles undici 6, whose fetch() installs an Agent speaking the
// old handler API under the `.1` symbol, and undici 7 read that one back, so that any global
// fetch() before the SDK's first request broke every request. undici 7 and 8 both write the
// `.2` symbol, so a `setGlobalDispatcher(new ProxyAgent(…))` of either is followed.

const MISSING = new Set([
  'ERR_MODULE_NOT_FOUND',
  'ERR_PACKAGE_PATH_NOT_EXPORTED',
  'MODULE_NOT_FOUND',
]);

// Both modules' getGlobalDispatcher is the same function (the index re-exports this module's).
const loadUndiciGlobal = async (): Promise<typeof import('undici/lib/global.js')> => {
  try {
    return await import('undici/lib/global.js');
  } catch (error) {
    // Only a file that is not there is replaced; undici failing to load is reported as it is.
    if (!MISSING.has(codeOf(error) ?? '')) throw error;
    return await import('undici');
  }
};

/**
 * A function that yields undici's global dispatcher (looked up each time: it can be replaced), or
 * undefined where undici cannot dispatch (a runtime's stand-in module without `dispatch`): the
 * runtime's fetch serves there. The caller has checked the Node version first (route.ts).
 */
export const loadGlobalDispatcher = async (): Promise<(() => UndiciDispatcher) | undefined> => {
  const undici = await loadUndiciGlobal();
  if (typeof undici.getGlobalDispatcher !== 'function') return undefined;
  if (!isUndiciDispatcher(undici.getGlobalDispatcher())) return undefined;
  return () => undici.getGlobalDispatcher();
};
