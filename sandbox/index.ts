import type { AddressInfo } from 'node:net';
import { apiRoutes } from './api.js';
import { sandboxClock, type ClockKind } from './clock.js';
import { apiKeyProblem } from './apiKey.js';
import { sandboxControl, type SandboxControl } from './controlClient.js';
import { controlRoutes } from './control.js';
import { FaultBook } from './faults.js';
import { launchRoutes } from './launch.js';
import { unsupportedNode } from './nodeVersion.js';
import { checkAllowedOrigins } from './launchOrigins.js';
import { router } from './router.js';
import { newApiKey } from './secrets.js';
import { createSandboxServer, type RequestLogEntry } from './server.js';
import { SandboxStore } from './store.js';

// A local, stateful, in-memory Connect API on loopback: start it, point a Configuration at
// `url` with `apiKey`, reset it between tests, stop it when done.

export type { RequestLogEntry } from './server.js';
export { sandboxControl, type SandboxControl } from './controlClient.js';
export type {
  CompleteSessionRequest,
  CompleteSessionResponse,
  CompleteWithFailure,
  CompleteWithSuccess,
  SandboxTime,
} from './controlModels.js';
export type { FaultRequest } from './faults.js';
export type { ClockKind } from './clock.js';
export { SESSION_LIFETIME_MS, STEP_INTERVAL_MS } from './progress.js';

/** How to start a sandbox; every option has a default. */
export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** A loopback address: 127.0.0.1 (default), ::1 or localhost. */
  readonly host?: string;
  /**
   * The API key clients must send as `Authorization: Bearer <key>`; random by default. At least 8
   * characters, no spaces, control characters or characters beyond U+00FF (else refused).
   */
  readonly apiKey?: string;
  /**
   * Sandbox time: `real` (default) follows the machine's clock; `manual` stands still until
   * `control.advanceTime(ms)` moves it, so a test of what time does needs no sleep.
   */
  readonly clock?: ClockKind;
  /**
   * The origins of your frontend (`['http://localhost:3000']`): the launch page sends a result
   * (and its results access key) only to these and to the origin of the Session's own
   * redirectUrl, and only they may frame it. None by default.
   */
  readonly allowedOrigins?: readonly string[];
  /** The Retry-After of a 202 for an attachment that is not ready yet. Default 1. */
  readonly retryAfterSeconds?: number;
  /** Called once per request answered, with a line that holds no secret. */
  readonly onRequest?: (entry: RequestLogEntry) => void;
  /** Called with an unexpected error inside the sandbox (the request got a 500). */
  readonly onError?: (error: unknown) => void;
}

/** A running sandbox. */
export interface Sandbox {
  /** e.g. `http://127.0.0.1:40123`: the `basePath` for a Configuration. */
  readonly url: string;
  readonly apiKey: string;
  readonly port: number;
  /** The declared origins, normalised: where launch results may go, beside redirectUrl's. */
  readonly allowedOrigins: readonly string[];
  /** The control routes, typed: act as the end user, move time, inject faults, empty it. */
  readonly control: SandboxControl;
  /** Forgets every session, key, attachment, network identity and injected fault. */
  reset(): void;
  /** Stops listening and closes every connection, kept-alive ones included. */
  stop(): Promise<void>;
}

// The sandbox authenticates nothing but a shared key and speaks plain HTTP: never off the machine.
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Starts a sandbox on loopback; it serves until `stop()`. */
export const startSandbox = async (options: SandboxOptions = {}): Promise<Sandbox> => {
  const nodeProblem = unsupportedNode(process.versions);
  if (nodeProblem !== undefined) throw new Error(nodeProblem);
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) {
    throw new Error(
      `The sandbox listens on loopback only (127.0.0.1, ::1, localhost), not ${host}`,
    );
  }
  const apiKey = options.apiKey ?? newApiKey();
  const keyProblem = apiKeyProblem(apiKey);
  if (keyProblem !== undefined) throw new Error(keyProblem);
  const allowedOrigins = checkAllowedOrigins(options.allowedOrigins);
  const clock = sandboxClock(options.clock ?? 'real');
  const store = new SandboxStore({ clock, retryAfterSeconds: options.retryAfterSeconds });
  const faults = new FaultBook();
  const api = apiRoutes(store);
  const operations = new Set(api.flatMap((route) => route.operation ?? []));
  let url = '';
  const server = createSandboxServer({
    router: router([
      ...api,
      ...controlRoutes({ store, clock, faults, operations }),
      ...launchRoutes(store, allowedOrigins),
    ]),
    apiKey,
    faults,
    baseUrl: () => url,
    onRequest: options.onRequest,
    onError: options.onError,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? portOf(address) : 0;
  url = `http://${host === '::1' ? '[::1]' : host}:${port}`;

  let stopped: Promise<void> | undefined;
  return {
    url,
    apiKey,
    port,
    allowedOrigins,
    control: sandboxControl(url, apiKey),
    reset: () => {
      store.reset();
      faults.clear();
    },
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        // Kept-alive client sockets would hold close() open until they time out.
        server.closeAllConnections();
      });
      return stopped;
    },
  };
};

const portOf = (address: AddressInfo): number => address.port;
