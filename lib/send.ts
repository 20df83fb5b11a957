import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { listOf } from './schema/codecs.js';
import type { AccessToken, Configuration } from './configuration.js';
import { decodeJson } from './schema/decode.js';
import {
  abortError,
  decodeError,
  httpError,
  invalidRequest,
  networkError,
  timeoutError,
  type ConnectError,
  type HttpErrorModel,
} from './errors.js';
import { logAttempt, logRequestBody, logResponseBody } from './log.js';
import type { CompiledOperation, PreparedRequest } from './prepare.js';
import { prepare } from './prepare.js';
import { scrub, secretsIn } from './redact.js';
import type { ApiResponse, HttpResponse } from './http/response.js';
import { backoffMs, RETRYABLE_STATUSES, retryAfterMs } from './retry.js';
import { sleep, within } from './http/abortable.js';
import { dispatcherFor } from './http/dispatcher.js';
import { requestHeaders } from './http/headers.js';
import { isPending } from './http/promise.js';
import { resolveToken, type ResolvedToken } from './http/token.js';
import { exchange } from './http/transport.js';
import { FailureMessage } from '../models/FailureMessage.js';
import { ValidationResult } from '../models/ValidationResult.js';

// The one send path: check → resolve the token → send (retrying what is safe) → read the answer.
// Every operation goes through here; it resolves to an Either and never rejects.

