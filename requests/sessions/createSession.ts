import type { Configuration } from '../../lib/configuration.js';
import { RequestBuilder } from '../../lib/builder.js';
import { compile } from '../../lib/prepare.js';
import { json } from '../../lib/readers.js';
import type { RequestOptions } from '../../lib/send.js';
import { CreateSessionRequest } from '../../models/CreateSessionRequest.js';
import { CreateSessionResponse } from '../../models/CreateSessionResponse.js';

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

const operation = compile<CreateSessionParams, CreateSessionResponse>({
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
  ApiCreateSessionRequest
> {
  constructor(
    configuration: Configuration,
    params: Partial<CreateSessionParams>,
    options: RequestOptions = {},
  ) {
    super(configuration, operation, params, options);
  }

  protected rebuild(params: Partial<CreateSessionParams>, options: RequestOptions) {
    return new ApiCreateSessionRequest(this.configuration, params, options);
  }

  createSessionRequest(createSessionRequest: CreateSessionRequest): ApiCreateSessionRequest {
    return this.with('createSessionRequest', createSessionRequest);
  }
}
