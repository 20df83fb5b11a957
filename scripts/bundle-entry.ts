import { build } from 'esbuild';
import { join } from 'node:path';

// The ES module build's main entry as one file. tsc leaves ninety-odd modules behind index.js, and
// in a fresh process Node spends most of the SDK's import resolving and linking them (about 60 ms
// of a 70 ms import on a 2-core VM; the SDK's own code runs in a few): serverless and edge
// instances pay that on every cold start. One file loads in about a quarter of the time. The
// other modules stay beside it for the sandbox entry and the declarations; the peer packages,
// undici and the package's own `#undici-route` import are left for the runtime to resolve (the
// last is how export conditions keep undici out of Worker bundles).

/**
 * Bundles `<dir>/index.js` (tsc's output) and everything it imports into `<dir>/<outfile>`; by
 * default in place of it.
 */
export const bundleEntry = async (dir: string, outfile = 'index.js'): Promise<void> => {
  await build({
    entryPoints: [join(dir, 'index.js')],
    outfile: join(dir, outfile),
    allowOverwrite: true,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    external: ['fp-ts', 'fp-ts/*', 'io-ts', 'io-ts/*', 'undici', '#undici-route'],
    logLevel: 'warning',
  });
};
