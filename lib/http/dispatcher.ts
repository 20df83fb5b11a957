import type { Dispatcher } from 'undici';
import { bridgeHandler, type BridgedDispatchHandler } from './handler-bridge.js';

// The undici Dispatcher a request goes through, as the SDK sees one: any object with undici's
// `dispatch()`, of undici 6, 7 or 8, wrapped once so that it takes the new handler API.

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

// One target per dispatcher, so that a request costs a lookup, not an allocation.
const targets = new WeakMap<UndiciDispatcher, DispatchTarget>();

/** The dispatcher as a target of the new handler API (one per dispatcher). */
export const targetFor = (dispatcher: UndiciDispatcher): DispatchTarget => {
  let target = targets.get(dispatcher);
  if (target === undefined) {
    target = {
      dispatch: (options, handler) => dispatcher.dispatch(options, bridgeHandler(handler)),
    };
    targets.set(dispatcher, target);
  }
  return target;
};

/** Whether a value can serve as a dispatcher; the Configuration refuses anything else. */
export const isUndiciDispatcher = (value: unknown): value is UndiciDispatcher =>
  typeof value === 'object' &&
  value !== null &&
  typeof Reflect.get(value, 'dispatch') === 'function';
