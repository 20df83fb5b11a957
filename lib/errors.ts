import type { FailureMessage } from '../models/FailureMessage.js';
import type { ValidationResult } from '../models/ValidationResult.js';
import type { HttpResponse } from './http/response.js';

// Errors are plain values, discriminated by `_tag`, so they can be matched exhaustively and
// composed in fp-ts pipelines. Every `message` is built from parts that can hold no secret.

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

/** The body of an error answer, decoded as the spec describes it (400 and 401). */
export type HttpErrorModel = readonly ValidationResult[] | FailureMessage;

/** The server answered with a status that is not a success. */
export interface HttpError {
  readonly _tag: 'HttpError';
  readonly message: string;
  readonly status: number;
  readonly response: HttpResponse;
  /** `ValidationResult[]` for 400 and `FailureMessage` for 401, when the body decodes as such. */
  readonly model: HttpErrorModel | undefined;
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

export type ConnectError =
  InvalidRequest | NetworkError | TimeoutError | AbortError | HttpError | DecodeError;

export const invalidRequest = (operation: string, problems: readonly string[]): InvalidRequest => ({
  _tag: 'InvalidRequest',
  message: `${operation}: invalid request, nothing was sent: ${problems.join('; ')}`,
  problems,
  attempts: 0,
});

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

export const httpError = (
  operation: string,
  response: HttpResponse,
  model: HttpErrorModel | undefined,
  attempts: number,
  /** The server's own `{ message }`, for statuses whose body the spec does not describe. */
  serverMessage?: string,
): HttpError => ({
  _tag: 'HttpError',
  message: `${operation}: HTTP ${response.status}${describeModel(model)}${serverMessage === undefined ? '' : `: ${serverMessage.slice(0, 200)}`}${redirectNote(response.status)}`,
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

// Redirects are never followed, so a bearer token cannot be carried to another origin.
const redirectNote = (status: number): string =>
  status >= 300 && status < 400 ? ' (a redirect: not followed, by design)' : '';

const describeModel = (model: HttpErrorModel | undefined): string => {
  if (model === undefined) return '';
  if (!isValidationResults(model)) return `: ${model.message}`;
  const lines = model.map(
    (r) => `${r.memberNames.join(', ') || '(request)'}: ${r.errorMessage ?? 'invalid'}`,
  );
  return lines.length === 0 ? '' : `: ${lines.join('; ')}`;
};

const isValidationResults = (model: HttpErrorModel): model is readonly ValidationResult[] =>
  Array.isArray(model);
