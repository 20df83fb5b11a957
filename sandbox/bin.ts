#!/usr/bin/env node
import { run } from './cli.js';

// The package's `trinsic-connect-sandbox` command and `npm run sandbox`: one program (cli.ts).
run();
