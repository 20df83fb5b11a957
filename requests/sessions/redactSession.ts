import type { RequestBuilder } from '../../lib/pipeline/builder.js';
import { empty } from '../../lib/operation/readers.js';
import { connectOperation, type HttpErrorModel } from '../connect.js';
import { sessionIdParam } from '../params.js';

/** The parameters of RedactSession, as its builder holds them. */
export interface RedactSessionParams {
  readonly sessionId: string;
}

export const redactSession = connectOperation<RedactSessionParams, undefined>({
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
export type ApiRedactSessionRequest = RequestBuilder<
  RedactSessionParams,
  undefined,
  HttpErrorModel
>;
