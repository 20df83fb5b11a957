// The package's public surface: the names of DESIGN.md §1, the models, and the builder types.
export { APIClient } from './requests/APIClient.js';
export { SessionsAPI } from './requests/SessionsAPI.js';
export { AttachmentsAPI } from './requests/AttachmentsAPI.js';
export { NetworkAPI } from './requests/NetworkAPI.js';
export { ApiCancelSessionRequest } from './requests/sessions/cancelSession.js';
export { ApiCreateSessionRequest } from './requests/sessions/createSession.js';
export { ApiExchangeResultsKeyRequest } from './requests/sessions/exchangeResultsKey.js';
export { ApiGetSessionRequest } from './requests/sessions/getSession.js';
export { ApiListSessionsRequest } from './requests/sessions/listSessions.js';
export { ApiRedactSessionRequest } from './requests/sessions/redactSession.js';
export { ApiExchangeAttachmentAccessKeyRequest } from './requests/attachments/exchangeAttachmentAccessKey.js';
export { ApiListProvidersRequest } from './requests/network/listProviders.js';
export { ApiIdentityLookupRequest } from './requests/network/identityLookup.js';
export {
  Configuration,
  DEFAULT_BASE_PATH,
  type AccessToken,
  type ConfigurationParameters,
  type DebugLogger,
} from './lib/configuration.js';
export type {
  AbortError,
  ConnectError,
  DecodeError,
  HttpError,
  HttpErrorModel,
  InvalidRequest,
  NetworkError,
  TimeoutError,
} from './lib/errors.js';
export type { ApiResponse, HttpHeaders, HttpResponse } from './lib/http/response.js';
export type { AttachmentContent } from './lib/readers.js';
export type { RequestOptions, Result } from './lib/send.js';
export { RequestBuilder } from './lib/builder.js';
export { SDK_VERSION, USER_AGENT } from './lib/version.js';
export * from './models/index.js';
