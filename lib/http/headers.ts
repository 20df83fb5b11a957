import type { Configuration } from '../configuration.js';

// The headers of a request. With no per-request headers they depend only on the configuration,
// the token and whether there is a body, so they are built and checked once and then reused.

export type Headers = Readonly<Record<string, string>>;

export interface CheckedHeaders {
  readonly headers: Headers;
  /** Header names HTTP does not allow, and values holding CR or LF (never the value itself). */
  readonly problems: readonly string[];
}

interface Reusable {
  readonly token: string | undefined;
  readonly checked: CheckedHeaders;
}

// Per configuration: the last headers built without a body, and with one.
const reusable = new WeakMap<Configuration, [Reusable | undefined, Reusable | undefined]>();

export const requestHeaders = (
  config: Configuration,
  hasBody: boolean,
  token: string | undefined,
  extra: Headers | undefined,
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

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const CR_OR_LF = /[\r\n]/;

const build = (
  config: Configuration,
  hasBody: boolean,
  token: string | undefined,
  extra: Headers | undefined,
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
    if (!HEADER_NAME.test(name)) {
      problems.push(`headers: ${JSON.stringify(name)} is not a valid header name`);
    } else if (typeof value !== 'string' || CR_OR_LF.test(value)) {
      // The value is not shown: it may be the token.
      problems.push(`headers: the value of ${name} contains CR or LF, or is not a string`);
    }
  }
  return { headers, problems };
};
