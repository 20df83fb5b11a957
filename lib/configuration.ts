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
} from './configuration-checks.js';
import type { UndiciDispatcher } from './http/dispatcher.js';
import type { FetchFunction } from './http/fetch-transport.js';

export type { UndiciDispatcher } from './http/dispatcher.js';
export type {
  FetchBody,
  FetchBodyReader,
  FetchFunction,
  FetchHeaders,
  FetchInit,
  FetchResponse,
} from './http/fetch-transport.js';

/** A bearer token, or a function that yields one (called before every request, may be async). */
export type AccessToken = string | (() => string | Promise<string>);

/** Receives one line per attempt, and body lines when `logBodies` is set; secrets are redacted. */
export type DebugLogger = (line: string) => void;

/**
 * The settings of a {@link Configuration}. Every one is optional, and `undefined` means the
 * default, so `accessToken: process.env.TRINSIC_API_KEY` compiles under
 * `exactOptionalPropertyTypes` too.
 */
export interface ConfigurationParameters {
  /** The API's address. Defaults to the spec's server, `https://connect.trinsic.id`. */
  basePath?: string | undefined;
  /**
   * The API key. A string of at least 8 characters (a shorter one is refused: it could not be
   * masked in messages without masking ordinary text), or a function asked before every request.
   * Unset: no Authorization header is sent.
   */
  accessToken?: AccessToken | undefined;
  /** Sent with every request; per-request headers win over these. */
  defaultHeaders?: Readonly<Record<string, string>> | undefined;
  /** Replaces the default User-Agent (`trinsic-connect-sdk/<version> …`). */
  userAgent?: string | undefined;
  /**
   * The undici Dispatcher (Agent, Pool, ProxyAgent, MockAgent) of undici 6, 7 or 8; by default
   * undici's global one, so a `setGlobalDispatcher()` of undici 7 or 8 is followed.
   */
  dispatcher?: UndiciDispatcher | undefined;
  /**
   * A fetch function to send every request through instead (an instrumented or proxied fetch, a
   * test double), on any runtime; it wins over `dispatcher`. Unset: undici where it can dispatch
   * (Node, Deno), the runtime's own `fetch` elsewhere (Bun, Cloudflare Workers, Vercel Edge). It
   * must decode gzip, deflate and br bodies itself, as every runtime's `fetch` does.
   */
  fetch?: FetchFunction | undefined;
  /** Reject answers carrying properties the spec does not name, as the Go SDK does. */
  strict?: boolean | undefined;
  /** Whole-request timeout per attempt (connect, headers and body), in ms. Default 30 000. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt, for failures that are safe to retry. Default 2; 0 disables. */
  maxRetries?: number | undefined;
  /** The largest answer body accepted, in bytes (after decompression). Default 10 MiB. */
  maxResponseBytes?: number | undefined;
  /** The longest Retry-After honoured, in ms; a longer one is capped to it. Default 60 000. */
  maxRetryAfterMs?: number | undefined;
  /** The backoff before the first retry is drawn from [0, this] ms, doubling each retry. Default 500. */
  retryBaseDelayMs?: number | undefined;
  /** The ceiling of the backoff range, in ms. Default 8 000. */
  retryMaxDelayMs?: number | undefined;
  /** Debug lines: `true` writes them to stderr; a function receives them. Off by default. */
  debug?: boolean | DebugLogger | undefined;
  /** With `debug`, also log request and response bodies (secrets redacted). */
  logBodies?: boolean | undefined;
}

/** The spec's server, the default `basePath`. */
export const DEFAULT_BASE_PATH = 'https://connect.trinsic.id';

// Marks a Configuration of any copy of this package: an application can load two (its ES module
// and CommonJS builds, or two versions), and `instanceof` would tell one copy's from another's.
// The number changes if the fields that the rest of the SDK reads ever do.
const BRAND: unique symbol = Symbol.for('trinsic-connect-sdk.Configuration.1');

/**
 * The settings of an {@link APIClient}, checked and resolved once so that no request repeats this
 * work. A wrong setting throws a `TypeError` naming every problem; from then on, every failure
 * is a value.
 */
export class Configuration {
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

  constructor(parameters: ConfigurationParameters = {}) {
    const problems: string[] = [];
    const given: unknown = parameters;
    if (typeof given !== 'object' || given === null) {
      throw new TypeError(
        `Invalid Configuration: expected an object of settings, got ${typeOf(given)}`,
      );
    }
    unknownSettings(parameters, problems);
    const base = parseBasePath(parameters.basePath ?? DEFAULT_BASE_PATH, problems);
    this.origin = base.origin;
    this.pathPrefix = base.pathPrefix;
    this.basePath = base.origin + base.pathPrefix;
    this.accessToken = checkedToken(parameters.accessToken, problems);
    this.defaultHeaders = lowerCaseKeys(checkedHeaders(parameters.defaultHeaders, problems));
    this.userAgent = checkedUserAgent(parameters.userAgent, problems);
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
    this.logger = checkedLogger(parameters.debug, problems);
    this.logBodies = flag('logBodies', parameters.logBodies, problems);
    Object.defineProperty(this, BRAND, { value: true });
    // A configuration is built once, at start-up, so a mistake there is a programming error.
    if (problems.length > 0) throw new TypeError(`Invalid Configuration: ${problems.join('; ')}`);
  }
}

/** Whether a value is a Configuration, made by this copy of the package or by any other. */
export const isConfiguration = (value: unknown): value is Configuration =>
  typeof value === 'object' && value !== null && Reflect.get(value, BRAND) === true;

/** The headers with their names in lower case. */
export const lowerCaseKeys = (
  headers: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
};
