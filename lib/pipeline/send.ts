import { isLeft, left } from 'fp-ts/lib/Either.js';
import type { Settings } from '../configuration/configuration.js';
import { publishAttempt, traceCall } from '../observability/diagnostics.js';
import { abortError, internalError, invalidRequest, timeoutError } from './errors.js';
import { sleep, within } from '../http/abortable.js';
import { requestHeaders } from '../http/headers.js';
import { isPending } from '../http/promise.js';
import { transportFor } from '../http/route.js';
import { UnsupportedRuntimeError } from '../http/runtime.js';
import { resolveToken } from '../http/token.js';
import { logAttempt, logRequestBody, logResponseBody, outcomeLabel } from '../observability/log.js';
import { checkOptions, retrySettingsOf, timeoutOf, type RequestOptions } from './options.js';
import { resultOf, type ResultOf } from './outcome.js';
import { prepare, type CompiledOperation, type PreparedRequest } from '../operation/prepare.js';
import { credentialsIn } from '../secrecy/redact.js';
import { retryDelay } from './retry.js';
import { Secrets } from '../secrecy/secrets.js';
import { sealed } from '../secrecy/texts.js';

// The one send path: check → resolve the token → send, retrying what the rules allow → read the
// answer. Every operation goes through here; it resolves to an Either and never rejects, and
// every error it resolves to is scrubbed of the request's secrets and bounded (texts.ts).

export const send = <P, T, M>(
  config: Settings,
  operation: CompiledOperation<P, T, M>,
  params: Partial<P>,
  options: RequestOptions,
): Promise<ResultOf<T, M>> =>
  config.diagnostics.calls.hasSubscribers
    ? traceCall(config.diagnostics, operation, () => sendSealed(config, operation, params, options))
    : sendSealed(config, operation, params, options);

const sendSealed = async <P, T, M>(
  config: Settings,
  operation: CompiledOperation<P, T, M>,
  params: Partial<P>,
  options: RequestOptions,
): Promise<ResultOf<T, M>> => {
  const secrets = new Secrets();
  try {
    const result = await sendChecked(config, operation, params, options, secrets);
    return isLeft(result) ? left(sealed(result.left, secrets)) : result;
  } catch (error) {
    // Nothing after the first attempt can throw (readers and the logger are guarded), so an
    // exception here came before anything was sent: a bug, reported as such, never as the network;
    // or a runtime that cannot carry the SDK (an old Node), which is no bug and says what it needs.
    const problem =
      error instanceof UnsupportedRuntimeError
        ? invalidRequest(operation.name, [error.message])
        : internalError(operation.name, error);
    return left(sealed(problem, secrets));
  }
};

const sendChecked = async <P, T, M>(
  config: Settings,
  operation: CompiledOperation<P, T, M>,
  params: Partial<P>,
  options: RequestOptions,
  secrets: Secrets,
): Promise<ResultOf<T, M>> => {
  for (const value of credentialsIn(config.defaultHeaders)) secrets.add(value);
  for (const value of credentialsIn(options.headers)) secrets.add(value);
  const prepared = prepare(operation, params, config.logger !== undefined);
  if (!isLeft(prepared)) for (const value of prepared.right.sensitive) secrets.add(value);
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
  if (token.secret !== undefined) secrets.add(token.secret);

  const { headers, problems } = requestHeaders(
    config,
    operation.hasBody,
    token.secret,
    options.headers,
  );
  if (token.problems.length + problems.length > 0) {
    return left(invalidRequest(operation.name, [...token.problems, ...problems]));
  }
  const authorized = token.secret !== undefined || 'authorization' in headers;
  return sendWithRetries(config, operation, prepared.right, headers, options, secrets, authorized);
};

const sendWithRetries = async <P, T, M>(
  config: Settings,
  operation: CompiledOperation<P, T, M>,
  prepared: PreparedRequest,
  headers: Readonly<Record<string, string>>,
  options: RequestOptions,
  secrets: Secrets,
  authorized: boolean,
): Promise<ResultOf<T, M>> => {
  const { name, sensitivity } = operation;
  const timeoutMs = timeoutOf(config, options);
  const retry = retrySettingsOf(config, options);
  const { logger, diagnostics } = config;
  if (logger && config.logBodies) {
    logRequestBody(logger, name, headers, prepared.bodyValue, sensitivity, secrets);
  }
  const path = config.pathPrefix + prepared.target;
  const chosen = transportFor(config);
  const transport = isPending(chosen) ? await chosen : chosen;

  for (let attempt = 1; ; attempt++) {
    const started = logger || diagnostics.attempts.hasSubscribers ? performance.now() : 0;
    const outcome = await transport({
      origin: config.origin,
      path,
      method: operation.method,
      headers,
      body: prepared.body,
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
    if (diagnostics.attempts.hasSubscribers) {
      publishAttempt(
        diagnostics,
        operation,
        attempt,
        retry.maxRetries + 1,
        outcome,
        started,
        delay,
      );
    }
    if (delay === undefined) {
      const finish = { attempt, strict: config.strict, timeoutMs, authorized };
      return resultOf(operation, outcome, finish);
    }
    if (!(await sleep(delay, options.signal))) return left(abortError(name, attempt));
  }
};
