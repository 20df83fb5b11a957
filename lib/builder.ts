import type { AccessToken, Configuration } from './configuration.js';
import { lowerCaseKeys } from './configuration.js';
import type { CompiledOperation } from './prepare.js';
import { send, type RequestOptions, type Result } from './send.js';

/**
 * The base of every request builder. A builder is immutable: each setter returns a new builder,
 * so a half-built request can be shared and extended. `Self` is the concrete builder type that
 * the setters return.
 */
export abstract class RequestBuilder<P, T, Self> {
  protected constructor(
    protected readonly configuration: Configuration,
    private readonly operation: CompiledOperation<P, T>,
    protected readonly params: Partial<P>,
    private readonly options: RequestOptions,
  ) {}

  /** A builder of the same kind with other parameters and options. */
  protected abstract rebuild(params: Partial<P>, options: RequestOptions): Self;

  protected with<K extends keyof P>(key: K, value: P[K]): Self {
    const params: Partial<P> = { ...this.params };
    params[key] = value;
    return this.rebuild(params, this.options);
  }

  private withOptions(options: RequestOptions): Self {
    return this.rebuild(this.params, { ...this.options, ...options });
  }

  /** Cancels the request, at any stage, backoff waits included: the result is an AbortError. */
  signal(signal: AbortSignal): Self {
    return this.withOptions({ signal });
  }

  /** Whole-request timeout per attempt, in ms (connect, headers and body). */
  timeout(ms: number): Self {
    return this.withOptions({ timeoutMs: ms });
  }

  /** Another access token for this request only. */
  accessToken(token: AccessToken): Self {
    return this.withOptions({ accessToken: token });
  }

  /** Extra headers for this request; they win over the configuration's default headers. */
  headers(headers: Readonly<Record<string, string>>): Self {
    return this.withOptions({ headers: { ...this.options.headers, ...lowerCaseKeys(headers) } });
  }

  /** Retries after the first attempt for this request; 0 disables them. */
  maxRetries(retries: number): Self {
    return this.withOptions({ maxRetries: retries });
  }

  /**
   * Sends the request. Resolves to `Left(ConnectError)` or `Right(ApiResponse)`; never rejects.
   * An arrow property, so that `builder.execute` is a TaskEither on its own.
   */
  readonly execute = (): Promise<Result<T>> =>
    send(this.configuration, this.operation, this.params, this.options);
}
