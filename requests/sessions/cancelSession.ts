import type { Configuration } from '../../lib/configuration.js';
import { RequestBuilder } from '../../lib/builder.js';
import { compile } from '../../lib/prepare.js';
import { json } from '../../lib/readers.js';
import type { RequestOptions } from '../../lib/send.js';
import { CancelSessionResponse } from '../../models/CancelSessionResponse.js';
import { sessionIdParam } from '../params.js';

export interface CancelSessionParams {
  readonly sessionId: string;
}

const operation = compile<CancelSessionParams, CancelSessionResponse>({
  name: 'SessionsAPI.CancelSession',
  method: 'POST',
  path: '/api/v1/sessions/{sessionId}/cancel',
  params: { sessionId: sessionIdParam },
  result: json(CancelSessionResponse),
  // Cancelling a cancelled Session leaves it cancelled.
  idempotent: true,
});

/** POST /api/v1/sessions/{sessionId}/cancel: cancel a Session by its ID. */
export class ApiCancelSessionRequest extends RequestBuilder<
  CancelSessionParams,
  CancelSessionResponse,
  ApiCancelSessionRequest
> {
  constructor(
    configuration: Configuration,
    params: Partial<CancelSessionParams>,
    options: RequestOptions = {},
  ) {
    super(configuration, operation, params, options);
  }

  protected rebuild(params: Partial<CancelSessionParams>, options: RequestOptions) {
    return new ApiCancelSessionRequest(this.configuration, params, options);
  }
}
