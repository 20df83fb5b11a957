import type { Configuration } from '../../lib/configuration.js';
import { RequestBuilder } from '../../lib/builder.js';
import { compile } from '../../lib/prepare.js';
import { json } from '../../lib/readers.js';
import type { RequestOptions } from '../../lib/send.js';
import { GetSessionResponse } from '../../models/GetSessionResponse.js';
import { sessionIdParam } from '../params.js';

export interface GetSessionParams {
  readonly sessionId: string;
}

const operation = compile<GetSessionParams, GetSessionResponse>({
  name: 'SessionsAPI.GetSession',
  method: 'GET',
  path: '/api/v1/sessions/{sessionId}',
  params: { sessionId: sessionIdParam },
  result: json(GetSessionResponse),
  idempotent: true,
});

/** GET /api/v1/sessions/{sessionId}: get a Session by its ID. */
export class ApiGetSessionRequest extends RequestBuilder<
  GetSessionParams,
  GetSessionResponse,
  ApiGetSessionRequest
> {
  constructor(
    configuration: Configuration,
    params: Partial<GetSessionParams>,
    options: RequestOptions = {},
  ) {
    super(configuration, operation, params, options);
  }

  protected rebuild(params: Partial<GetSessionParams>, options: RequestOptions) {
    return new ApiGetSessionRequest(this.configuration, params, options);
  }
}
