import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registryNode } from '../../scripts/floor-node.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import {
  cleanEnvironment,
  installConsumer,
  lastJson,
  nodeVersions,
  type Consumer,
} from './consumer.js';
import { EXPECTED, programSource, startFaultServer, type FaultServer } from './runtimes.js';
import { REPO_ROOT, runAsync } from './tarball.js';

// The main entry on every runtime it claims, from the packed tarball, each runtime installed from
// the npm registry as a devDependency: Node (this run's and the engines floor) and Deno through
// undici; Bun, Cloudflare Workers (workerd, the bundle made as Wrangler makes it) and Vercel's
// Edge runtime through their own fetch. One program (create, get, list, a 404, a retried 503, a
// timeout, an abort, a decode error) must come to the same Eithers on each.

const BIN = join(REPO_ROOT, 'node_modules', '.bin');
// Bun's own binary, from the platform package npm installs beside `bun`: the `bun` package's
// `.bin` entry is a placeholder until its postinstall step runs, which package.json's
// allowScripts does not allow (the binary needs no step to run).
// workerd's own binary, from its platform package: the `workerd` package's `.bin` entry is a
// Node script that starts it as a child and does not pass a kill on, which left workerd serving
// (and Jest waiting) after the test.
const WORKERD = join(
  REPO_ROOT,
  'node_modules',
  '@cloudflare',
  `workerd-${process.platform}-${process.arch === 'x64' ? '64' : process.arch}`,
  'bin',
  'workerd',
);
const BUN = join(
  REPO_ROOT,
  'node_modules',
  '@oven',
  `bun-${process.platform}-${process.arch}`,
  'bin',
  'bun',
);
const esbuild = join(REPO_ROOT, 'node_modules', 'esbuild', 'bin', 'esbuild');

let consumer: Consumer;
let sandbox: Sandbox;
let faults: FaultServer;
let denoDir: string;

beforeAll(async () => {
  [consumer, sandbox] = await Promise.all([
    installConsumer({ type: 'module', link: ['edge-runtime'] }),
    startSandbox(),
  ]);
  faults = await startFaultServer(sandbox.url);
  denoDir = mkdtempSync(join(tmpdir(), 'connect-deno-'));
}, 180_000);

afterAll(async () => {
  await faults.stop();
  await sandbox.stop();
  consumer.remove();
  rmSync(denoDir, { recursive: true, force: true });
});

/** Writes the program for one runtime and the module that prints its summary. */
const writeProgram = (runtime: string): string => {
  consumer.write(
    `${runtime}/program.mjs`,
    programSource({ url: faults.url, apiKey: sandbox.apiKey, runtime }),
  );
  return consumer.write(
    `${runtime}/main.mjs`,
    "import { runProgram } from './program.mjs';\nconsole.log(JSON.stringify(await runProgram()));\n",
  );
};

/** esbuild as a platform's bundler runs it; returns the bundle's inputs (the metafile's). */
const bundle = async (entry: string, outfile: string, flags: readonly string[]) => {
  const metafile = `${outfile}.meta.json`;
  await runAsync(
    esbuild,
    [
      entry,
      '--bundle',
      `--outfile=${outfile}`,
      `--metafile=${metafile}`,
      '--log-level=error',
      ...flags,
    ],
    { cwd: consumer.dir, env: cleanEnvironment() },
  );
  const meta: unknown = JSON.parse(readFileSync(join(consumer.dir, metafile), 'utf8'));
  const inputs: unknown =
    typeof meta === 'object' && meta !== null ? Reflect.get(meta, 'inputs') : {};
  return Object.keys(typeof inputs === 'object' && inputs !== null ? inputs : {});
};

const run = (file: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) =>
  runAsync(file, args, { cwd: consumer.dir, env: { ...cleanEnvironment(), ...env } }).then(
    lastJson,
  );

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });

