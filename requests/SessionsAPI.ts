import { apiGroup } from './apiGroup.js';
import { startRequest } from './connect.js';
import { getSession } from './sessions/getSession.js';
import { startWait, type ApiWaitForSessionRequest } from './sessions/waitForSession.js';

/**
 * The Sessions API: create, read, list, cancel and redact Sessions; exchange results keys. Its
 * operations' methods come from the operations' table (requests/operations.ts); waitForSession,
 * a helper over getSession rather than an operation, is its own.
 */
export class SessionsAPI extends apiGroup('SessionsAPI') {
  /**
   * Polls getSession until the Session is final (IdvSuccess or IdvFailed): see
   * ApiWaitForSessionRequest for the settings and their defaults.
   */
  waitForSession(sessionId: string): ApiWaitForSessionRequest {
    return startWait(startRequest(this.configuration, getSession, { sessionId }));
  }
}
