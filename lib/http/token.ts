import type { AccessToken } from '../configuration/parameters.js';
import { errorKind } from '../pipeline/errors.js';

// The bearer token of a request: a string as it is, or what the provider function yields.

export interface ResolvedToken {
  readonly secret: string | undefined;
  readonly problems: readonly string[];
}

const NONE: ResolvedToken = { secret: undefined, problems: [] };
const EMPTY: ResolvedToken = {
  secret: undefined,
  problems: ['accessToken: must be a non-empty string'],
};

/**
 * The shortest token accepted. A secret is masked wherever it occurs in a message or log line, and
 * a value this short also occurs by chance: no real API key is, so a shorter one is a mistake.
 */
export const MIN_TOKEN_LENGTH = 8;

const TOO_SHORT: ResolvedToken = {
  secret: undefined,
  problems: [`accessToken: must have at least ${MIN_TOKEN_LENGTH} characters`],
};

const accept = (value: unknown): ResolvedToken => {
  if (typeof value !== 'string' || value === '') return EMPTY;
  return value.length < MIN_TOKEN_LENGTH ? TOO_SHORT : { secret: value, problems: [] };
};

/** Synchronous for a string token, so that the common case waits on nothing. */
export const resolveToken = (
  token: AccessToken | undefined,
): ResolvedToken | Promise<ResolvedToken> => {
  if (token === undefined) return NONE;
  if (typeof token !== 'function') return accept(token);
  return (async () => {
    try {
      return accept(await token());
    } catch (error) {
      return {
        secret: undefined,
        problems: [`accessToken: the token provider failed (${errorKind(error)})`],
      };
    }
  })();
};