/** Asks a workerd that is starting until it answers (each refused try is retried). */
const askWorker = async (
  url: string,
  request: RequestInit,
  worker: ChildProcess,
): Promise<unknown> => {
  for (;;) {
    if (worker.exitCode !== null) throw new Error(`workerd exited (${String(worker.exitCode)})`);
    try {
      const answer = await fetch(url, request);
      return JSON.parse(await answer.text());
    } catch (error) {
      if (!String(Reflect.get(Object(error), 'cause')).includes('ECONNREFUSED')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
};

const WORKER = `import { runProgram } from './program.mjs';
export default { async fetch() { return Response.json(await runProgram()); } };
`;

const workerdConfig = (port: number, bindings: Readonly<Record<string, string>>) => {
  const texts = Object.entries(bindings).map(
    ([name, text]) => `(name = ${JSON.stringify(name)}, text = ${JSON.stringify(text)})`,
  );
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:${String(port)}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  bindings = [ ${texts.join(', ')} ],
  compatibilityDate = "2025-09-01",
  globalOutbound = "loopback",
);
`;
};

/**
 * Bundles `entry` (in the consumer's `folder`) as Wrangler bundles a Worker: one ES module, the
 * workerd/worker/browser conditions; serves it on workerd and answers `request` from it.
 */
const onWorkerd = async (
  folder: string,
  entry: string,
  request: RequestInit,
  bindings: Readonly<Record<string, string>> = {},
): Promise<{ result: unknown; inputs: readonly string[] }> => {
  const inputs = await bundle(`${folder}/${entry}`, `${folder}/worker.js`, [
    '--format=esm',
    '--platform=neutral',
    '--main-fields=browser,module,main',
    '--conditions=workerd,worker,browser',
  ]);
  const port = await freePort();
  const config = consumer.write(`${folder}/config.capnp`, workerdConfig(port, bindings));
  const worker = spawn(WORKERD, ['serve', config], {
    cwd: join(consumer.dir, folder),
    env: cleanEnvironment(),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  worker.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    return {
      result: await askWorker(`http://127.0.0.1:${String(port)}/`, request, worker),
      inputs,
    };
  } catch (error) {
    throw new Error(`workerd: ${String(error)}\n${stderr}`);
  } finally {
    worker.kill();
  }
};

const programOnWorkerd = () => {
  writeProgram('workerd');
  consumer.write('workerd/entry.mjs', WORKER);
  return onWorkerd('workerd', 'entry.mjs', {});
};

const EDGE_MAIN = `import { readFileSync } from 'node:fs';
import { EdgeRuntime } from 'edge-runtime';
const runtime = new EdgeRuntime({ initialCode: readFileSync(new URL('./bundle.js', import.meta.url), 'utf8') });
console.log(JSON.stringify(await runtime.evaluate('connectProgram.runProgram()')));
`;

const onEdgeRuntime = async (): Promise<{ result: unknown; inputs: readonly string[] }> => {
  writeProgram('edge');
  const main = consumer.write('edge/run.mjs', EDGE_MAIN);
  // As Vercel bundles an Edge Function: one script, the edge-light condition, no Node built-ins.
  const inputs = await bundle('edge/program.mjs', 'edge/bundle.js', [
    '--format=iife',
    '--global-name=connectProgram',
    '--platform=browser',
    '--conditions=edge-light,worker,browser',
  ]);
  return { result: await run(process.execPath, [main]), inputs };
};

