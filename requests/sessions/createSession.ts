import { RequestBuilder } from '../../lib/pipeline/builder.js';
import { json } from '../../lib/operation/readers.js';
import { CreateSessionRequest } from '../../models/CreateSessionRequest.js';
import { CreateSessionResponse } from '../../models/CreateSessionResponse.js';
import { connectOperation, type HttpErrorModel } from '../connect.js';

/** The parameters of CreateSession, as its builder holds them. */
export interface CreateSessionParams {
  readonly createSessionRequest: CreateSessionRequest;
}

// What the spec says in prose about launchMethodDirectly, checked before sending.
const directLaunchRules = ({ createSessionRequest: body }: Partial<CreateSessionParams>) => {
  if (body?.launchMethodDirectly !== true) return [];
  const problems: string[] = [];
  if (!body.redirectUrl) {
    problems.push(
      'createSessionRequest.redirectUrl: is required when launchMethodDirectly is true',
    );
  }
  if (body.providers?.length !== 1) {
    problems.push(
      'createSessionRequest.providers: must have exactly one entry when launchMethodDirectly is true',
    );
  }
  return problems;
};

export const createSession = connectOperation<CreateSessionParams, CreateSessionResponse>({
  name: 'SessionsAPI.CreateSession',
  method: 'POST',
  path: '/api/v1/sessions',
  // Optional, as in the Go SDK; left unset, `{}` is sent (the Go SDK sends `null`).
  params: {
    createSessionRequest: {
      location: { in: 'body' },
      codec: CreateSessionRequest,
      required: false,
    },
  },
  rules: directLaunchRules,
  result: json(CreateSessionResponse),
  // Each call creates another Session.
  idempotent: false,
});

/** POST /api/v1/sessions: create a Session to verify a user's identity. */
export class ApiCreateSessionRequest extends RequestBuilder<
  CreateSessionParams,
  CreateSessionResponse,
  HttpErrorModel
> {
  /** The body (optional: `{}` is sent without it). */
  createSessionRequest(createSessionRequest: CreateSessionRequest): this {
    return this.with('createSessionRequest', createSessionRequest);
  }
}
