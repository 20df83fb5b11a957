// The package's public surface: the client, its APIs and their builder types, the settings, the
// errors and results, the models, diagnostics, and parseLaunchResult. These names are the
// package's contract with its users; renaming one is a breaking change.
export { APIClient } from './requests/APIClient.js';
export { SessionsAPI } from './requests/SessionsAPI.js';
export { AttachmentsAPI } from './requests/AttachmentsAPI.js';
export { NetworkAPI } from './requests/NetworkAPI.js';
// Every operation's builder and Params types, from the operations' table.
export type * from './requests/operations.js';
export type { ApiWaitForSessionRequest } from './requests/sessions/waitForSession.js';
export type { SessionUpdate, WaitProgress } from './requests/sessions/waiting.js';
export type { AllSessions } from './requests/sessions/paging.js';
export {
  Configuration,
  DEFAULT_BASE_PATH,
  DIAGNOSTICS_CHANNELS,
} from './requests/Configuration.js';
export type {
  AccessToken,
  ConfigurationParameters,
  DebugLogger,
} from './lib/configuration/parameters.js';
export type {
  FetchBody,
  FetchBodyReader,
  FetchFunction,
  FetchHeaders,
  FetchInit,
  FetchResponse,
} from './lib/http/fetch-transport.js';
export type { UndiciDispatcher } from './lib/http/dispatcher.js';
export type {
  AbortError,
  DecodeError,
  InvalidRequest,
  NetworkError,
  TimeoutError,
} from './lib/pipeline/errors.js';
export type { ConnectError, HttpError, HttpErrorModel, Result } from './requests/connect.js';
export type { ApiResponse, HttpHeaders, HttpResponse } from './lib/http/response.js';
export type { AttachmentContent } from './requests/attachments/attachmentContent.js';
export type { RequestOptions } from './lib/pipeline/options.js';
export type { RequestBuilder } from './lib/pipeline/builder.js';
export {
  isAttemptEvent,
  type AttemptEvent,
  type RequestFailure,
  type RequestTraceContext,
} from './lib/observability/events.js';
export { SDK_VERSION, USER_AGENT } from './requests/version.js';
export * from './models/index.js';
export {
  parseLaunchResult,
  type LaunchResultExpectation,
} from './requests/launch/parseLaunchResult.js';
export { LaunchResult, LaunchSuccess, LaunchFailure } from './models/LaunchResult.js';
