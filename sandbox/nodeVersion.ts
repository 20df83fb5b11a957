// The sandbox's own check of the Node it runs on, before it loads undici-based code paths of its
// dependencies and Node features it needs. It states the floor again rather than import the
// client's check (the sandbox shares no client code); a test holds the two in step.

/** The oldest Node the package runs on (package.json `engines`). */
export const SANDBOX_MIN_NODE = [22, 19, 0] as const;

/**
 * On Node (not Deno or Bun, which report a Node version of their own), what is wrong with its
 * version, in words; undefined when it will do.
 */
export const unsupportedNode = (versions: NodeJS.ProcessVersions): string | undefined => {
  if ('deno' in versions || 'bun' in versions) return undefined;
  const parts = versions.node.split('.').map(Number);
  for (const [index, needed] of SANDBOX_MIN_NODE.entries()) {
    const part = parts[index] ?? 0;
    if (part > needed) return undefined;
    if (part < needed) {
      return `trinsic-connect-sdk needs Node ${SANDBOX_MIN_NODE.join('.')} or later; this is Node ${versions.node}`;
    }
  }
  return undefined;
};
