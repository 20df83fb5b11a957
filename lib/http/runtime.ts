// What the runtime offers, found by asking it (capability checks), never by reading a user agent.
// The main entry loads on Node, Deno, Bun, Cloudflare Workers and Vercel's Edge runtime, so no
// module of it imports a `node:` built-in statically: the ones it can use are asked for here,
// through `process.getBuiltinModule` where the runtime has it, and done without where it has not.

/** The oldest Node that undici 8, the transport on Node, runs on. */
export const MIN_NODE = [22, 19, 0] as const;

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null;

const hostProcess = (): Record<string, unknown> | undefined => {
  const found: unknown = Reflect.get(globalThis, 'process');
  return isObject(found) ? found : undefined;
};

/** A built-in module of Node's (also served by Deno, Bun and Workers' nodejs_compat), if any. */
export const builtinModule = (id: string): unknown => {
  const host = hostProcess();
  const get: unknown = host ? host.getBuiltinModule : undefined;
  if (typeof get !== 'function') return undefined;
  try {
    const found: unknown = Reflect.apply(get, host, [id]);
    return found;
  } catch {
    return undefined;
  }
};

const versionOf = (name: string): string | undefined => {
  const versions: unknown = hostProcess()?.versions;
  const version: unknown = isObject(versions) ? versions[name] : undefined;
  return typeof version === 'string' ? version : undefined;
};

/**
 * The runtime in a few words, for the User-Agent: Deno and Bun also report a Node version (the one
 * they are compatible with), so their own names are looked for first.
 */
export const runtimeLabel = (): string => {
  for (const name of ['deno', 'bun']) {
    const version = versionOf(name);
    if (version !== undefined) return `${name} ${version}`;
  }
  const node = versionOf('node');
  if (node !== undefined) return `node ${node}`;
  const navigator: unknown = Reflect.get(globalThis, 'navigator');
  const agent: unknown = isObject(navigator) ? navigator.userAgent : undefined;
  return typeof agent === 'string' && agent.length > 0 ? agent : 'unknown runtime';
};

/** Thrown when the runtime cannot carry the SDK; its message says what is needed, in words. */
export class UnsupportedRuntimeError extends Error {
  override readonly name = 'UnsupportedRuntimeError';
}

/**
 * On Node (not Deno or Bun, which report a Node version of their own), the version must be at
 * least MIN_NODE; the message names the one needed and the one running.
 */
export const unsupportedNode = (): string | undefined => {
  if (versionOf('deno') !== undefined || versionOf('bun') !== undefined) return undefined;
  const version = versionOf('node');
  if (version === undefined) return undefined;
  const parts = version.split('.').map(Number);
  for (const [index, needed] of MIN_NODE.entries()) {
    const part = parts[index] ?? 0;
    if (part > needed) return undefined;
    if (part < needed) {
      return `trinsic-connect-sdk needs Node ${MIN_NODE.join('.')} or later; this is Node ${version}`;
    }
  }
  return undefined;
};
