import type { HttpResponse } from '../http/response.js';

// Errors are plain values, discriminated by `_tag`, so they can be matched exhaustively and
// composed in fp-ts pipelines. Every `message` is built from parts that can hold no secret.
// The core knows no API: what an error body means is the API description's (`M`, ErrorBodies).

/** The request broke a rule of the spec; nothing was sent. */
export interface InvalidRequest {
  readonly _tag: 'InvalidRequest';
  readonly message: string;
  /** One line per problem, each naming the parameter or body path at fault. */
  readonly problems: readonly string[];
  readonly attempts: 0;
}

/** The request could not be sent, or the answer could not be received whole. */
export interface NetworkError {
  readonly _tag: 'NetworkError';
  readonly message: string;
  /** The transport's error code (`ECONNREFUSED`, `UND_ERR_SOCKET`, `ResponseTooLarge`, …). */
  readonly code: string;
  readonly attempts: number;
}

/** No complete answer came within the timeout. */
export interface TimeoutError {
  readonly _tag: 'TimeoutError';
  readonly message: string;
  readonly timeoutMs: number;
  readonly attempts: number;
}

/** The caller's AbortSignal fired. */
export interface AbortError {
  readonly _tag: 'AbortError';
  readonly message: string;
  readonly attempts: number;
}

/** The server answered with a status that is not a success. */
export interface HttpErrorOf<M = unknown> {
  readonly _tag: 'HttpError';
  readonly message: string;
  readonly status: number;
  readonly response: HttpResponse;
  /** The error body, decoded as the API describes it for this status, when it does. */
  readonly model: M | undefined;
  readonly attempts: number;
}

/** A success answer that does not match the spec. */
export interface DecodeError {
  readonly _tag: 'DecodeError';
  readonly message: string;
  /** Each problem with its path in the body, e.g. `sessions.3.state: expected one of …`. */
  readonly errors: readonly string[];
  readonly response: HttpResponse;
  readonly attempts: number;
}

/** Every way a request can fail; `M` is the API's union of error-body models. */
export type RequestError<M> =
  InvalidRequest | NetworkError | TimeoutError | AbortError | HttpErrorOf<M> | DecodeError;

export const invalidRequest = (operation: string, problems: readonly string[]): InvalidRequest => ({
  _tag: 'InvalidRequest',
  message: `${operation}: invalid request, nothing was sent: ${problems.join('; ')}`,
  problems,
  attempts: 0,
});

/**
 * A bug in the SDK, reported as a value all the same: named by its kind only (never its message,
 * which could hold anything), and as an InvalidRequest, since it struck before anything was sent.
 */
export const internalError = (operation: string, error: unknown): InvalidRequest =>
  invalidRequest(operation, [`internal error, please report it: ${errorKind(error)}`]);

export const networkError = (
  operation: string,
  code: string,
  detail: string,
  attempts: number,
): NetworkError => ({
  _tag: 'NetworkError',
  message: `${operation}: network error (${code}): ${detail}`,
  code,
  attempts,
});

export const timeoutError = (
  operation: string,
  timeoutMs: number,
  attempts: number,
): TimeoutError => ({
  _tag: 'TimeoutError',
  message: `${operation}: no complete answer within ${timeoutMs} ms`,
  timeoutMs,
  attempts,
});

export const abortError = (operation: string, attempts: number): AbortError => ({
  _tag: 'AbortError',
  message: `${operation}: aborted by the caller's signal`,
  attempts,
});

export const httpError = <M>(
  operation: string,
  response: HttpResponse,
  model: M | undefined,
  attempts: number,
  /** What the body says, as the API description reads it; empty when it says nothing. */
  says: string,
): HttpErrorOf<M> => ({
  _tag: 'HttpError',
  message: `${operation}: HTTP ${response.status}${says === '' ? '' : `: ${says}`}${redirectNote(response.status)}`,
  status: response.status,
  response,
  model,
  attempts,
});

export const decodeError = (
  operation: string,
  errors: readonly string[],
  response: HttpResponse,
  attempts: number,
): DecodeError => ({
  _tag: 'DecodeError',
  message: `${operation}: the answer (HTTP ${response.status}) does not match the spec: ${errors.join('; ')}`,
  errors,
  response,
  attempts,
});

/**
 * What a thrown value is called, for a message: its class name when that is plainly one, else its
 * type. An error's `name` is the thrower's to set and could hold anything, a token included; and
 * it is duck-typed, since an error from another realm (a test runner's VM) is no instanceof Error.
 */
export const errorKind = (error: unknown): string => {
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : '';
  return typeof name === 'string' && /^([A-Z][A-Za-z]{0,40})?(Error|Exception)$/.test(name)
    ? name
    : typeof error;
};

// Redirects are never followed, so a bearer token cannot be carried to another origin.
const redirectNote = (status: number): string =>
  status >= 300 && status < 400 ? ' (a redirect: not followed, by design)' : '';
