import * as E from 'fp-ts/lib/Either.js';
import type { ApiResponse, ConnectError, HttpResponse, Result } from '../../index.js';

// Narrowing an SDK result inside a test: the wrong side fails the test with a message that says
// what came back instead.

type ErrorOf<K extends ConnectError['_tag']> = Extract<ConnectError, { _tag: K }>;

const hasTag = <K extends ConnectError['_tag']>(error: ConnectError, tag: K): error is ErrorOf<K> =>
  error._tag === tag;

export const expectRight = <T>(result: Result<T>): ApiResponse<T> => {
  if (E.isLeft(result)) {
    throw new Error(`expected a Right, got ${result.left._tag}: ${result.left.message}`);
  }
  return result.right;
};

export const expectLeft = <K extends ConnectError['_tag']>(
  result: Result<unknown>,
  tag: K,
): ErrorOf<K> => {
  if (E.isRight(result)) {
    throw new Error(`expected a ${tag}, got a Right (HTTP ${result.right.response.status})`);
  }
  if (!hasTag(result.left, tag)) {
    throw new Error(`expected a ${tag}, got ${result.left._tag}: ${result.left.message}`);
  }
  return result.left;
};

/** The body of a raw response as text. */
export const bodyText = (response: HttpResponse): string =>
  Buffer.from(response.body).toString('utf8');

/** Whether the raw response's bytes are exactly `sent`. */
export const bodyIs = (response: HttpResponse, sent: string | Buffer): boolean =>
  Buffer.from(response.body).equals(typeof sent === 'string' ? Buffer.from(sent, 'utf8') : sent);
