import type { AccessToken } from '../configuration.js';

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

const accept = (value: unknown): ResolvedToken =>
  typeof value === 'string' && value !== '' ? { secret: value, problems: [] } : EMPTY;

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
      const kind = error instanceof Error ? error.name : typeof error;
      return { secret: undefined, problems: [`accessToken: the token provider failed (${kind})`] };
    }
  })();
};
