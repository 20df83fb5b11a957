import { RequestBuilder } from '../lib/builder.js';
import type { Configuration } from '../lib/configuration.js';
import { startRequest } from './connect.js';
import { cancelSession, type ApiCancelSessionRequest } from './sessions/cancelSession.js';
import { ApiCreateSessionRequest, createSession } from './sessions/createSession.js';
import { ApiExchangeResultsKeyRequest, exchangeResultsKey } from './sessions/exchangeResultsKey.js';
import { getSession, type ApiGetSessionRequest } from './sessions/getSession.js';
import { ApiListSessionsRequest, listSessions } from './sessions/listSessions.js';
import { redactSession, type ApiRedactSessionRequest } from './sessions/redactSession.js';

/** The Sessions API: create, read, list, cancel and redact Sessions; exchange results keys. */
export class SessionsAPI {
  constructor(private readonly configuration: Configuration) {}

  cancelSession(sessionId: string): ApiCancelSessionRequest {
    return new RequestBuilder(startRequest(this.configuration, cancelSession, { sessionId }));
  }

  createSession(): ApiCreateSessionRequest {
    return new ApiCreateSessionRequest(startRequest(this.configuration, createSession, {}));
  }

  exchangeResultsKey(sessionId: string): ApiExchangeResultsKeyRequest {
    return new ApiExchangeResultsKeyRequest(
      startRequest(this.configuration, exchangeResultsKey, { sessionId }),
    );
  }

  getSession(sessionId: string): ApiGetSessionRequest {
    return new RequestBuilder(startRequest(this.configuration, getSession, { sessionId }));
  }

  listSessions(): ApiListSessionsRequest {
    return new ApiListSessionsRequest(startRequest(this.configuration, listSessions, {}));
  }

  redactSession(sessionId: string): ApiRedactSessionRequest {
    return new RequestBuilder(startRequest(this.configuration, redactSession, { sessionId }));
  }
}
