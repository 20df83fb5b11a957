import type { Settings } from '../configuration/configuration.js';
import type { AccessToken } from '../configuration/parameters.js';
import { withOptions, type RequestOptions } from './options.js';
import type { ResultOf } from './outcome.js';
import type { CompiledOperation } from '../operation/prepare.js';
import { send } from './send.js';

/** Everything a request builder holds: where it goes, what it is, and what was set so far. */
export interface BuilderState<P, T, M> {
  readonly configuration: Settings;
  readonly operation: CompiledOperation<P, T, M>;
  readonly params: Partial<P>;
  readonly options: RequestOptions;
}

/**
 * A request builder. It is immutable: each setter returns a new builder of the same class, so a
 * half-built request can be shared and extended. An operation with parameters of its own
 * subclasses it with nothing but its setters (each a call to `with`).
 */
export class RequestBuilder<P, T, M> {
  constructor(private readonly state: BuilderState<P, T, M>) {}

  /** The value set for a parameter so far, if any. */
  protected param<K extends keyof P>(key: K): Partial<P>[K] {
    return this.state.params[key];
  }

  /** A builder of this same class with one more parameter set. */
  protected with<K extends keyof P>(key: K, value: P[K]): this {
    const params: Partial<P> = { ...this.state.params };
    params[key] = value;
    return this.next({ ...this.state, params });
  }

  private withOptions(changes: RequestOptions): this {
    return this.next({ ...this.state, options: withOptions(this.state.options, changes) });
  }

  // Built through the constructor of whatever subclass `this` is, so setters need no override.
  private next(state: BuilderState<P, T, M>): this {
    const built: unknown = Reflect.construct(this.constructor, [state]);
    if (!this.isSameKind(built))
      throw new TypeError('a builder subclass must keep its constructor');
    return built;
  }

  private isSameKind(value: unknown): value is this {
    return value instanceof this.constructor;
  }

  /** Cancels the request, at any stage, backoff waits included: the result is an AbortError. */
  signal(signal: AbortSignal): this {
    return this.withOptions({ signal });
  }

  /** Whole-request timeout per attempt, in ms (connect, headers and body). */
  timeout(ms: number): this {
    return this.withOptions({ timeoutMs: ms });
  }

  /** Another access token for this request only. */
  accessToken(token: AccessToken): this {
    return this.withOptions({ accessToken: token });
  }

  /** Extra headers for this request; they win over the configuration's default headers. */
  headers(headers: Readonly<Record<string, string>>): this {
    return this.withOptions({ headers });
  }

  /** Retries after the first attempt for this request; 0 disables them. */
  maxRetries(retries: number): this {
    return this.withOptions({ maxRetries: retries });
  }

  /**
   * Sends the request. Resolves to `Left(error)` or `Right(ApiResponse)`; never rejects.
   * An arrow property, so that `builder.execute` is a TaskEither on its own.
   */
  readonly execute = (): Promise<ResultOf<T, M>> =>
    send(this.state.configuration, this.state.operation, this.state.params, this.state.options);
}