/** Per-request settings, the ones the Go SDK carries in its context. */
export interface RequestOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  readonly accessToken?: AccessToken;
  /** Extra headers, names lower-case; they win over the configuration's default headers. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly maxRetries?: number;
}

export type Result<T> = Either<ConnectError, ApiResponse<T>>;

const ValidationResults = listOf(ValidationResult);

export const send = async <P, T>(
  config: Configuration,
  operation: CompiledOperation<P, T>,
  params: Partial<P>,
  options: RequestOptions,
): Promise<Result<T>> => {
  const secrets: string[] = [];
  try {
    const result = await sendChecked(config, operation, params, options, secrets);
    return isLeft(result) ? left(withoutSecrets(result.left, secrets)) : result;
  } catch (error) {
    // Nothing below is meant to throw; should something still do so, it is an answer all the same.
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return left(networkError(operation.name, 'Unexpected', scrub(detail, secrets), 0));
  }
};

const sendChecked = async <P, T>(
  config: Configuration,
  operation: CompiledOperation<P, T>,
  params: Partial<P>,
  options: RequestOptions,
  secrets: string[],
): Promise<Result<T>> => {
  const prepared = prepare(operation, params, config.logger !== undefined);
  const optionProblems = checkOptions(options);
  if (isLeft(prepared) || optionProblems.length > 0) {
    const paramProblems = isLeft(prepared) ? prepared.left : [];
    return left(invalidRequest(operation.name, [...paramProblems, ...optionProblems]));
  }
  // Aborted before anything was sent (or asked of a token provider): no attempt is counted.
  if (options.signal?.aborted) return left(abortError(operation.name, 0));
  const pending = resolveToken(options.accessToken ?? config.accessToken);
  let token: ResolvedToken;
  if (isPending(pending)) {
    // A token provider that hangs must not hang the call: the abort and the timeout cover it.
    const timeoutMs = options.timeoutMs ?? config.timeoutMs;
    const waited = await within(pending, options.signal, timeoutMs);
    if (!waited.done) {
      return left(
        waited.why === 'abort'
          ? abortError(operation.name, 0)
          : timeoutError(operation.name, timeoutMs, 0),
      );
    }
    token = waited.value;
  } else token = pending;
  if (token.secret !== undefined) secrets.push(token.secret);
  if (operation.hasBody) secretsIn(prepared.right.bodyValue, secrets);

  const { headers, problems } = requestHeaders(
    config,
    operation.hasBody,
    token.secret,
    options.headers,
  );
  if (token.problems.length + problems.length > 0) {
    return left(invalidRequest(operation.name, [...token.problems, ...problems]));
  }
  return sendWithRetries(config, operation, prepared.right, headers, options, secrets);
};

const sendWithRetries = async <P, T>(
  config: Configuration,
  operation: CompiledOperation<P, T>,
  prepared: PreparedRequest,
  headers: Readonly<Record<string, string>>,
  options: RequestOptions,
  secrets: readonly string[],
): Promise<Result<T>> => {
  const { name } = operation;
  const maxRetries = options.maxRetries ?? config.maxRetries;
  const timeoutMs = options.timeoutMs ?? config.timeoutMs;
  const logger = config.logger;
  if (logger && config.logBodies) {
    logRequestBody(logger, name, headers, prepared.bodyValue, secrets);
  }
  const path = config.pathPrefix + prepared.target;
  const configured = dispatcherFor(config.dispatcher);
  const dispatcher = isPending(configured) ? await configured : configured;

  for (let attempt = 1; ; attempt++) {
    const started = logger ? performance.now() : 0;
    const outcome = await exchange({
      origin: config.origin,
      path,
      method: operation.method,
      headers,
      body: prepared.body,
      dispatcher,
      timeoutMs,
      signal: options.signal,
      maxResponseBytes: config.maxResponseBytes,
    });
    if (logger) {
      logAttempt(
        logger,
        {
          operation: name,
          method: operation.method,
          target: prepared.loggedTarget,
          attempt,
          attempts: maxRetries + 1,
          ms: performance.now() - started,
          outcome: isLeft(outcome)
            ? outcome.left.kind === 'network'
              ? outcome.left.code
              : outcome.left.kind
            : String(outcome.right.status),
        },
        secrets,
      );
      if (config.logBodies && !isLeft(outcome)) {
        logResponseBody(logger, name, outcome.right.body, secrets);
      }
    }
    const mayRetry = attempt <= maxRetries;

    if (isLeft(outcome)) {
      const failure = outcome.left;
      if (failure.kind === 'abort') return left(abortError(name, attempt));
      const safe =
        failure.kind === 'network'
          ? failure.code !== 'ResponseTooLarge' &&
            (operation.idempotent || !failure.mayHaveReachedServer)
          : operation.idempotent;
      if (mayRetry && safe) {
        if (!(await sleep(backoffMs(attempt, config), options.signal))) {
          return left(abortError(name, attempt));
        }
        continue;
      }
      return left(
        failure.kind === 'timeout'
          ? timeoutError(name, timeoutMs, attempt)
          : networkError(name, failure.code, failure.detail, attempt),
      );
    }

    const response = outcome.right;
    if (response.status >= 200 && response.status < 300) {
      const data = operation.result(response, config.strict);
      return isLeft(data)
        ? left(decodeError(name, data.left, response, attempt))
        : right({ data: data.right, response, attempts: attempt });
    }
    if (mayRetry && operation.idempotent && RETRYABLE_STATUSES.has(response.status)) {
      const delay =
        retryAfterMs(response.headers, config.maxRetryAfterMs) ?? backoffMs(attempt, config);
      if (!(await sleep(delay, options.signal))) return left(abortError(name, attempt));
      continue;
    }
    const model = errorModel(response);
    return left(
      httpError(name, response, model, attempt, model ? undefined : serverMessage(response)),
    );
  }
};

/** The body of a 400 or 401 answer, decoded as the spec describes it, when it is. */
const errorModel = (response: HttpResponse): HttpErrorModel | undefined => {
  const decoded =
    response.status === 400
      ? decodeJson(ValidationResults, response, false)
      : response.status === 401
        ? decodeJson(FailureMessage, response, false)
        : undefined;
  return decoded === undefined || isLeft(decoded) ? undefined : decoded.right;
};

/** A `{ message }` body of any other error status (404, 409, …): it says what was wrong. */
const serverMessage = (response: HttpResponse): string | undefined => {
  if (response.status === 400 || response.status === 401) return undefined;
  const decoded = decodeJson(FailureMessage, response, false);
  return isLeft(decoded) ? undefined : decoded.right.message;
};

const NO_PROBLEMS: readonly string[] = [];

const checkOptions = (options: RequestOptions): readonly string[] => {
  const { timeoutMs, maxRetries } = options;
  if (timeoutMs === undefined && maxRetries === undefined) return NO_PROBLEMS;
  const problems: string[] = [];
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    problems.push('timeout: must be a positive number of milliseconds');
  }
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && maxRetries >= 0)) {
    problems.push('maxRetries: must be a whole number ≥ 0');
  }
  return problems;
};

const withoutSecrets = (error: ConnectError, secrets: readonly string[]): ConnectError => {
  if (secrets.length === 0) return error;
  const message = scrub(error.message, secrets);
  return message === error.message ? error : { ...error, message };
};
