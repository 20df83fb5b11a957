import { RequestBuilder } from '../../lib/pipeline/builder.js';
import { json } from '../../lib/operation/readers.js';
import { ExchangeResultsKeyRequest } from '../../models/ExchangeResultsKeyRequest.js';
import { ExchangeResultsKeyResponse } from '../../models/ExchangeResultsKeyResponse.js';
import { connectOperation, type HttpErrorModel } from '../connect.js';
import { sessionIdParam } from '../params.js';

/** The parameters of ExchangeResultsKey, as its builder holds them. */
export interface ExchangeResultsKeyParams {
  readonly sessionId: string;
  readonly exchangeResultsKeyRequest: ExchangeResultsKeyRequest;
}

export const exchangeResultsKey = connectOperation<
  ExchangeResultsKeyParams,
  ExchangeResultsKeyResponse
>({
  name: 'SessionsAPI.ExchangeResultsKey',
  method: 'POST',
  path: '/api/v1/sessions/{sessionId}/results/exchange',
  params: {
    sessionId: sessionIdParam,
    // The Go SDK lets it be unset; the spec requires `resultsAccessKey`, so the body is required.
    exchangeResultsKeyRequest: {
      location: { in: 'body' },
      codec: ExchangeResultsKeyRequest,
      required: true,
      sensitive: true,
    },
  },
  result: json(ExchangeResultsKeyResponse),
  // A results key may be good for one exchange only: never sent twice.
  idempotent: false,
});

/** POST /api/v1/sessions/{sessionId}/results/exchange: exchange a Results Access Key for Identity Data. */
export class ApiExchangeResultsKeyRequest extends RequestBuilder<
  ExchangeResultsKeyParams,
  ExchangeResultsKeyResponse,
  HttpErrorModel
> {
  /** The body: the Results Access Key (required). */
  exchangeResultsKeyRequest(request: ExchangeResultsKeyRequest): this {
    return this.with('exchangeResultsKeyRequest', request);
  }
}
