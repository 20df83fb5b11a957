import { targetFor, type UndiciDispatcher } from './dispatcher.js';
import type { Transport } from './exchange.js';
import { fetchTransport, type FetchFunction } from './fetch-transport.js';
import { UnsupportedRuntimeError, unsupportedNode } from './runtime.js';
import { exchange } from './transport.js';

// Which transport carries a request, in this order:
//   1. the Configuration's `fetch`, on any runtime;
//   2. its undici `dispatcher`;
//   3. by default, undici's global dispatcher where undici can dispatch (Node, Deno), else the
//      runtime's own fetch (Bun, Cloudflare Workers, Vercel's Edge runtime, browsers).
// The default is found once, on the first request: `#undici-route` is the package's own import,
// which its export conditions point at a module without undici on the runtimes that have none,
// so that bundles for them do not carry it; where it loads, a check that undici's dispatcher can
// dispatch settles the rest (Bun's stand-in undici module cannot).

/** The settings that choose a transport. */
export interface TransportSettings {
  readonly fetch: FetchFunction | undefined;
  readonly dispatcher: UndiciDispatcher | undefined;
}

const byDispatcher =
  (dispatcher: () => UndiciDispatcher): Transport =>
  (request) =>
    exchange(request, targetFor(dispatcher()));

const dispatcherTransports = new WeakMap<UndiciDispatcher, Transport>();

// Called as a plain function: Workers refuse a fetch called as a method of another object.
const runtimeFetch: FetchFunction = (url, init) => fetch(url, init);

const loadRoute = async () => {
  const route = await import('#undici-route');
  return route.loadGlobalDispatcher();
};

let defaultTransport: Transport | undefined;
let loading: Promise<Transport> | undefined;

const loadDefault = async (): Promise<Transport> => {
  // Checked here, not in the route module: that module is a file of its own beside the bundled
  // entry, and an error class of its copy would not be this copy's.
  const problem = unsupportedNode();
  if (problem !== undefined) throw new UnsupportedRuntimeError(problem);
  const globalDispatcher = await loadRoute().catch((error: unknown) => {
    // Not the SDK's bug but the setup's (say, an ES module bundle without a `require` for
    // undici's CommonJS): the loader's own words say which module, and they hold no secret.
    throw new UnsupportedRuntimeError(`undici, the transport here, did not load: ${String(error)}`);
  });
  defaultTransport = globalDispatcher
    ? byDispatcher(globalDispatcher)
    : fetchTransport(runtimeFetch);
  return defaultTransport;
};

/** The transport for these settings; a promise only until the default one is first loaded. */
export const transportFor = (settings: TransportSettings): Transport | Promise<Transport> => {
  if (settings.fetch) return fetchTransport(settings.fetch);
  const { dispatcher } = settings;
  if (dispatcher) {
    let transport = dispatcherTransports.get(dispatcher);
    if (transport === undefined) {
      transport = byDispatcher(() => dispatcher);
      dispatcherTransports.set(dispatcher, transport);
    }
    return transport;
  }
  return defaultTransport ?? (loading ??= loadDefault());
};
