import { parseBasePath, typeOf } from './base-path.js';
import {
  checkedDispatcher,
  checkedFetch,
  checkedHeaders,
  checkedLogger,
  checkedToken,
  checkedUserAgent,
  flag,
  positive,
  unknownSettings,
  whole,
} from './checks.js';
import type { UndiciDispatcher } from '../http/dispatcher.js';
import type { AccessToken, ConfigurationParameters, DebugLogger } from './parameters.js';
import type { FetchFunction } from '../http/fetch-transport.js';
import {
  diagnosticsFor,
  type ChannelNames,
  type Diagnostics,
} from '../observability/diagnostics.js';

/**
 * What the core is told about the service it speaks to: the address used when none is given, the
 * User-Agent sent unless another is set, the diagnostics channels' names, and the brand by which any copy of the package knows
 * a configuration of its own (`instanceof` would tell one copy's from another's). The API's
 * layer (requests/) hands these in; the core names no service.
 */
export interface Service {
  readonly defaultBasePath: string;
  readonly userAgent: string;
  /** The word each debug line starts with. */
  readonly name: string;
  /** A `Symbol.for` key; it changes if the fields the rest of the SDK reads ever do. */
  readonly brand: string;
  /** The diagnostics channels its requests publish on. */
  readonly channels: ChannelNames;
}

/**
 * What the core reads of a {@link Configuration}: the settings checked and resolved once, for the
 * service it was given, so that no request repeats this work. A wrong setting throws a
 * `TypeError` naming every problem; from then on, every failure is a value.
 */
export class Settings {
  /** `origin` followed by `pathPrefix`. */
  readonly basePath: string;
  /** The scheme, host and port of `basePath`. */
  readonly origin: string;
  /** The path under the origin, with no trailing slash. */
  readonly pathPrefix: string;
  readonly accessToken: AccessToken | undefined;
  /** Names lower-case. */
  readonly defaultHeaders: Readonly<Record<string, string>>;
  readonly userAgent: string;
  /** Undefined means undici's global dispatcher, looked up at each request. */
  readonly dispatcher: UndiciDispatcher | undefined;
  /** Undefined means the default transport (see `ConfigurationParameters.fetch`). */
  readonly fetch: FetchFunction | undefined;
  readonly strict: boolean;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly maxResponseBytes: number;
  readonly maxRetryAfterMs: number;
  readonly retryBaseDelayMs: number;
  readonly retryMaxDelayMs: number;
  readonly logger: DebugLogger | undefined;
  readonly logBodies: boolean;
  /** The service's diagnostics channels. @internal */
  readonly diagnostics: Diagnostics;

  constructor(parameters: ConfigurationParameters, service: Service) {
    const problems: string[] = [];
    const given: unknown = parameters;
    if (typeof given !== 'object' || given === null) {
      throw new TypeError(
        `Invalid Configuration: expected an object of settings, got ${typeOf(given)}`,
      );
    }
    unknownSettings(parameters, problems);
    const base = parseBasePath(parameters.basePath, service.defaultBasePath, problems);
    this.origin = base.origin;
    this.pathPrefix = base.pathPrefix;
    this.basePath = base.origin + base.pathPrefix;
    this.accessToken = checkedToken(parameters.accessToken, problems);
    this.defaultHeaders = lowerCaseKeys(checkedHeaders(parameters.defaultHeaders, problems));
    this.userAgent = checkedUserAgent(parameters.userAgent, service.userAgent, problems);
    this.dispatcher = checkedDispatcher(parameters.dispatcher, problems);
    this.fetch = checkedFetch(parameters.fetch, problems);
    this.strict = flag('strict', parameters.strict, problems);
    this.timeoutMs = positive('timeoutMs', parameters.timeoutMs ?? 30_000, problems);
    this.maxRetries = whole('maxRetries', parameters.maxRetries ?? 2, problems);
    this.maxResponseBytes = positive(
      'maxResponseBytes',
      parameters.maxResponseBytes ?? 10 * 1024 * 1024,
      problems,
    );
    this.maxRetryAfterMs = whole('maxRetryAfterMs', parameters.maxRetryAfterMs ?? 60_000, problems);
    this.retryBaseDelayMs = whole('retryBaseDelayMs', parameters.retryBaseDelayMs ?? 500, problems);
    this.retryMaxDelayMs = whole('retryMaxDelayMs', parameters.retryMaxDelayMs ?? 8_000, problems);
    this.logger = labelled(checkedLogger(parameters.debug, problems), service.name);
    this.logBodies = flag('logBodies', parameters.logBodies, problems);
    this.diagnostics = diagnosticsFor(service.channels);
    Object.defineProperty(this, Symbol.for(service.brand), { value: true });
    // A configuration is built once, at start-up, so a mistake there is a programming error.
    if (problems.length > 0) throw new TypeError(`Invalid Configuration: ${problems.join('; ')}`);
  }
}

/** Whether a value is Settings for `service`, made by this copy of the package or by any other. */
export const isSettingsOf = (service: Service, value: unknown): value is Settings =>
  typeof value === 'object' &&
  value !== null &&
  Reflect.get(value, Symbol.for(service.brand)) === true;

/** The headers with their names in lower case. */
export const lowerCaseKeys = (
  headers: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
};

/** The logger, with each line it is handed starting with the service's name. */
const labelled = (logger: DebugLogger | undefined, name: string): DebugLogger | undefined =>
  logger &&
  ((line) => {
    logger(`${name} ${line}`);
  });
