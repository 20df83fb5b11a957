import type { Dispatcher } from 'undici';
import { USER_AGENT } from './version.js';

/** A bearer token, or a function that yields one (called before every request, may be async). */
export type AccessToken = string | (() => string | Promise<string>);

/** Receives one line per attempt, and body lines when `logBodies` is set; secrets are redacted. */
export type DebugLogger = (line: string) => void;

export interface ConfigurationParameters {
  /** Defaults to the spec's server, `https://connect.trinsic.id`. */
  basePath?: string;
  accessToken?: AccessToken;
  /** Sent with every request; per-request headers win over these. */
  defaultHeaders?: Readonly<Record<string, string>>;
  /** Replaces the default User-Agent (`trinsic-connect-sdk/<version> …`). */
  userAgent?: string;
  /** The undici Dispatcher (Agent, Pool, ProxyAgent, MockAgent); undici's global one by default. */
  dispatcher?: Dispatcher;
  /** Reject answers carrying properties the spec does not name, as the Go SDK does. */
  strict?: boolean;
  /** Whole-request timeout per attempt (connect, headers and body), in ms. Default 30 000. */
  timeoutMs?: number;
  /** Retries after the first attempt, for failures that are safe to retry. Default 2; 0 disables. */
  maxRetries?: number;
  /** The largest answer body accepted, in bytes (after decompression). Default 10 MiB. */
  maxResponseBytes?: number;
  /** The longest Retry-After honoured, in ms; a longer one is capped to it. Default 60 000. */
  maxRetryAfterMs?: number;
  /** The backoff before the first retry is drawn from [0, this] ms, doubling each retry. Default 500. */
  retryBaseDelayMs?: number;
  /** The ceiling of the backoff range, in ms. Default 8 000. */
  retryMaxDelayMs?: number;
  /** Debug lines: `true` writes them to stderr; a function receives them. Off by default. */
  debug?: boolean | DebugLogger;
  /** With `debug`, also log request and response bodies (secrets redacted). */
  logBodies?: boolean;
}

export const DEFAULT_BASE_PATH = 'https://connect.trinsic.id';

/** The settings of an APIClient, resolved once so that no request repeats this work. */
export class Configuration {
  readonly basePath: string;
  /** The scheme, host and port of `basePath`, and the path under them (no trailing slash). */
  readonly origin: string;
  readonly pathPrefix: string;
  readonly accessToken: AccessToken | undefined;
  readonly defaultHeaders: Readonly<Record<string, string>>;
  readonly userAgent: string;
  /** Undefined means undici's global dispatcher, looked up at each request. */
  readonly dispatcher: Dispatcher | undefined;
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
    const base = parseBasePath(parameters.basePath ?? DEFAULT_BASE_PATH, problems);
    this.origin = base.origin;
    this.pathPrefix = base.pathPrefix;
    this.basePath = base.origin + base.pathPrefix;
    this.accessToken = parameters.accessToken;
    this.defaultHeaders = lowerCaseKeys(parameters.defaultHeaders ?? {});
    this.userAgent = parameters.userAgent ?? USER_AGENT;
    this.dispatcher = parameters.dispatcher;
    this.strict = parameters.strict ?? false;
    this.timeoutMs = positive('timeoutMs', parameters.timeoutMs ?? 30_000, problems);
    this.maxRetries = nonNegativeInteger('maxRetries', parameters.maxRetries ?? 2, problems);
    this.maxResponseBytes = positive(
      'maxResponseBytes',
      parameters.maxResponseBytes ?? 10 * 1024 * 1024,
      problems,
    );
    this.maxRetryAfterMs = nonNegativeInteger(
      'maxRetryAfterMs',
      parameters.maxRetryAfterMs ?? 60_000,
      problems,
    );
    this.retryBaseDelayMs = nonNegativeInteger(
      'retryBaseDelayMs',
      parameters.retryBaseDelayMs ?? 500,
      problems,
    );
    this.retryMaxDelayMs = nonNegativeInteger(
      'retryMaxDelayMs',
      parameters.retryMaxDelayMs ?? 8_000,
      problems,
    );
    this.logger =
      parameters.debug === true
        ? (line) => process.stderr.write(`${line}\n`)
        : parameters.debug || undefined;
    this.logBodies = parameters.logBodies ?? false;
    // A configuration is built once, at start-up, so a mistake there is a programming error.
    if (problems.length > 0) throw new TypeError(`Invalid Configuration: ${problems.join('; ')}`);
  }
}

const parseBasePath = (
  basePath: string,
  problems: string[],
): { origin: string; pathPrefix: string } => {
  let url: URL;
  try {
    url = new URL(basePath);
  } catch {
    problems.push('basePath must be an absolute http(s) URL');
    return { origin: basePath, pathPrefix: '' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push('basePath must use http or https');
  }
  if (url.search !== '' || url.hash !== '')
    problems.push('basePath must have no query or fragment');
  if (url.username !== '' || url.password !== '')
    problems.push('basePath must carry no credentials');
  return { origin: url.origin, pathPrefix: url.pathname.replace(/\/+$/, '') };
};

const positive = (name: string, value: number, problems: string[]): number => {
  if (!(Number.isFinite(value) && value > 0)) problems.push(`${name} must be a positive number`);
  return value;
};

const nonNegativeInteger = (name: string, value: number, problems: string[]): number => {
  if (!(Number.isInteger(value) && value >= 0)) {
    problems.push(`${name} must be a whole number ≥ 0`);
  }
  return value;
};

export const lowerCaseKeys = (
  headers: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
};
