// The package's public surface: the names of DESIGN.md §1, the models, and the builder types.
export { APIClient } from './requests/APIClient.js';
export { SessionsAPI } from './requests/SessionsAPI.js';
export { AttachmentsAPI } from './requests/AttachmentsAPI.js';
export { NetworkAPI } from './requests/NetworkAPI.js';
export type { ApiCancelSessionRequest } from './requests/sessions/cancelSession.js';
export type { ApiCreateSessionRequest } from './requests/sessions/createSession.js';
export type { ApiExchangeResultsKeyRequest } from './requests/sessions/exchangeResultsKey.js';
export type { ApiGetSessionRequest } from './requests/sessions/getSession.js';
export type { ApiListSessionsRequest } from './requests/sessions/listSessions.js';
export type { ApiRedactSessionRequest } from './requests/sessions/redactSession.js';
export type { ApiWaitForSessionRequest } from './requests/sessions/waitForSession.js';
export type { SessionUpdate, WaitProgress } from './requests/sessions/waiting.js';
export type { AllSessions } from './requests/sessions/paging.js';
export type { ApiExchangeAttachmentAccessKeyRequest } from './requests/attachments/exchangeAttachmentAccessKey.js';
export type { ApiListProvidersRequest } from './requests/network/listProviders.js';
export type { ApiIdentityLookupRequest } from './requests/network/identityLookup.js';
export {
  Configuration,
  DEFAULT_BASE_PATH,
  type AccessToken,
  type ConfigurationParameters,
  type DebugLogger,
  type FetchBody,
  type FetchBodyReader,
  type FetchFunction,
  type FetchHeaders,
  type FetchInit,
  type FetchResponse,
  type UndiciDispatcher,
} from './lib/configuration.js';
export type {
  AbortError,
  DecodeError,
  InvalidRequest,
  NetworkError,
  TimeoutError,
} from './lib/errors.js';
export type { ConnectError, HttpError, HttpErrorModel, Result } from './requests/connect.js';
export type { ApiResponse, HttpHeaders, HttpResponse } from './lib/http/response.js';
export type { AttachmentContent } from './requests/attachments/attachmentContent.js';
export type { RequestOptions } from './lib/options.js';
export type { RequestBuilder } from './lib/builder.js';
export {
  DIAGNOSTICS_CHANNELS,
  isAttemptEvent,
  type AttemptEvent,
  type RequestFailure,
  type RequestTraceContext,
} from './lib/diagnostics.js';
export { SDK_VERSION, USER_AGENT } from './lib/version.js';
export * from './models/index.js';
export { parseLaunchResult } from './requests/launch/parseLaunchResult.js';
export { LaunchResult, LaunchSuccess, LaunchFailure } from './models/LaunchResult.js';
