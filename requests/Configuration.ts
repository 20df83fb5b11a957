import { isSettingsOf, Settings, type Service } from '../lib/configuration/configuration.js';
import type { ConfigurationParameters } from '../lib/configuration/parameters.js';
import { USER_AGENT } from './version.js';

/** The spec's server, the default `basePath`. */
export const DEFAULT_BASE_PATH = 'https://connect.trinsic.id';

/** The diagnostics channels' names, for `diagnostics_channel.tracingChannel(…)` and `.subscribe(…)`. */
export const DIAGNOSTICS_CHANNELS = {
  /** A TracingChannel: `tracing:trinsic-connect:request:start` (and `end`, `asyncStart`, …). */
  request: 'trinsic-connect:request',
  /** A plain channel: one `AttemptEvent` per attempt, retries included. */
  attempt: 'trinsic-connect:attempt',
} as const;

// What the core is told of Connect. The brand marks a Configuration of any copy of this package:
// an application can load two (its ES module and CommonJS builds, or two versions). Its number
// changes if the fields that the rest of the SDK reads ever do.
const CONNECT: Service = {
  defaultBasePath: DEFAULT_BASE_PATH,
  userAgent: USER_AGENT,
  brand: 'trinsic-connect-sdk.Configuration.1',
  name: 'connect',
  channels: DIAGNOSTICS_CHANNELS,
};

/**
 * The settings of an {@link APIClient}, checked and resolved once so that no request repeats this
 * work. A wrong setting throws a `TypeError` naming every problem; from then on, every failure
 * is a value.
 */
export class Configuration extends Settings {
  constructor(parameters: ConfigurationParameters = {}) {
    super(parameters, CONNECT);
  }
}

/** Whether a value is a Configuration, made by this copy of the package or by any other. */
export const isConfiguration = (value: unknown): value is Configuration =>
  isSettingsOf(CONNECT, value);
