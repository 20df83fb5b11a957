import { isLeft } from 'fp-ts/lib/Either.js';
import type { ConnectError, Result } from '../../index.js';

// How a step of the flow fails: a FlowFailure whose message says which step and why.

/** A step failed: the message says which and why (no secret: SDK messages are scrubbed). */
export class FlowFailure extends Error {}

export const must = <T>(what: string, result: Awaited<Result<T>>): T => {
  if (isLeft(result)) throw new FlowFailure(`${what} failed: ${result.left.message}`);
  return result.right.data;
};

export const check = (condition: boolean, message: string): void => {
  if (!condition) throw new FlowFailure(message);
};

/** After a redaction, an exchange must be refused; anything else fails the flow. */
export const expectRefused = (result: Awaited<Result<unknown>>): string => {
  if (!isLeft(result))
    throw new FlowFailure('an exchange succeeded after the session was redacted');
  const error: ConnectError = result.left;
  if (error._tag !== 'HttpError')
    throw new FlowFailure(`expected an HTTP refusal: ${error.message}`);
  return `refused as expected (${error.message})`;
};
