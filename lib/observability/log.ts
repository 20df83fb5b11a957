import { isLeft } from 'fp-ts/lib/Either.js';
import type { DebugLogger } from '../configuration/parameters.js';
import { failureLabel, type AttemptOutcome } from '../http/exchange.js';
import type { Sensitivity } from '../operation/operation.js';
import { redactHeaders, redactJson } from '../secrecy/redact.js';
import { parseJsonBytes } from '../schema/decode.js';
import type { Secrets } from '../secrecy/secrets.js';
import { cut, MAX_LOGGED_BODY_CHARS } from '../secrecy/texts.js';

// Debug lines: one per attempt, bodies only when asked for. Secret properties and credential
// headers are masked as a line is built; the whole line is then scrubbed of every sensitive value
// the request knows, and only then cut.

export interface AttemptLog {
  readonly operation: string;
  readonly method: string;
  readonly target: string;
  readonly attempt: number;
  readonly attempts: number;
  readonly ms: number;
  readonly outcome: string;
}

/** Hands a line to the caller's logger; a logger that throws cannot change what a request does. */
const emit = (logger: DebugLogger, line: string): void => {
  try {
    logger(line);
  } catch {
    // The request's outcome is the caller's answer; a broken logger only loses its line.
  }
};

export const logAttempt = (logger: DebugLogger, entry: AttemptLog, secrets: Secrets) => {
  emit(
    logger,
    secrets.scrub(
      `${entry.operation}: ${entry.method} ${entry.target} -> ${entry.outcome} ` +
        `in ${entry.ms.toFixed(1)} ms (attempt ${entry.attempt}/${entry.attempts})`,
    ),
  );
};

/** An attempt's outcome in a word: the status, or what kind of failure it was. */
export const outcomeLabel = (outcome: AttemptOutcome): string =>
  isLeft(outcome) ? failureLabel(outcome.left) : String(outcome.right.status);

export const logRequestBody = (
  logger: DebugLogger,
  operation: string,
  headers: Readonly<Record<string, string>>,
  body: unknown,
  sensitivity: Sensitivity,
  secrets: Secrets,
) => {
  const shown = body === undefined ? '' : ` body ${JSON.stringify(redactJson(body, sensitivity))}`;
  const line = `${operation}: request headers ${JSON.stringify(redactHeaders(headers))}${shown}`;
  emit(logger, cut(secrets.scrub(line), MAX_LOGGED_BODY_CHARS));
};

export const logResponseBody = (
  logger: DebugLogger,
  operation: string,
  body: Uint8Array,
  sensitivity: Sensitivity,
  secrets: Secrets,
) => {
  let shown = `(${body.length} bytes, not JSON)`;
  // Parsed as the answer is: a body nested past the limit is not parsed for a log line either.
  const parsed = parseJsonBytes(body);
  try {
    if (!isLeft(parsed)) shown = JSON.stringify(redactJson(parsed.right, sensitivity));
  } catch {
    // A small body can still nest deeper than the redaction's recursion reaches: not shown.
  }
  const line = `${operation}: response body ${shown}`;
  emit(logger, cut(secrets.scrub(line), MAX_LOGGED_BODY_CHARS));
};
