import { right } from 'fp-ts/lib/Either.js';
import { startAttempt } from './attempt.js';
import {
  failed,
  tooLarge,
  type AttemptOutcome,
  type ExchangeRequest,
  type Transport,
} from './exchange.js';
import type { HttpHeaders } from './response.js';

// One HTTP exchange through a fetch function: the runtime's own where undici cannot dispatch (Bun,
// Cloudflare Workers, Vercel's Edge runtime), or the one the Configuration's `fetch` setting hands
// in, on any runtime. Same contract as the undici transport: the whole body within the size cap,
// the timeout over the whole exchange, the caller's abort, and never a rejection.
//
// fetch decodes gzip, deflate and br bodies itself (the WHATWG fetch standard asks it to), so the
// body is read as it comes and the cap counts decoded bytes. Redirects are not followed, as on
// the undici path: the API answers none, and a redirect must not carry the API key elsewhere.

/** The part of a fetch `Response` that the SDK reads; a WHATWG `Response` is one. */
export interface FetchResponse {
  readonly status: number;
  readonly headers: FetchHeaders;
  readonly body: FetchBody | null;
  /** The whole body; used when it is unencoded and its length is declared. */
  arrayBuffer(): Promise<ArrayBuffer>;
  /** The same as bytes, where the runtime has it (Node 22+, Deno, Bun, Workers): no copy. */
  bytes?(): Promise<Uint8Array>;
}

/** The headers of a fetch `Response`, as the SDK reads them. */
export interface FetchHeaders {
  /** Calls `callback` once per header (names lower-case, repeated values joined). */
  forEach(callback: (value: string, name: string) => void): void;
}

/** The body stream of a fetch `Response`, as the SDK reads it. */
export interface FetchBody {
  /** A reader of the stream's chunks. */
  getReader(): FetchBodyReader;
}

/** A reader of a fetch body stream, as the SDK reads it. */
export interface FetchBodyReader {
  /** The next chunk, or `done` at the end. */
  read(): Promise<{ readonly done: boolean; readonly value?: Uint8Array | undefined }>;
  /** Drops the rest of the stream (an answer over `maxResponseBytes`). */
  cancel(reason?: unknown): Promise<void>;
}

/** What the SDK passes to a fetch function besides the URL. */
export interface FetchInit {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly signal: AbortSignal;
  readonly redirect: 'manual';
}

/**
 * A fetch function: the runtime's `fetch`, or one of your own (instrumented, proxied, a test
 * double) that takes a URL and these options and resolves to a WHATWG-like `Response`.
 */
export type FetchFunction = (url: string, init: FetchInit) => Promise<FetchResponse>;

const transports = new WeakMap<FetchFunction, Transport>();

/** The transport over a fetch function (one per function, so a request allocates none). */
export const fetchTransport = (fetchFunction: FetchFunction): Transport => {
  let transport = transports.get(fetchFunction);
  if (transport === undefined) {
    transport = (request) => exchangeByFetch(fetchFunction, request);
    transports.set(fetchFunction, transport);
  }
  return transport;
};

const exchangeByFetch = (
  fetchFunction: FetchFunction,
  request: ExchangeRequest,
): Promise<AttemptOutcome> =>
  new Promise((resolve) => {
    const controller = new AbortController();
    // A rejection that the cancellation causes in fetch comes after the settlement: ignored.
    const attempt = startAttempt(request, resolve, () => {
      controller.abort();
    });
    if (attempt === undefined) return;
    const { settle } = attempt;
    const init: FetchInit = {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
      redirect: 'manual',
    };
    const read = async (): Promise<AttemptOutcome> => {
      const response = await fetchFunction(request.origin + request.path, init);
      const headers = headersOf(response);
      const body = await bodyOf(response, headers, request.maxResponseBytes);
      return body === undefined
        ? tooLarge(request.maxResponseBytes)
        : right({ status: response.status, headers, body });
    };
    read().then(settle, (error: unknown) => {
      settle(failed(error));
    });
  });

const headersOf = (response: FetchResponse): HttpHeaders => {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return headers;
};

const EMPTY = new Uint8Array(0);

// The rest of a body that will not be read; a failure to cancel changes nothing for the caller.
const discard = (reader: FetchBodyReader): Promise<void> => reader.cancel().catch(() => undefined);

/** The body, or undefined past `max` bytes (the rest is not read). */
const bodyOf = async (
  response: FetchResponse,
  headers: HttpHeaders,
  max: number,
): Promise<Uint8Array | undefined> => {
  const length = Number(headers['content-length']);
  if (length > max) {
    const reader = response.body?.getReader();
    if (reader) await discard(reader);
    return undefined;
  }
  // An unencoded body of a declared length cannot outgrow it: read it whole, the fast way.
  const encoding = headers['content-encoding'];
  if (Number.isInteger(length) && (encoding === undefined || encoding === 'identity')) {
    return response.bytes ? response.bytes() : new Uint8Array(await response.arrayBuffer());
  }
  const reader = response.body?.getReader();
  if (reader === undefined) return EMPTY;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value === undefined) continue;
    size += value.length;
    if (size > max) {
      await discard(reader);
      return undefined;
    }
    chunks.push(value);
  }
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
};
