import { RequestBuilder } from '../lib/pipeline/builder.js';
import { apiMethod } from './apiMethod.js';
import {
  ApiExchangeAttachmentAccessKeyRequest,
  exchangeAttachmentAccessKey,
} from './attachments/exchangeAttachmentAccessKey.js';
import { identityLookup } from './network/identityLookup.js';
import { listProviders } from './network/listProviders.js';
import { cancelSession } from './sessions/cancelSession.js';
import { ApiCreateSessionRequest, createSession } from './sessions/createSession.js';
import { ApiExchangeResultsKeyRequest, exchangeResultsKey } from './sessions/exchangeResultsKey.js';
import { getSession } from './sessions/getSession.js';
import { ApiListSessionsRequest, listSessions } from './sessions/listSessions.js';
import { redactSession } from './sessions/redactSession.js';

// The operations' table: the one place that names the API's operations. Each entry says which API
// group's method starts it, how that method is called and what builder it returns; its doc
// comment is the method's. The API groups' methods (requests/apiGroup.ts), the package's type
// exports (index.ts takes every type of this module), the docs check (each Params and builder
// type below is public, so typedoc demands its documentation) and the tests all derive from it.

/** Every operation of the API, by the name of its API method. @internal */
export const OPERATIONS = {
  /** Cancels a Session: `POST /api/v1/sessions/{sessionId}/cancel`. */
  cancelSession: apiMethod({
    group: 'SessionsAPI',
    operation: cancelSession,
    args: (sessionId: string) => ({ sessionId }),
    builder: RequestBuilder,
  }),
  /** Creates a Session to verify a user's identity: `POST /api/v1/sessions`. */
  createSession: apiMethod({
    group: 'SessionsAPI',
    operation: createSession,
    args: () => ({}),
    builder: ApiCreateSessionRequest,
  }),
  /**
   * Exchanges the Results Access Key the frontend received for the Session and its identity data:
   * `POST /api/v1/sessions/{sessionId}/results/exchange`.
   */
  exchangeResultsKey: apiMethod({
    group: 'SessionsAPI',
    operation: exchangeResultsKey,
    args: (sessionId: string) => ({ sessionId }),
    builder: ApiExchangeResultsKeyRequest,
  }),
  /** Gets a Session by its ID: `GET /api/v1/sessions/{sessionId}`. */
  getSession: apiMethod({
    group: 'SessionsAPI',
    operation: getSession,
    args: (sessionId: string) => ({ sessionId }),
    builder: RequestBuilder,
  }),
  /** Lists the account's Sessions, a page at a time: `GET /api/v1/sessions`. */
  listSessions: apiMethod({
    group: 'SessionsAPI',
    operation: listSessions,
    args: () => ({}),
    builder: ApiListSessionsRequest,
  }),
  /**
   * Removes a Session's identity data from Trinsic's servers:
   * `POST /api/v1/sessions/{sessionId}/redact`.
   */
  redactSession: apiMethod({
    group: 'SessionsAPI',
    operation: redactSession,
    args: (sessionId: string) => ({ sessionId }),
    builder: RequestBuilder,
  }),
  /**
   * Exchanges an Attachment Access Key for the attachment's content (or "not ready yet"):
   * `POST /api/v1/attachments/exchange`.
   */
  exchangeAttachmentAccessKey: apiMethod({
    group: 'AttachmentsAPI',
    operation: exchangeAttachmentAccessKey,
    args: () => ({}),
    builder: ApiExchangeAttachmentAccessKeyRequest,
  }),
  /** Lists the identity providers available to the account: `GET /api/v1/network/providers`. */
  listProviders: apiMethod({
    group: 'NetworkAPI',
    operation: listProviders,
    args: () => ({}),
    builder: RequestBuilder,
  }),
  /**
   * Whether a phone number has an identity in the Trinsic Network:
   * `GET /api/v1/network/identities/{phoneNumber}`.
   */
  identityLookup: apiMethod({
    group: 'NetworkAPI',
    operation: identityLookup,
    args: (phoneNumber: string) => ({ phoneNumber }),
    builder: RequestBuilder,
  }),
};

/** The name of an operation's API method, e.g. `getSession`. @internal */
export type OperationName = keyof typeof OPERATIONS;

export type {
  ApiExchangeAttachmentAccessKeyRequest,
  ExchangeAttachmentAccessKeyParams,
} from './attachments/exchangeAttachmentAccessKey.js';
export type { ApiIdentityLookupRequest, IdentityLookupParams } from './network/identityLookup.js';
export type { ApiListProvidersRequest, ListProvidersParams } from './network/listProviders.js';
export type { ApiCancelSessionRequest, CancelSessionParams } from './sessions/cancelSession.js';
export type { ApiCreateSessionRequest, CreateSessionParams } from './sessions/createSession.js';
export type {
  ApiExchangeResultsKeyRequest,
  ExchangeResultsKeyParams,
} from './sessions/exchangeResultsKey.js';
export type { ApiGetSessionRequest, GetSessionParams } from './sessions/getSession.js';
export type { ApiListSessionsRequest, ListSessionsParams } from './sessions/listSessions.js';
export type { ApiRedactSessionRequest, RedactSessionParams } from './sessions/redactSession.js';
