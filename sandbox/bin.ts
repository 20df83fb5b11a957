#!/usr/bin/env node
import { unsupportedNode } from './nodeVersion.js';

// The package's `trinsic-connect-sandbox` command and `npm run sandbox`: one program (cli.ts).
// The Node version is checked before the program loads: on a Node older than undici needs, it
// would fail while loading undici, in undici's words instead of these.
const problem = unsupportedNode(process.versions);
if (problem === undefined) {
  void import('./cli.js').then(({ run }) => {
    run();
  });
} else {
  console.error(`trinsic-connect-sandbox: ${problem}`);
  process.exitCode = 1;
}
