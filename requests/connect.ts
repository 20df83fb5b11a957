import type * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Settings } from '../lib/configuration/configuration.js';
import type { HttpErrorOf, RequestError } from '../lib/pipeline/errors.js';
import type { BuilderState } from '../lib/pipeline/builder.js';
import type { HttpResponse } from '../lib/http/response.js';
import type {
  ErrorReader,
  ErrorReading,
  Operation,
  Sensitivity,
} from '../lib/operation/operation.js';
import { NO_OPTIONS } from '../lib/pipeline/options.js';
import type { ResultOf } from '../lib/pipeline/outcome.js';
import { compile, type CompiledOperation } from '../lib/operation/prepare.js';
import { listOf } from '../lib/schema/codecs.js';
import { decodeJson } from '../lib/schema/decode.js';
import { FailureMessage } from '../models/FailureMessage.js';
import { ValidationResult } from '../models/ValidationResult.js';

// What every Connect operation shares, said once: the error bodies the spec gives each status,
// and which properties are secrets or personal data. Each operation's description takes these
// from here (connectOperation); the core in lib/ knows none of it.

/** The body of an error answer, decoded as the spec describes it (400 and 401). */
export type HttpErrorModel = readonly ValidationResult[] | FailureMessage;

/** The server answered with a status that is not a success. */
export type HttpError = HttpErrorOf<HttpErrorModel>;

/** Every way a Connect request can fail, discriminated by `_tag`. */
export type ConnectError = RequestError<HttpErrorModel>;

/** What `execute()` resolves to. */
export type Result<T> = ResultOf<T, HttpErrorModel>;

const NOTHING: ErrorReading<HttpErrorModel> = { model: undefined, says: '' };

/** Reads an error body with `codec`; what it says comes from `describe`. */
const bodyOf =
  <C extends t.Mixed>(
    codec: C,
    describe: (model: t.TypeOf<C>) => string,
  ): ((response: HttpResponse) => ErrorReading<t.TypeOf<C>>) =>
  (response) => {
    const decoded = decodeJson(codec, response, false);
    return isLeft(decoded) ? NOTHING : { model: decoded.right, says: describe(decoded.right) };
  };

const describeValidation = (results: readonly ValidationResult[]): string =>
  results
    .map((r) => `${r.memberNames.join(', ') || '(request)'}: ${r.errorMessage ?? 'invalid'}`)
    .join('; ');

/** The spec's error bodies by status. */
const ERROR_BODIES = new Map<number, ErrorReader<HttpErrorModel>>([
  [400, bodyOf(listOf(ValidationResult), describeValidation)],
  [401, bodyOf(FailureMessage, (failure) => failure.message)],
]);

/** Statuses the spec leaves undescribed (404, 409, …) still carry a `{ message }`: shown, no model. */
const otherStatus = (response: HttpResponse): ErrorReading<HttpErrorModel> => {
  const decoded = decodeJson(FailureMessage, response, false);
  return isLeft(decoded) ? NOTHING : { model: undefined, says: decoded.right.message };
};

const connectErrors: ErrorReader<HttpErrorModel> = (response) =>
  (ERROR_BODIES.get(response.status) ?? otherStatus)(response);

const connectSensitivity: Sensitivity = {
  // Access keys; the launch URL, which carries the client token; attachment keys by their field.
  secretProperties: new Set([
    'resultsAccessKey',
    'attachmentAccessKey',
    'launchUrl',
    'selfie',
    'documentFront',
    'documentBack',
    'documentPortrait',
  ]),
  // A verified person's data: every string within is masked.
  personalProperties: new Set(['person', 'document']),
};

/** A Connect operation: its own description, with the parts every Connect operation shares. */
export type ConnectOperation<P, T> = CompiledOperation<P, T, HttpErrorModel>;

export const connectOperation = <P, T>(
  description: Omit<Operation<P, T, HttpErrorModel>, 'errors' | 'sensitivity'>,
): ConnectOperation<P, T> =>
  compile({ ...description, errors: connectErrors, sensitivity: connectSensitivity });

/** The state of a new builder of `operation`, with the parameters its API method was given. */
export const startRequest = <P, T>(
  configuration: Settings,
  operation: ConnectOperation<P, T>,
  params: Partial<P>,
): BuilderState<P, T, HttpErrorModel> => ({
  configuration,
  operation,
  params,
  options: NO_OPTIONS,
});
