import { isLeft, left } from 'fp-ts/lib/Either.js';
import type { Configuration } from './configuration.js';
import { abortError, invalidRequest, networkError, timeoutError } from './errors.js';
import { sleep, within } from './http/abortable.js';
import { dispatcherFor } from './http/dispatcher.js';
import { requestHeaders } from './http/headers.js';
import { isPending } from './http/promise.js';
import { resolveToken } from './http/token.js';
import { exchange } from './http/transport.js';
import { logAttempt, logRequestBody, logResponseBody, outcomeLabel } from './log.js';
import { checkOptions, retrySettingsOf, timeoutOf, type RequestOptions } from './options.js';
import { resultOf, type Result } from './outcome.js';
import { prepare, type CompiledOperation, type PreparedRequest } from './prepare.js';
import { scrub, secretsIn } from './redact.js';
import { retryDelay } from './retry.js';

// The one send path: check → resolve the token → send, retrying what the rules allow → read the
// answer. Every operation goes through here; it resolves to an Either and never rejects.

export const send = async <P, T, M>(
  config: Configuration,
  operation: CompiledOperation<P, T, M>,
  params: Partial<P>,
  options: RequestOptions,
): Promise<Result<T, M>> => {
  const secrets: string[] = [];
  try {
    const result = await sendChecked(config, operation, params, options, secrets);
    if (!isLeft(result) || secrets.length === 0) return result;
    const message = scrub(result.left.message, secrets);
    return message === result.left.message ? result : left({ ...result.left, message });
  } catch (error) {
    // Nothing below is meant to throw; should something still do so, it is an answer all the same.
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return left(networkError(operation.name, 'Unexpected', scrub(detail, secrets), 0));
  }
};

const sendChecked = async <P, T, M>(
  config: Configuration,
  operation: CompiledOperation<P, T, M>,
  params: Partial<P>,
  options: RequestOptions,
  secrets: string[],
): Promise<Result<T, M>> => {
  const prepared = prepare(operation, params, config.logger !== undefined);
  const optionProblems = checkOptions(options);
  if (isLeft(prepared) || optionProblems.length > 0) {
    const paramProblems = isLeft(prepared) ? prepared.left : [];
    return left(invalidRequest(operation.name, [...paramProblems, ...optionProblems]));
  }
  // Aborted before anything was sent (or asked of a token provider): no attempt is counted.
  if (options.signal?.aborted) return left(abortError(operation.name, 0));
  let token = resolveToken(options.accessToken ?? config.accessToken);
  if (isPending(token)) {
    // A token provider that hangs must not hang the call: the abort and the timeout cover it.
    const timeoutMs = timeoutOf(config, options);
    const waited = await within(token, options.signal, timeoutMs);
    if (!waited.done) {
      return left(
        waited.why === 'abort'
          ? abortError(operation.name, 0)
          : timeoutError(operation.name, timeoutMs, 0),
      );
    }
    token = waited.value;
  }
  if (token.secret !== undefined) secrets.push(token.secret);
  if (operation.hasBody) secretsIn(prepared.right.bodyValue, operation.sensitivity, secrets);

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

const sendWithRetries = async <P, T, M>(
  config: Configuration,
  operation: CompiledOperation<P, T, M>,
  prepared: PreparedRequest,
  headers: Readonly<Record<string, string>>,
  options: RequestOptions,
  secrets: readonly string[],
): Promise<Result<T, M>> => {
  const { name, sensitivity } = operation;
  const timeoutMs = timeoutOf(config, options);
  const retry = retrySettingsOf(config, options);
  const { logger } = config;
  if (logger && config.logBodies) {
    logRequestBody(logger, name, headers, prepared.bodyValue, sensitivity, secrets);
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
      const ms = performance.now() - started;
      const { method } = operation;
      const attempts = retry.maxRetries + 1;
      const entry = { operation: name, method, target: prepared.loggedTarget, attempt, attempts };
      logAttempt(logger, { ...entry, ms, outcome: outcomeLabel(outcome) }, secrets);
      if (config.logBodies && !isLeft(outcome)) {
        logResponseBody(logger, name, outcome.right.body, sensitivity, secrets);
      }
    }
    const delay = retryDelay(outcome, operation, attempt, retry);
    if (delay === undefined) return resultOf(operation, outcome, attempt, config.strict, timeoutMs);
    if (!(await sleep(delay, options.signal))) return left(abortError(name, attempt));
  }
};
