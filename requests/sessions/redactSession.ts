import type { Configuration } from '../../lib/configuration.js';
import { RequestBuilder } from '../../lib/builder.js';
import { compile } from '../../lib/prepare.js';
import { empty } from '../../lib/readers.js';
import type { RequestOptions } from '../../lib/send.js';
import { sessionIdParam } from '../params.js';

export interface RedactSessionParams {
  readonly sessionId: string;
}

const operation = compile<RedactSessionParams, undefined>({
  name: 'SessionsAPI.RedactSession',
  method: 'POST',
  path: '/api/v1/sessions/{sessionId}/redact',
  params: { sessionId: sessionIdParam },
  result: empty,
  // Redacting twice removes nothing more.
  idempotent: true,
});

/**
 * POST /api/v1/sessions/{sessionId}/redact: remove all identity data of a Session from Trinsic's
 * servers. Resolves with `data: undefined`.
 */
export class ApiRedactSessionRequest extends RequestBuilder<
  RedactSessionParams,
  undefined,
  ApiRedactSessionRequest
> {
  constructor(
    configuration: Configuration,
    params: Partial<RedactSessionParams>,
    options: RequestOptions = {},
  ) {
    super(configuration, operation, params, options);
  }

  protected rebuild(params: Partial<RedactSessionParams>, options: RequestOptions) {
    return new ApiRedactSessionRequest(this.configuration, params, options);
  }
}
