import { main } from './main.js';

// `npm start`: the whole verification flow through the SDK, offline against a local sandbox
// (or against TRINSIC_BASE_URL with TRINSIC_API_KEY, when both are set). See sandbox/README.md.

process.exitCode = await main(process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
