/** Header names are lower-case; a header sent more than once keeps every value. */
export type HttpHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** The raw answer, as received: status, headers, and the body's bytes (after decompression). */
export interface HttpResponse {
  readonly status: number;
  readonly headers: HttpHeaders;
  readonly body: Uint8Array;
}

/** A decoded answer together with the raw HTTP response it came from. */
export interface ApiResponse<T> {
  readonly data: T;
  readonly response: HttpResponse;
  /** How many times the request was sent (1 when the first try succeeded). */
  readonly attempts: number;
}
