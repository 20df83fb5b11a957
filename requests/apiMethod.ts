import type { Settings } from '../lib/configuration/configuration.js';
import type { BuilderState } from '../lib/pipeline/builder.js';
import { startRequest, type ConnectOperation, type HttpErrorModel } from './connect.js';

// An entry of the operations' table: which API group's method starts the operation, how that
// method is called, and which builder it returns. The API groups (requests/apiGroup.ts) take their
// methods from these entries, so an operation's method is declared here, never written by hand.

/** The API groups, by the names the Go SDK gives them. */
export type GroupName = 'SessionsAPI' | 'AttachmentsAPI' | 'NetworkAPI';

/** What an API method's entry says, as the table states it. */
interface MethodSpec<G extends GroupName, A extends unknown[], P, T, B> {
  /** The API group whose method starts the operation. */
  readonly group: G;
  readonly operation: ConnectOperation<P, T>;
  /**
   * The method's positional arguments (its path parameters), as the parameters they set: a
   * function, so that the method's signature keeps their names, e.g. `(sessionId: string)`.
   */
  readonly args: (...args: A) => Partial<P>;
  /** The builder the method returns: RequestBuilder itself, or its subclass with setters. */
  readonly builder: new (state: BuilderState<P, T, HttpErrorModel>) => B;
}

/** An entry of the operations' table, with the method the API group installs from it. */
export interface ApiMethod<G extends GroupName, A extends unknown[], P, T, B> {
  readonly group: G;
  readonly operation: ConnectOperation<P, T>;
  /** The API method's body: a new builder for `configuration`, with the arguments set. */
  readonly start: (configuration: Settings, ...args: A) => B;
}

/** An entry of the operations' table: `spec`, and the method body derived from it. */
export const apiMethod = <G extends GroupName, A extends unknown[], P, T, B>(
  spec: MethodSpec<G, A, P, T, B>,
): ApiMethod<G, A, P, T, B> => {
  const { group, operation, args, builder } = spec;
  return {
    group,
    operation,
    start: (configuration, ...given) =>
      new builder(startRequest(configuration, operation, args(...given))),
  };
};
