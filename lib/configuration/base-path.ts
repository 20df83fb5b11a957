// The API's address, checked once at start-up. A mistake here is the first thing a new user meets,
// so each message shows what was given (never a credential or a query, which may hold one) and,
// where it can tell, the value that was meant.

export interface BasePath {
  /** Scheme, host and port. */
  readonly origin: string;
  /** The path under the origin, with no trailing slash ('' for none). */
  readonly pathPrefix: string;
}

const MUST = 'basePath must be an absolute http(s) URL';
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

/**
 * Parses `basePath`, or `fallback` (the service's own address) when it is not given; each mistake
 * found is pushed onto `problems`.
 */
export const parseBasePath = (given: unknown, fallback: string, problems: string[]): BasePath => {
  const basePath = given ?? fallback;
  if (typeof basePath !== 'string') {
    problems.push(`${MUST} such as ${JSON.stringify(fallback)}, got ${typeOf(basePath)}`);
    return { origin: '', pathPrefix: '' };
  }
  const trimmed = basePath.trim();
  if (trimmed === '') {
    problems.push(`${MUST}, got "" (leave it out to use ${fallback})`);
    return { origin: '', pathPrefix: '' };
  }
  const url = parse(trimmed);
  // `example.com` does not parse, and `localhost:4010` parses with `localhost:` as its
  // scheme: both lack the scheme, and adding one gives the address that was meant.
  if (url === undefined || (!trimmed.includes('://') && !isHttp(url))) {
    problems.push(`${MUST}, got ${shown(trimmed)}${guess(trimmed)}`);
    return { origin: '', pathPrefix: '' };
  }
  if (!isHttp(url)) {
    problems.push(`basePath must use http or https, got ${url.protocol.slice(0, -1)}`);
  }
  if (url.username !== '' || url.password !== '') {
    problems.push(
      'basePath must carry no credentials (a user name or password): pass the API key as accessToken',
    );
  } else if (url.search !== '' || url.hash !== '') {
    const bare = url.origin + url.pathname;
    problems.push(`basePath must have no query or fragment: did you mean "${bare}"?`);
  }
  return { origin: url.origin, pathPrefix: url.pathname.replace(/\/+$/, '') };
};

const parse = (value: string): URL | undefined => {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
};

const isHttp = (url: URL): boolean => url.protocol === 'http:' || url.protocol === 'https:';

/** The suggestion for a value without a scheme: http for a loopback host, https otherwise. */
const guess = (value: string): string => {
  const host = value.split('/')[0] ?? '';
  const scheme = LOOPBACK.test(host) ? 'http' : 'https';
  const candidate = parse(`${scheme}://${value}`);
  if (candidate === undefined || candidate.username !== '' || candidate.password !== '') return '';
  return `: did you mean "${candidate.origin}${candidate.pathname.replace(/\/+$/, '')}"?`;
};

/** The value as given, cut short, and without anything after `?` or `#`, or before an `@`. */
const shown = (value: string): string => {
  const visible = value.replace(/[?#].*$/s, '').replace(/^[^/]*@/, '');
  return JSON.stringify(visible.length > 100 ? `${visible.slice(0, 100)}…` : visible);
};

export const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
