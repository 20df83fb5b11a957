import type * as DiagnosticsChannel from 'node:diagnostics_channel';
import { builtinModule } from './runtime.js';

// Node's diagnostics_channel where the runtime has it (Node, Deno, Bun, Workers with
// nodejs_compat), else channels that nobody can subscribe to (Vercel's Edge runtime): the send
// path asks `hasSubscribers` first and never publishes to them.

/** A channel as the SDK uses it. */
export interface PublishChannel {
  readonly hasSubscribers: boolean;
  publish(message: unknown): void;
}

/** A TracingChannel as the SDK uses it. */
export interface TraceChannels<C extends object> {
  readonly hasSubscribers: boolean;
  readonly start: { runStores<R>(context: C, run: () => R): R };
  readonly end: PublishChannel;
  readonly error: PublishChannel;
  readonly asyncStart: PublishChannel;
  readonly asyncEnd: PublishChannel;
}

const isDiagnosticsChannel = (u: unknown): u is typeof DiagnosticsChannel =>
  typeof u === 'object' &&
  u !== null &&
  typeof Reflect.get(u, 'channel') === 'function' &&
  typeof Reflect.get(u, 'tracingChannel') === 'function';

const found = builtinModule('node:diagnostics_channel');
const diagnostics = isDiagnosticsChannel(found) ? found : undefined;

const silent: PublishChannel = {
  hasSubscribers: false,
  publish: () => undefined,
};

export const channelNamed = (name: string): PublishChannel =>
  diagnostics ? diagnostics.channel(name) : silent;

export const tracingChannelNamed = <C extends object>(name: string): TraceChannels<C> =>
  diagnostics
    ? diagnostics.tracingChannel<unknown, C>(name)
    : {
        hasSubscribers: false,
        start: { runStores: (_context, run) => run() },
        end: silent,
        error: silent,
        asyncStart: silent,
        asyncEnd: silent,
      };
