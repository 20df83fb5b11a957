import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bundleEntry } from './bundle-entry.js';

// `npm run build`: the package as it ships, from an empty dist/ so that no renamed module lingers.
//   dist/      ES modules and their declarations (tsconfig.build.json): import, and require() on
//              every Node that `engines` admits (the `module-sync` condition)
//              index.js is then bundled into one file (bundle-entry.ts): it loads faster
//   dist/cjs/  CommonJS and its declarations (tsconfig.build.cjs.json): for the tools that cannot
//              load ES modules synchronously (Jest in its default mode, older bundlers)
// The two compilations run side by side; each fails the build on any compiler error.

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const compile = (project: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, '-p', project], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`tsc -p ${project} failed (exit ${String(code)})`));
    });
  });

rmSync(dist, { recursive: true, force: true });
try {
  await Promise.all([compile('tsconfig.build.json'), compile('tsconfig.build.cjs.json')]);
  await bundleEntry(dist);
} catch (error) {
  console.error(`build: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
// The root package.json says "type": "module"; this one makes dist/cjs/*.js (and the .d.ts files
// beside them, for TypeScript) CommonJS. It is also the scope in which dist/cjs resolves the
// package's own `#undici-route` import, so it repeats the root's conditions for its own files.
const noUndici = './lib/http/no-undici-route.js';
const cjsScope = {
  type: 'commonjs',
  imports: {
    '#undici-route': {
      workerd: noUndici,
      'edge-light': noUndici,
      bun: noUndici,
      worker: noUndici,
      browser: noUndici,
      default: './lib/http/undici-route.js',
    },
  },
};
mkdirSync(join(dist, 'cjs'), { recursive: true });
writeFileSync(join(dist, 'cjs', 'package.json'), `${JSON.stringify(cjsScope)}\n`);
