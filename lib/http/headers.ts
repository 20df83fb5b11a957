import type { Settings } from '../configuration/configuration.js';

// The headers of a request. With no per-request headers they depend only on the configuration,
// the token and whether there is a body, so they are built and checked once and then reused.
//
// The checks are undici's own (lib/core/request.js), made before sending: what undici refuses, it
// refuses with an exception that would reach the caller as a NetworkError, retried as if the
// network had failed, when the request is wrong and nothing was sent.

export type HeaderFields = Readonly<Record<string, string>>;

export interface CheckedHeaders {
  readonly headers: HeaderFields;
  /** What HTTP or undici does not allow, one line each, naming the header, never its value. */
  readonly problems: readonly string[];
}

interface Reusable {
  readonly token: string | undefined;
  readonly checked: CheckedHeaders;
}

// Per configuration: the last headers built without a body, and with one.
const reusable = new WeakMap<Settings, [Reusable | undefined, Reusable | undefined]>();

export const requestHeaders = (
  config: Settings,
  hasBody: boolean,
  token: string | undefined,
  extra: HeaderFields | undefined,
): CheckedHeaders => {
  if (extra !== undefined) return build(config, hasBody, token, extra);
  let slots = reusable.get(config);
  if (slots === undefined) {
    slots = [undefined, undefined];
    reusable.set(config, slots);
  }
  const slot = hasBody ? 1 : 0;
  const last = slots[slot];
  if (last !== undefined && last.token === token) return last.checked;
  const checked = build(config, hasBody, token, undefined);
  slots[slot] = { token, checked };
  return checked;
};

// An RFC 9110 token; a header value: visible ASCII, space, tab and obs-text (\x80-\xff), as
// undici checks them. CR and LF are named on their own: with them a value would inject headers.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const CR_OR_LF = /[\r\n]/;
const NOT_IN_A_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

// Headers undici sets itself from the body and the connection, and refuses (content-length it
// takes, but a wrong one would frame the message wrongly: it is the body's to say).
const FRAMING = new Set(['content-length', 'transfer-encoding', 'keep-alive', 'upgrade', 'expect']);

const build = (
  config: Settings,
  hasBody: boolean,
  token: string | undefined,
  extra: HeaderFields | undefined,
): CheckedHeaders => {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'user-agent': config.userAgent,
    ...config.defaultHeaders,
    ...extra,
  };
  if (hasBody) headers['content-type'] = 'application/json';
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const problems: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const label =
      name === 'authorization' && token !== undefined ? `${name} (the access token)` : name;
    const problem = problemOf(name.toLowerCase(), label, value);
    if (problem !== undefined) problems.push(`headers: ${problem}`);
  }
  return { headers, problems };
};

// The value is never shown: it may be the token.
const problemOf = (name: string, label: string, value: unknown): string | undefined => {
  if (!TOKEN.test(name)) return `${JSON.stringify(name)} is not a valid header name`;
  if (typeof value !== 'string' || CR_OR_LF.test(value)) {
    return `the value of ${label} contains CR or LF, or is not a string`;
  }
  if (NOT_IN_A_VALUE.test(value)) {
    return `the value of ${label} contains a control character or one beyond U+00FF, which an HTTP header cannot carry`;
  }
  if (FRAMING.has(name)) {
    return `${name} cannot be set: the HTTP client frames each message and manages its connection`;
  }
  if (name === 'connection' && !value.split(',').every((option) => TOKEN.test(option.trim()))) {
    return 'connection must be a comma-separated list of header names (such as close)';
  }
  return undefined;
};
