import { request, type Dispatcher } from 'undici';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { HttpResponse } from './response.js';

// One HTTP exchange through undici: send, receive the whole body within a size cap, decompress.
// It never throws; every way it can fail is a value the retry loop can reason about.

export interface Exchange {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly dispatcher: Dispatcher | undefined;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly maxResponseBytes: number;
}

export type ExchangeFailure =
  | {
      readonly kind: 'network';
      readonly code: string;
      readonly detail: string;
      /** False only when the request cannot have reached the server (refused, DNS). */
      readonly mayHaveReachedServer: boolean;
    }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'abort' };

// Failures that happen before a connection exists: the server saw nothing.
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

class TooLarge extends Error {}

export const exchange = async (ex: Exchange): Promise<Either<ExchangeFailure, HttpResponse>> => {
  if (ex.signal?.aborted) return left({ kind: 'abort' });
  const controller = new AbortController();
  // An object, so that the flag read in `catch` is the one the timer set.
  const deadline = { passed: false };
  const timer = setTimeout(() => {
    deadline.passed = true;
    controller.abort();
  }, ex.timeoutMs);
  const forwardAbort = () => {
    controller.abort();
  };
  ex.signal?.addEventListener('abort', forwardAbort, { once: true });
  try {
    const answer = await request(ex.url, {
      method: ex.method,
      headers: ex.headers,
      body: ex.body,
      dispatcher: ex.dispatcher,
      signal: controller.signal,
    });
    const declared = Number(answer.headers['content-length']);
    if (declared > ex.maxResponseBytes) {
      answer.body.destroy();
      throw new TooLarge();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of answer.body) {
      const bytes: Buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += bytes.length;
      if (size > ex.maxResponseBytes) {
        answer.body.destroy();
        throw new TooLarge();
      }
      chunks.push(bytes);
    }
    const raw = chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, size);
    const encoding = answer.headers['content-encoding'];
    return right({
      status: answer.statusCode,
      headers: answer.headers,
      body: decompress(
        typeof encoding === 'string' ? encoding : undefined,
        raw,
        ex.maxResponseBytes,
      ),
    });
  } catch (error) {
    if (ex.signal?.aborted) return left({ kind: 'abort' });
    if (deadline.passed) return left({ kind: 'timeout' });
    return left(describeFailure(error, ex.maxResponseBytes));
  } finally {
    clearTimeout(timer);
    ex.signal?.removeEventListener('abort', forwardAbort);
  }
};

const decompress = (encoding: string | undefined, raw: Buffer, max: number): Buffer => {
  switch (encoding?.trim().toLowerCase()) {
    case undefined:
    case '':
    case 'identity':
      return raw;
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(raw, { maxOutputLength: max });
    case 'deflate':
      return inflateSync(raw, { maxOutputLength: max });
    case 'br':
      return brotliDecompressSync(raw, { maxOutputLength: max });
    default:
      throw Object.assign(new Error(`unsupported content-encoding ${encoding}`), {
        code: 'UnsupportedContentEncoding',
      });
  }
};

const describeFailure = (error: unknown, max: number): ExchangeFailure => {
  if (error instanceof TooLarge || codeOf(error) === 'ERR_BUFFER_TOO_LARGE') {
    return {
      kind: 'network',
      code: 'ResponseTooLarge',
      detail: `the answer is larger than maxResponseBytes (${max} bytes)`,
      mayHaveReachedServer: true,
    };
  }
  const code = codeOf(error) ?? 'UNKNOWN';
  return {
    kind: 'network',
    code,
    detail: messageOf(error),
    mayHaveReachedServer: !NOT_SENT.has(code),
  };
};

// undici puts the system error's code on the error or on its cause; a code that proves the
// request never left wins over a wrapper's generic one. Errors are duck-typed: they may come from
// another realm (a test runner's sandbox), where `instanceof Error` is false.
const codeOf = (error: unknown): string | undefined => {
  let first: string | undefined;
  let e: unknown = error;
  for (let depth = 0; isObject(e) && depth < 5; depth++) {
    if (typeof e.code === 'string') {
      if (NOT_SENT.has(e.code)) return e.code;
      first ??= e.code;
    }
    e = e.cause;
  }
  return first;
};

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null;

const messageOf = (error: unknown): string =>
  isObject(error) && typeof error.message === 'string' ? error.message : String(error);
