import type { Sensitivity } from '../operation/operation.js';

// What must never reach a log line or an error message, and how it is masked. Which properties
// are secret or personal is the API description's to say (Sensitivity); this is only the how.

export const REDACTED = '[REDACTED]';

/**
 * A copy of a JSON value with every secret property's string value masked, and every string
 * within personal data. Only strings: a secret property's name may also stand for a boolean
 * elsewhere (a flag asking for it), and that is no secret.
 */
export const redactJson = (value: unknown, sensitivity: Sensitivity, personal = false): unknown => {
  if (typeof value === 'string') return personal ? REDACTED : value;
  if (Array.isArray(value)) return value.map((inner) => redactJson(inner, sensitivity, personal));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      sensitivity.secretProperties.has(key) && typeof inner === 'string'
        ? REDACTED
        : redactJson(inner, sensitivity, personal || sensitivity.personalProperties.has(key));
  }
  return out;
};

/** The string values of secret properties within a JSON value. */
export const secretsIn = (
  value: unknown,
  sensitivity: Sensitivity,
  found: string[] = [],
): string[] => {
  if (Array.isArray(value)) for (const inner of value) secretsIn(inner, sensitivity, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (sensitivity.secretProperties.has(key) && typeof inner === 'string') found.push(inner);
      else secretsIn(inner, sensitivity, found);
    }
  }
  return found;
};

// Header names whose values may be credentials: Authorization, cookies, API keys, tokens.
const SECRET_HEADER = /auth|cookie|token|key|secret|session|signature/i;

/**
 * The credentials within headers that may carry them: the value, or for a `Scheme credentials`
 * value (`Bearer …`) the part after the scheme.
 */
export const credentialsIn = (headers: unknown, found: string[] = []): string[] => {
  if (typeof headers !== 'object' || headers === null) return found;
  for (const [name, value] of Object.entries(headers)) {
    if (!SECRET_HEADER.test(name) || typeof value !== 'string') continue;
    found.push(/^[A-Za-z][\w.~+/-]*\s+(.+)$/.exec(value)?.[1] ?? value);
  }
  return found;
};

/** Headers as they may be logged: every value that may be a credential masked. */
export const redactHeaders = (
  headers: Readonly<Record<string, string>>,
): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = SECRET_HEADER.test(name) ? REDACTED : value;
  }
  return out;
};
