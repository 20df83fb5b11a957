import type { Either } from 'fp-ts/lib/Either.js';

// Why the store refused; the routes turn each kind into its HTTP answer (storeReply.ts).

export type StoreError =
  | { readonly kind: 'not-found'; readonly message: string }
  /** A 400 naming `member`, as the API's ValidationResult does. */
  | { readonly kind: 'invalid'; readonly member: string; readonly message: string }
  /** Sandbox control routes only: the session is not in a state the action applies to. */
  | { readonly kind: 'conflict'; readonly message: string };

export type StoreResult<T> = Either<StoreError, T>;

export const notFound = (id: string): StoreError => ({
  kind: 'not-found',
  message: `No Session with id ${JSON.stringify(id.slice(0, 100))}`,
});

// The token is the credential: the message never repeats it.
export const NO_SUCH_CLIENT_TOKEN: StoreError = {
  kind: 'not-found',
  message: 'No Session has this client token',
};

export const invalid = (member: string, message: string): StoreError => ({
  kind: 'invalid',
  member,
  message,
});

export const conflict = (message: string): StoreError => ({ kind: 'conflict', message });
