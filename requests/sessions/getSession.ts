import type { RequestBuilder } from '../../lib/pipeline/builder.js';
import { json } from '../../lib/operation/readers.js';
import { GetSessionResponse } from '../../models/GetSessionResponse.js';
import { connectOperation, type HttpErrorModel } from '../connect.js';
import { sessionIdParam } from '../params.js';

/** The parameters of GetSession, as its builder holds them. */
export interface GetSessionParams {
  readonly sessionId: string;
}

export const getSession = connectOperation<GetSessionParams, GetSessionResponse>({
  name: 'SessionsAPI.GetSession',
  method: 'GET',
  path: '/api/v1/sessions/{sessionId}',
  params: { sessionId: sessionIdParam },
  result: json(GetSessionResponse),
  idempotent: true,
});

/** GET /api/v1/sessions/{sessionId}: get a Session by its ID. */
export type ApiGetSessionRequest = RequestBuilder<
  GetSessionParams,
  GetSessionResponse,
  HttpErrorModel
>;
