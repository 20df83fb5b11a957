// What must never reach a log line or an error message, and how it is masked.

export const REDACTED = '[REDACTED]';

/** JSON properties whose values are secrets: access keys, and the launch URL's client token. */
const SECRET_PROPERTIES: ReadonlySet<string> = new Set([
  'resultsAccessKey',
  'attachmentAccessKey',
  'launchUrl',
  'selfie',
  'documentFront',
  'documentBack',
  'documentPortrait',
]);

/** JSON properties holding a verified person's data: every string within them is masked. */
const PERSONAL_PROPERTIES: ReadonlySet<string> = new Set(['person', 'document']);

/**
 * A copy of a JSON value with every secret property's string value masked, and every string
 * within personal data. Only strings: the secret names stand for booleans in DisclosedFields,
 * and those are no secret.
 */
export const redactJson = (value: unknown, personal = false): unknown => {
  if (typeof value === 'string') return personal ? REDACTED : value;
  if (Array.isArray(value)) return value.map((inner) => redactJson(inner, personal));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      SECRET_PROPERTIES.has(key) && typeof inner === 'string'
        ? REDACTED
        : redactJson(inner, personal || PERSONAL_PROPERTIES.has(key));
  }
  return out;
};

/** The string values of secret properties within a JSON value. */
export const secretsIn = (value: unknown, found: string[] = []): string[] => {
  if (Array.isArray(value)) for (const inner of value) secretsIn(inner, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (SECRET_PROPERTIES.has(key) && typeof inner === 'string') found.push(inner);
      else secretsIn(inner, found);
    }
  }
  return found;
};

/** `text` with every occurrence of each secret masked. */
export const scrub = (text: string, secrets: readonly string[]): string => {
  let out = text;
  for (const secret of secrets) if (secret.length > 0) out = out.split(secret).join(REDACTED);
  return out;
};

// Header names whose values may be credentials: Authorization, cookies, API keys, tokens.
const SECRET_HEADER = /auth|cookie|token|key|secret|session|signature/i;

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
