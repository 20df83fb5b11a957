import type * as t from 'io-ts';
import type { Either } from 'fp-ts/lib/Either.js';
import type { HttpResponse } from '../http/response.js';

// An operation is data: its method, path, parameters, how to read its answers, and what in it is
// secret. The one send path (send.ts) serves every operation from this description; no endpoint
// has code of its own, and nothing here names an endpoint of any API.

/** Where a parameter travels: a path segment, a query parameter (by its wire name), or the body. */
export type ParamLocation =
  | { readonly in: 'path' }
  | { readonly in: 'query'; readonly name: string }
  | { readonly in: 'body' };

export interface ParamSpec<V> {
  readonly location: ParamLocation;
  /** The spec's constraints, checked before anything is sent. */
  readonly codec: t.Type<V, unknown>;
  readonly required: boolean;
  /** Personal data or a secret: masked in debug lines and scrubbed from every message. */
  readonly sensitive?: boolean;
}

/** Parameter specs, one per builder field. */
export type ParamSpecs<P> = { readonly [K in keyof P]-?: ParamSpec<Exclude<P[K], undefined>> };

/** Problems found in a decoded answer; each names its path. */
export type DecodeProblems = readonly string[];

/** Reads a success answer (any 2xx) into the operation's result. */
export type ResultReader<T> = (
  response: HttpResponse,
  strict: boolean,
) => Either<DecodeProblems, T>;

/** What the body of an error answer says. */
export interface ErrorReading<M> {
  /** The body decoded as the API describes it for this status; undefined when it does not. */
  readonly model: M | undefined;
  /** A short text for the error's message (the body's own words); '' when it says nothing. */
  readonly says: string;
}

/** How an API's error answers read: its error models by status, and the text of any other. */
export type ErrorReader<M> = (response: HttpResponse) => ErrorReading<M>;

/** JSON property names whose values must never be shown. */
export interface Sensitivity {
  /** Properties whose string value is a secret (an access key, a URL carrying a token). */
  readonly secretProperties: ReadonlySet<string>;
  /** Properties holding personal data: every string within them is masked. */
  readonly personalProperties: ReadonlySet<string>;
}

export interface Operation<P, T, M> {
  /** The operation's full name, e.g. `SessionsAPI.ListSessions`: used in messages and debug lines. */
  readonly name: string;
  readonly method: 'GET' | 'POST';
  /** The spec's path template, e.g. `/api/v1/sessions/{sessionId}`. */
  readonly path: string;
  readonly params: ParamSpecs<P>;
  /** Rules that span several fields (e.g. `launchMethodDirectly` needs a `redirectUrl`). */
  readonly rules?: (params: Partial<P>) => readonly string[];
  readonly result: ResultReader<T>;
  readonly errors: ErrorReader<M>;
  readonly sensitivity: Sensitivity;
  /**
   * Whether sending it twice has the effect of sending it once. Only such operations are retried
   * after the request may have reached the server.
   */
  readonly idempotent: boolean;
}
