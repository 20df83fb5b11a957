import { isLeft } from 'fp-ts/lib/Either.js';
import type { DebugLogger } from './configuration.js';
import type { Sensitivity } from './operation.js';
import { redactHeaders, redactJson, scrub } from './redact.js';
import type { AttemptOutcome } from './retry.js';

// Debug lines: one per attempt, bodies only when asked for; secrets are masked before a line is
// built, and the line is scrubbed once more for any secret value known to the request.

export interface AttemptLog {
  readonly operation: string;
  readonly method: string;
  readonly target: string;
  readonly attempt: number;
  readonly attempts: number;
  readonly ms: number;
  readonly outcome: string;
}

export const logAttempt = (logger: DebugLogger, entry: AttemptLog, secrets: readonly string[]) => {
  logger(
    scrub(
      `connect ${entry.operation}: ${entry.method} ${entry.target} -> ${entry.outcome} ` +
        `in ${entry.ms.toFixed(1)} ms (attempt ${entry.attempt}/${entry.attempts})`,
      secrets,
    ),
  );
};

/** An attempt's outcome in a word: the status, or what kind of failure it was. */
export const outcomeLabel = (outcome: AttemptOutcome): string => {
  if (!isLeft(outcome)) return String(outcome.right.status);
  const failure = outcome.left;
  return failure.kind === 'network' ? failure.code : failure.kind;
};

export const logRequestBody = (
  logger: DebugLogger,
  operation: string,
  headers: Readonly<Record<string, string>>,
  body: unknown,
  sensitivity: Sensitivity,
  secrets: readonly string[],
) => {
  logger(
    scrub(
      `connect ${operation}: request headers ${JSON.stringify(redactHeaders(headers))}` +
        (body === undefined ? '' : ` body ${JSON.stringify(redactJson(body, sensitivity))}`),
      secrets,
    ),
  );
};

const MAX_LOGGED_BODY = 4096;

export const logResponseBody = (
  logger: DebugLogger,
  operation: string,
  body: Uint8Array,
  sensitivity: Sensitivity,
  secrets: readonly string[],
) => {
  const text = Buffer.from(body).toString('utf8');
  let shown: string;
  try {
    shown = JSON.stringify(redactJson(JSON.parse(text), sensitivity));
  } catch {
    shown = `(${body.length} bytes, not JSON)`;
  }
  const cut = shown.length > MAX_LOGGED_BODY ? `${shown.slice(0, MAX_LOGGED_BODY)}…` : shown;
  logger(scrub(`connect ${operation}: response body ${cut}`, secrets));
};
