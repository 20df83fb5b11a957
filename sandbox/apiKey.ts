// The sandbox's API key is what every client sends as `Authorization: Bearer <key>`. A key no
// client can send, or one the SDK refuses, would start a sandbox nobody can use: refused at
// start, by the rule it breaks, never quoting the key.

/**
 * The shortest key: the SDK refuses an accessToken shorter than this. The sandbox states it again
 * rather than import the client's code (a fake server built on the client would share its
 * mistakes); a unit test holds the two equal.
 */
export const MIN_API_KEY_LENGTH = 8;

// Control characters (C0, DEL, C1) and whitespace: a header cannot carry them in a token.
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u00a0\s]/u;
// An HTTP header value is bytes; beyond U+00FF a character is not one byte.
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/u;

/** The reason the key cannot be used, or undefined when it can. */
export const apiKeyProblem = (apiKey: unknown): string | undefined => {
  if (typeof apiKey !== 'string') return 'The API key must be a string';
  if (apiKey.length < MIN_API_KEY_LENGTH) {
    return `The API key must have at least ${MIN_API_KEY_LENGTH} characters (the SDK refuses a shorter accessToken)`;
  }
  const control = CONTROL_OR_SPACE.exec(apiKey);
  if (control !== null) {
    return `The API key must not contain spaces or control characters (one is at position ${control.index + 1}): no client can send it in an Authorization header`;
  }
  const wide = BEYOND_LATIN1.exec(apiKey);
  if (wide !== null) {
    return `The API key must not contain characters beyond U+00FF (one is at position ${wide.index + 1}): no HTTP client can send it in a header`;
  }
  return undefined;
};
