// Where the launch page may send a result. A hosted verification service sends a results access
// key only where the relying party registered; the sandbox asks for the same declaration: the
// origins given at start (`allowedOrigins`, `--allowed-origin`, SANDBOX_ALLOWED_ORIGINS), plus
// the origin of each Session's own redirectUrl. The page posts to those origins by name, follows
// a redirectUrl parameter only into them, and may be framed only by them.

const WEB_SCHEMES = new Set(['http:', 'https:']);

/** How a relying party declares an origin, for the messages that refuse one. */
export const HOW_TO_DECLARE =
  'declare it when starting the sandbox: startSandbox({ allowedOrigins: [origin] }), ' +
  '--allowed-origin <origin> (repeatable) or SANDBOX_ALLOWED_ORIGINS (comma-separated); ' +
  'or create the Session with a redirectUrl on that origin';

const shown = (value: string): string => JSON.stringify(value.slice(0, 100));

/** One declared origin, normalised (`http://localhost:3000/` → `http://localhost:3000`). */
const checkedOrigin = (value: unknown): string => {
  if (typeof value !== 'string') {
    throw new Error(`allowedOrigins: each must be a string such as "http://localhost:3000"`);
  }
  if (value.trim() === '*') {
    throw new Error('allowedOrigins: "*" is not an origin: name each site that may get results');
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(
      `allowedOrigins: ${shown(value)} is not a URL; give e.g. "http://localhost:3000"`,
    );
  }
  const bare = url.pathname === '/' && url.search === '' && url.hash === '';
  if (!WEB_SCHEMES.has(url.protocol) || !bare || url.username !== '' || url.password !== '') {
    throw new Error(
      `allowedOrigins: ${shown(value)} is not an origin: give an http or https scheme, a host ` +
        'and a port only, e.g. "http://localhost:3000"',
    );
  }
  return url.origin;
};

/** The declared origins, checked and without repeats; an Error naming the first bad one. */
export const checkAllowedOrigins = (values: unknown): readonly string[] => {
  if (values === undefined) return [];
  if (!Array.isArray(values)) {
    throw new Error(
      'allowedOrigins: must be an array of origins such as ["http://localhost:3000"]',
    );
  }
  const origins: unknown[] = values;
  return [...new Set(origins.map(checkedOrigin))];
};

/** The origin of an http(s) URL, else undefined. */
const webOrigin = (text: string | undefined): string | undefined => {
  if (text === undefined) return undefined;
  const url = URL.parse(text);
  return url !== null && WEB_SCHEMES.has(url.protocol) ? url.origin : undefined;
};

/** Where this Session's result may go: the declared origins and its own redirectUrl's. */
export const resultOrigins = (
  allowed: readonly string[],
  redirectUrl: string | undefined,
): readonly string[] => {
  const own = webOrigin(redirectUrl);
  return own === undefined || allowed.includes(own) ? allowed : [...allowed, own];
};
