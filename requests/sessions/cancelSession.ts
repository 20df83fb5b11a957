import type { RequestBuilder } from '../../lib/pipeline/builder.js';
import { json } from '../../lib/operation/readers.js';
import { CancelSessionResponse } from '../../models/CancelSessionResponse.js';
import { connectOperation, type HttpErrorModel } from '../connect.js';
import { sessionIdParam } from '../params.js';

/** The parameters of CancelSession, as its builder holds them. */
export interface CancelSessionParams {
  readonly sessionId: string;
}

export const cancelSession = connectOperation<CancelSessionParams, CancelSessionResponse>({
  name: 'SessionsAPI.CancelSession',
  method: 'POST',
  path: '/api/v1/sessions/{sessionId}/cancel',
  params: { sessionId: sessionIdParam },
  result: json(CancelSessionResponse),
  // Cancelling a cancelled Session leaves it cancelled.
  idempotent: true,
});

/** POST /api/v1/sessions/{sessionId}/cancel: cancel a Session by its ID. */
export type ApiCancelSessionRequest = RequestBuilder<
  CancelSessionParams,
  CancelSessionResponse,
  HttpErrorModel
>;
