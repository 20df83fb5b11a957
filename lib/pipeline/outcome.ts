import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import {
  abortError,
  errorKind,
  decodeError,
  httpError,
  networkError,
  timeoutError,
  type RequestError,
} from './errors.js';
import type { ApiResponse } from '../http/response.js';
import type { CompiledOperation } from '../operation/prepare.js';
import type { AttemptOutcome } from '../http/exchange.js';

// What the last attempt's outcome becomes for the caller: the decoded data of a success, or the
// error that says what went wrong.

export type ResultOf<T, M> = Either<RequestError<M>, ApiResponse<T>>;

export interface Finish {
  readonly attempt: number;
  readonly strict: boolean;
  readonly timeoutMs: number;
  /** Whether the request carried an access token (a 401 without one says so). */
  readonly authorized: boolean;
}

export const resultOf = <P, T, M>(
  operation: CompiledOperation<P, T, M>,
  outcome: AttemptOutcome,
  { attempt, strict, timeoutMs, authorized }: Finish,
): ResultOf<T, M> => {
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
  try {
    if (response.status >= 200 && response.status < 300) {
      const data = operation.result(response, strict);
      return isLeft(data)
        ? left(decodeError(name, data.left, response, attempt))
        : right({ data: data.right, response, attempts: attempt });
    }
    const { model, says } = operation.errors(response);
    const unauthorized = response.status === 401 && !authorized;
    const said = unauthorized ? [says, NO_TOKEN].filter((part) => part !== '').join('; ') : says;
    return left(httpError(name, response, model, attempt, said));
  } catch (error) {
    // A reader is the API description's code: should one throw, the answer could not be read.
    return left(
      decodeError(name, [`(body): could not be read (${errorKind(error)})`], response, attempt),
    );
  }
};

const NO_TOKEN = 'no access token was sent: set accessToken in the Configuration or on the request';
