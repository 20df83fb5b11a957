import { RequestBuilder } from '../lib/pipeline/builder.js';
import type { Configuration } from './Configuration.js';
import { startRequest } from './connect.js';
import { cancelSession, type ApiCancelSessionRequest } from './sessions/cancelSession.js';
import { ApiCreateSessionRequest, createSession } from './sessions/createSession.js';
import { ApiExchangeResultsKeyRequest, exchangeResultsKey } from './sessions/exchangeResultsKey.js';
import { getSession, type ApiGetSessionRequest } from './sessions/getSession.js';
import { ApiListSessionsRequest, listSessions } from './sessions/listSessions.js';
import { redactSession, type ApiRedactSessionRequest } from './sessions/redactSession.js';
import { startWait, type ApiWaitForSessionRequest } from './sessions/waitForSession.js';

/** The Sessions API: create, read, list, cancel and redact Sessions; exchange results keys. */
export class SessionsAPI {
  constructor(private readonly configuration: Configuration) {}

  /** Cancels a Session: `POST /api/v1/sessions/{sessionId}/cancel`. */
  cancelSession(sessionId: string): ApiCancelSessionRequest {
    return new RequestBuilder(startRequest(this.configuration, cancelSession, { sessionId }));
  }

  /** Creates a Session to verify a user's identity: `POST /api/v1/sessions`. */
  createSession(): ApiCreateSessionRequest {
    return new ApiCreateSessionRequest(startRequest(this.configuration, createSession, {}));
  }

  /**
   * Exchanges the Results Access Key the frontend received for the Session and its identity data:
   * `POST /api/v1/sessions/{sessionId}/results/exchange`.
   */
  exchangeResultsKey(sessionId: string): ApiExchangeResultsKeyRequest {
    return new ApiExchangeResultsKeyRequest(
      startRequest(this.configuration, exchangeResultsKey, { sessionId }),
    );
  }

  /** Gets a Session by its ID: `GET /api/v1/sessions/{sessionId}`. */
  getSession(sessionId: string): ApiGetSessionRequest {
    return new RequestBuilder(startRequest(this.configuration, getSession, { sessionId }));
  }

  /** Lists the account's Sessions, a page at a time: `GET /api/v1/sessions`. */
  listSessions(): ApiListSessionsRequest {
    return new ApiListSessionsRequest(startRequest(this.configuration, listSessions, {}));
  }

  /**
   * Removes a Session's identity data from Trinsic's servers:
   * `POST /api/v1/sessions/{sessionId}/redact`.
   */
  redactSession(sessionId: string): ApiRedactSessionRequest {
    return new RequestBuilder(startRequest(this.configuration, redactSession, { sessionId }));
  }

  /**
   * Polls getSession until the Session is final (IdvSuccess or IdvFailed): see
   * ApiWaitForSessionRequest for the settings and their defaults.
   */
  waitForSession(sessionId: string): ApiWaitForSessionRequest {
    return startWait(startRequest(this.configuration, getSession, { sessionId }));
  }
}
