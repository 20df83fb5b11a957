import type { Configuration } from '../lib/configuration.js';
import { ApiCancelSessionRequest } from './sessions/cancelSession.js';
import { ApiCreateSessionRequest } from './sessions/createSession.js';
import { ApiExchangeResultsKeyRequest } from './sessions/exchangeResultsKey.js';
import { ApiGetSessionRequest } from './sessions/getSession.js';
import { ApiListSessionsRequest } from './sessions/listSessions.js';
import { ApiRedactSessionRequest } from './sessions/redactSession.js';

/** The Sessions API: create, read, list, cancel and redact Sessions; exchange results keys. */
export class SessionsAPI {
  constructor(private readonly configuration: Configuration) {}

  cancelSession(sessionId: string): ApiCancelSessionRequest {
    return new ApiCancelSessionRequest(this.configuration, { sessionId });
  }

  createSession(): ApiCreateSessionRequest {
    return new ApiCreateSessionRequest(this.configuration, {});
  }

  exchangeResultsKey(sessionId: string): ApiExchangeResultsKeyRequest {
    return new ApiExchangeResultsKeyRequest(this.configuration, { sessionId });
  }

  getSession(sessionId: string): ApiGetSessionRequest {
    return new ApiGetSessionRequest(this.configuration, { sessionId });
  }

  listSessions(): ApiListSessionsRequest {
    return new ApiListSessionsRequest(this.configuration, {});
  }

  redactSession(sessionId: string): ApiRedactSessionRequest {
    return new ApiRedactSessionRequest(this.configuration, { sessionId });
  }
}