const carriesUndici = (inputs: readonly string[]): boolean =>
  inputs.some((input) => /node_modules\/undici\//.test(input));

test('one program comes to the same Eithers on Node, Deno, Bun, workerd and the Edge runtime', async () => {
  const [node, floor] = nodeVersions();
  if (node === undefined || floor === undefined) throw new Error('no Node versions');
  const [onNode, onFloor, onDeno, onBun, workerd, edge] = await Promise.all([
    run(node.path, [writeProgram('node')]),
    run(floor.path, [writeProgram('floor')]),
    run(join(BIN, 'deno'), ['run', '-A', writeProgram('deno')], {
      DENO_DIR: denoDir,
      DENO_NO_UPDATE_CHECK: '1',
    }),
    run(BUN, [writeProgram('bun')], { BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0' }),
    programOnWorkerd(),
    onEdgeRuntime(),
  ]);
  const results = {
    [node.label]: onNode,
    [floor.label]: onFloor,
    Deno: onDeno,
    Bun: onBun,
    workerd: workerd.result,
    'Edge runtime': edge.result,
  };
  const expected = Object.fromEntries(Object.keys(results).map((label) => [label, EXPECTED]));
  expect(results).toEqual(expected);
  // A Worker or an Edge Function carries no undici: the export conditions keep it out.
  expect({ workerd: carriesUndici(workerd.inputs), edge: carriesUndici(edge.inputs) }).toEqual({
    workerd: false,
    edge: false,
  });
}, 240_000);

// Node 20 is still many machines' Node; npm only warns about `engines`. The SDK must say, in
// words, what it needs, and the sandbox command must stop with the same words.
const OLD_NODE = '20.20.2';

test(`on Node ${OLD_NODE}, the first call and the sandbox command name the Node they need`, () => {
  const oldNode = registryNode(OLD_NODE);
  const script = consumer.write(
    'old-node/main.mjs',
    `import { APIClient, Configuration } from 'trinsic-connect-sdk';
const client = new APIClient(new Configuration({ basePath: ${JSON.stringify(sandbox.url)}, accessToken: ${JSON.stringify(sandbox.apiKey)} }));
const result = await client.networkAPI.listProviders().execute();
console.log(JSON.stringify({ left: result.left?._tag, message: result.left?.message }));
`,
  );
  const needed = `trinsic-connect-sdk needs Node 22.19.0 or later; this is Node ${OLD_NODE}`;

  expect(lastJson(consumer.node({ label: 'old', path: oldNode }, script))).toEqual({
    left: 'InvalidRequest',
    message: `NetworkAPI.ListProviders: invalid request, nothing was sent: ${needed}`,
  });
  const bin = join(
    consumer.dir,
    'node_modules',
    'trinsic-connect-sdk',
    'dist',
    'sandbox',
    'bin.js',
  );
  const started = spawnSync(oldNode, [bin], {
    cwd: consumer.dir,
    env: cleanEnvironment(),
    encoding: 'utf8',
  });
  expect({ status: started.status, stderr: started.stderr.trim() }).toEqual({
    status: 1,
    stderr: `trinsic-connect-sandbox: ${needed}`,
  });
  // The sandbox's module entry loads, and starting a sandbox or a control client says the same.
  const sandboxScript = consumer.write(
    'old-node/sandbox.mjs',
    `import { sandboxControl, startSandbox } from 'trinsic-connect-sdk/sandbox';
const messageOf = async (start) => { try { await start(); return 'started'; } catch (error) { return error.message; } };
console.log(JSON.stringify({
  start: await messageOf(() => startSandbox()),
  control: await messageOf(() => sandboxControl('http://127.0.0.1:1', 'a-sandbox-key')),
}));
`,
  );
  expect(lastJson(consumer.node({ label: 'old', path: oldNode }, sandboxScript))).toEqual({
    start: needed,
    control: needed,
  });
}, 120_000);

test('the Workers example runs on workerd as Wrangler bundles it, against the sandbox', async () => {
  const example = readFileSync(join(REPO_ROOT, 'examples', 'worker', 'index.ts'), 'utf8');
  consumer.write('example/index.ts', example);
  const bindings = { TRINSIC_API_KEY: sandbox.apiKey, TRINSIC_BASE_URL: sandbox.url };

  const { result, inputs } = await onWorkerd('example', 'index.ts', { method: 'POST' }, bindings);

  const field = (name: string): unknown => Reflect.get(Object(result), name);
  expect(typeof field('sessionId')).toBe('string');
  expect(String(field('launchUrl'))).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  expect(carriesUndici(inputs)).toBe(false);
}, 60_000);

// The sandbox is plain node:http, which Deno and Bun both serve.
const SANDBOX_PROGRAM = `import { APIClient, Configuration } from 'trinsic-connect-sdk';
import { startSandbox } from 'trinsic-connect-sdk/sandbox';
const sandbox = await startSandbox();
const client = new APIClient(new Configuration({ basePath: sandbox.url, accessToken: sandbox.apiKey }));
const created = await client.sessionsAPI.createSession().createSessionRequest({}).execute();
const providers = await client.networkAPI.listProviders().execute();
await sandbox.stop();
console.log(JSON.stringify({ created: created._tag, providers: providers._tag === 'Right' ? providers.right.data.providers.length : providers.left.message }));
`;

test('the sandbox serves on Deno and Bun', async () => {
  const script = consumer.write('sandbox/main.mjs', SANDBOX_PROGRAM);
  const [onDeno, onBun] = await Promise.all([
    run(join(BIN, 'deno'), ['run', '-A', script], { DENO_DIR: denoDir, DENO_NO_UPDATE_CHECK: '1' }),
    run(BUN, [script]),
  ]);

  expect({ onDeno, onBun }).toEqual({
    onDeno: { created: 'Right', providers: 3 },
    onBun: { created: 'Right', providers: 3 },
  });
}, 60_000);
