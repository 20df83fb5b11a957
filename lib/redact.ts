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

/**
 * A copy of a JSON value with every secret property's string value masked. Only strings: the
 * same names stand for booleans in DisclosedFields, and those are no secret.
 */
export const redactJson = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(redactJson);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      SECRET_PROPERTIES.has(key) && typeof inner === 'string' ? REDACTED : redactJson(inner);
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

/** Headers as they may be logged: the Authorization value masked. */
export const redactHeaders = (
  headers: Readonly<Record<string, string>>,
): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = name === 'authorization' || name === 'proxy-authorization' ? REDACTED : value;
  }
  return out;
};
