import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import {
  abortError,
  decodeError,
  httpError,
  networkError,
  timeoutError,
  type RequestError,
} from './errors.js';
import type { ApiResponse } from './http/response.js';
import type { CompiledOperation } from './prepare.js';
import type { AttemptOutcome } from './retry.js';

// What the last attempt's outcome becomes for the caller: the decoded data of a success, or the
// error that says what went wrong.

export type Result<T, M> = Either<RequestError<M>, ApiResponse<T>>;

export const resultOf = <P, T, M>(
  operation: CompiledOperation<P, T, M>,
  outcome: AttemptOutcome,
  attempt: number,
  strict: boolean,
  timeoutMs: number,
): Result<T, M> => {
  const { name } = operation;
  if (isLeft(outcome)) {
    const failure = outcome.left;
    switch (failure.kind) {
      case 'abort':
        return left(abortError(name, attempt));
      case 'timeout':
        return left(timeoutError(name, timeoutMs, attempt));
      case 'network':
        return left(networkError(name, failure.code, failure.detail, attempt));
    }
  }
  const response = outcome.right;
  if (response.status >= 200 && response.status < 300) {
    const data = operation.result(response, strict);
    return isLeft(data)
      ? left(decodeError(name, data.left, response, attempt))
      : right({ data: data.right, response, attempts: attempt });
  }
  const { model, says } = operation.errors(response);
  return left(httpError(name, response, model, attempt, says));
};
