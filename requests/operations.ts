import type { Operation } from '../lib/operation/operation.js';
import { exchangeAttachmentAccessKey } from './attachments/exchangeAttachmentAccessKey.js';
import { identityLookup } from './network/identityLookup.js';
import { listProviders } from './network/listProviders.js';
import { cancelSession } from './sessions/cancelSession.js';
import { createSession } from './sessions/createSession.js';
import { exchangeResultsKey } from './sessions/exchangeResultsKey.js';
import { getSession } from './sessions/getSession.js';
import { listSessions } from './sessions/listSessions.js';
import { redactSession } from './sessions/redactSession.js';

// The operations' table: the one place that names the API's operations. The package's type
// exports (index.ts takes every type of this module), the docs check (each Params and builder
// type below is public, so typedoc demands its documentation) and the tests (their table of
// cases is keyed by OperationName, so a missing case does not compile) all derive from it.

/** Every operation of the API, by the name of its API method. @internal */
export const OPERATIONS = {
  cancelSession,
  createSession,
  exchangeResultsKey,
  getSession,
  listSessions,
  redactSession,
  exchangeAttachmentAccessKey,
  listProviders,
  identityLookup,
} satisfies Readonly<Record<string, Pick<Operation<never, unknown, unknown>, 'name' | 'method'>>>;

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
