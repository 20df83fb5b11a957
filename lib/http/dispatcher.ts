import type { Dispatcher } from 'undici';
import { bridgeHandler, type BridgedDispatchHandler } from './handler-bridge.js';

// Which dispatcher carries a request. undici is loaded on the first request that needs its global
// dispatcher, not when the SDK is imported: importing undici costs more than the whole SDK, and a
// caller that passes its own Dispatcher never needs the module at all.
//
// The global one is undici 8's (`Symbol.for('undici.globalDispatcher.2')`), which Node's own
// fetch() never replaces: Node 22 bundles undici 6, whose fetch() installs an Agent speaking the
// old handler API under the `.1` symbol, and undici 7 read that one back, so that any global
// fetch() before the SDK's first request broke every request. undici 7 and 8 both write the
// `.2` symbol, so a `setGlobalDispatcher(new ProxyAgent(…))` of either is followed.

/** The request the SDK asks a dispatcher to send. */
export interface DispatchRequest {
  readonly origin: string;
  /** Path and query. */
  readonly path: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * An undici `Dispatcher` (`Agent`, `Pool`, `ProxyAgent`, `MockAgent`, a composed one…) of undici 6,
 * 7 or 8: the SDK calls its `dispatch()` only, with a handler that speaks both handler APIs.
 */
export interface UndiciDispatcher {
  /** Starts a request; undici's own signature, of which the SDK uses this much. */
  dispatch(options: DispatchRequest, handler: BridgedDispatchHandler): boolean;
}

/** What the transport sends through: a dispatcher that takes the new handler API. */
export interface DispatchTarget {
  dispatch(options: DispatchRequest, handler: Dispatcher.DispatchHandler): boolean;
}

let undici: Promise<typeof import('undici')> | undefined;

// One target per dispatcher, so that a request costs a lookup, not an allocation.
const targets = new WeakMap<UndiciDispatcher, DispatchTarget>();

const targetFor = (dispatcher: UndiciDispatcher): DispatchTarget => {
  let target = targets.get(dispatcher);
  if (target === undefined) {
    target = {
      dispatch: (options, handler) => dispatcher.dispatch(options, bridgeHandler(handler)),
    };
    targets.set(dispatcher, target);
  }
  return target;
};

/** The configured dispatcher, else undici's global one (looked up each time: it can be replaced). */
export const dispatcherFor = (
  configured: UndiciDispatcher | undefined,
): DispatchTarget | Promise<DispatchTarget> =>
  configured
    ? targetFor(configured)
    : (undici ??= import('undici')).then((module) => targetFor(module.getGlobalDispatcher()));

/** Whether a value can serve as a dispatcher; the Configuration refuses anything else. */
export const isUndiciDispatcher = (value: unknown): value is UndiciDispatcher =>
  typeof value === 'object' &&
  value !== null &&
  typeof Reflect.get(value, 'dispatch') === 'function';
