import type { UndiciDispatcher } from '../http/dispatcher.js';
import type { FetchFunction } from '../http/fetch-transport.js';

// What a caller may set: the settings' types, apart from the class that checks them, so that the
// checks, the class and the token reader all import them without importing one another.

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
  /** The API's address. Defaults to the service's own ({@link DEFAULT_BASE_PATH} for Connect). */
  basePath?: string | undefined;
  /**
   * The API key. A string of at least 8 characters (a shorter one is refused: it could not be
   * masked in messages without masking ordinary text), or a function asked before every request.
   * Unset: no Authorization header is sent.
   */
  accessToken?: AccessToken | undefined;
  /** Sent with every request; per-request headers win over these. */
  defaultHeaders?: Readonly<Record<string, string>> | undefined;
  /** Replaces the default User-Agent ({@link USER_AGENT} for Connect). */
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
