import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  cleanEnvironment,
  installConsumer,
  lastJson,
  nodeVersions,
  type Consumer,
  type NodeVersion,
} from './consumer.js';

// The installed package at run time, on the `engines` floor and on the Node of this run: both
// entries ('.' and './sandbox') load by import and by require(), as one copy, and carry a real
// request to the package's own sandbox on loopback, whatever the process did to undici's global
// dispatcher before, and through whichever undici Dispatcher the user passes.

let consumer: Consumer;

beforeAll(async () => {
  consumer = await installConsumer({
    link: ['undici-v6', 'undici-v7'],
  });
  for (const [name, script] of Object.entries(SCRIPTS)) consumer.write(name, script);
}, 180_000);

afterAll(() => {
  consumer.remove();
});

// Each script prints one JSON line; `providers` is what listProviders gave (the sandbox has 3).
const ASK_SANDBOX = `
const ask = async (sandbox, extra = {}) => {
  const client = new APIClient(new Configuration({ basePath: sandbox.url, accessToken: sandbox.apiKey, maxRetries: 0, ...extra }));
  const result = await client.networkAPI.listProviders().execute();
  return result._tag === 'Right' ? result.right.data.providers.length : result.left._tag + ': ' + result.left.message;
};`;

const SCRIPTS: Readonly<Record<string, string>> = {
  'esm.mjs': `import { createRequire } from 'node:module';
import { APIClient, Configuration, SDK_VERSION } from 'trinsic-connect-sdk';
import { startSandbox } from 'trinsic-connect-sdk/sandbox';
${ASK_SANDBOX}
const required = createRequire(import.meta.url)('trinsic-connect-sdk');
const sandbox = await startSandbox();
const providers = await ask(sandbox);
await sandbox.stop();
console.log(JSON.stringify({ providers, version: SDK_VERSION, oneCopy: required.Configuration === Configuration }));
`,
  'cjs.cjs': `const { APIClient, Configuration, SDK_VERSION } = require('trinsic-connect-sdk');
const { startSandbox } = require('trinsic-connect-sdk/sandbox');
${ASK_SANDBOX}
(async () => {
  const imported = await import('trinsic-connect-sdk');
  const sandbox = await startSandbox();
  const providers = await ask(sandbox);
  await sandbox.stop();
  console.log(JSON.stringify({ providers, version: SDK_VERSION, oneCopy: imported.Configuration === Configuration }));
})().catch((error) => { console.error(error); process.exitCode = 1; });
`,
  // Both builds in one process, as a tool that loads ES modules and CommonJS separately may do:
  // a Configuration of one copy drives an APIClient of the other, both ways.
  'two-copies.mjs': `import { createRequire } from 'node:module';
import * as esm from 'trinsic-connect-sdk';
import { startSandbox } from 'trinsic-connect-sdk/sandbox';
const require = createRequire(import.meta.url);
const cjs = require(require.resolve('trinsic-connect-sdk').replace(/dist[\\/]index\\.js$/, 'dist/cjs/index.js'));
const sandbox = await startSandbox();
const settings = { basePath: sandbox.url, accessToken: sandbox.apiKey, maxRetries: 0 };
const count = async (client) => {
  const result = await client.networkAPI.listProviders().execute();
  return result._tag === 'Right' ? result.right.data.providers.length : result.left.message;
};
const answers = {
  distinctCopies: esm.Configuration !== cjs.Configuration,
  cjsConfigurationEsmClient: await count(new esm.APIClient(new cjs.Configuration(settings))),
  esmConfigurationCjsClient: await count(new cjs.APIClient(new esm.Configuration(settings))),
};
await sandbox.stop();
console.log(JSON.stringify(answers));
`,
  // Node's fetch() installs its bundled undici's Agent as the global dispatcher (undici 6 on
  // Node 22, which speaks only the old handler API): before the SDK's first request, and between
  // two requests.
  'after-fetch.mjs': `import { createServer } from 'node:http';
import { APIClient, Configuration } from 'trinsic-connect-sdk';
import { startSandbox } from 'trinsic-connect-sdk/sandbox';
${ASK_SANDBOX}
const server = createServer((request, response) => response.end('fetched')).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const fetched = () => fetch('http://127.0.0.1:' + server.address().port + '/').then((r) => r.text());
const sandbox = await startSandbox();
const first = await fetched();
const before = await ask(sandbox);
const second = await fetched();
const after = await ask(sandbox);
await sandbox.stop();
server.close();
console.log(JSON.stringify({ fetched: [first, second], providers: [before, after] }));
`,
  // Another library set the global dispatcher with its own undici: 6 (the old handler API, under
  // the old global symbol only) or 7 (the new API, under both symbols, so the SDK follows it).
  'other-majors.mjs': `import * as undici6 from 'undici-v6';
import * as undici7 from 'undici-v7';
import { APIClient, Configuration } from 'trinsic-connect-sdk';
import { startSandbox } from 'trinsic-connect-sdk/sandbox';
${ASK_SANDBOX}
const sandbox = await startSandbox();
undici6.setGlobalDispatcher(new undici6.Agent());
const withUndici6 = await ask(sandbox);
let seenBy7 = 0;
undici7.setGlobalDispatcher(new undici7.Agent().compose((dispatch) => (options, handler) => {
  seenBy7 += 1;
  return dispatch(options, handler);
}));
const withUndici7 = await ask(sandbox);
await sandbox.stop();
console.log(JSON.stringify({ withUndici6, withUndici7, seenBy7 }));
`,
  // The user's own global dispatcher, of the SDK's undici: a ProxyAgent, through a proxy that
  // forwards both an absolute-form request and a CONNECT tunnel, and counts them.
  'proxy.mjs': `import { createServer, request as forward } from 'node:http';
import { connect } from 'node:net';
import { ProxyAgent, setGlobalDispatcher } from 'undici';
import { APIClient, Configuration } from 'trinsic-connect-sdk';
import { startSandbox } from 'trinsic-connect-sdk/sandbox';
${ASK_SANDBOX}
const proxied = [];
const proxy = createServer((request, response) => {
  proxied.push(new URL(request.url).host);
  const upstream = forward(request.url, { method: request.method, headers: request.headers }, (answer) => {
    response.writeHead(answer.statusCode, answer.headers);
    answer.pipe(response);
  });
  request.pipe(upstream);
}).on('connect', (request, socket, head) => {
  proxied.push(request.url);
  const [host, port] = request.url.split(':');
  const upstream = connect(Number(port), host, () => {
    socket.write('HTTP/1.1 200 Connection Established\\r\\n\\r\\n');
    upstream.write(head);
    upstream.pipe(socket).pipe(upstream);
  });
  upstream.on('error', () => socket.destroy());
  socket.on('error', () => upstream.destroy());
}).listen(0, '127.0.0.1');
await new Promise((resolve) => proxy.once('listening', resolve));
const sandbox = await startSandbox();
const agent = new ProxyAgent('http://127.0.0.1:' + proxy.address().port);
setGlobalDispatcher(agent);
const providers = await ask(sandbox, { timeoutMs: 5000 });
await agent.close();
await sandbox.stop();
proxy.close();
console.log(JSON.stringify({ providers, proxied: proxied.length, to: proxied[0] === new URL(sandbox.url).host }));
`,
  // A MockAgent of each supported undici major passed as the dispatcher.
  'mock-agents.mjs': `import * as undici6 from 'undici-v6';
import * as undici7 from 'undici-v7';
import * as undici8 from 'undici';
import { APIClient, Configuration } from 'trinsic-connect-sdk';
const answers = {};
for (const [major, undici] of [['6', undici6], ['7', undici7], ['8', undici8]]) {
  const agent = new undici.MockAgent();
  agent.disableNetConnect();
  let authorization;
  agent.get('https://connect.example').intercept({ path: '/api/v1/network/providers', method: 'GET' })
    .reply(200, (options) => {
      authorization = new Headers(options.headers).get('authorization');
      return { providers: [{ id: 'p' + major, name: 'Provider ' + major, logoUrl: 'https://logo.example/' + major }] };
    }, { headers: { 'content-type': 'application/json' } });
  const client = new APIClient(new Configuration({ basePath: 'https://connect.example', accessToken: 'mock-agent-key', dispatcher: agent }));
  const result = await client.networkAPI.listProviders().execute();
  answers[major] = result._tag === 'Right' ? [result.right.data.providers[0].id, authorization] : result.left.message;
  await agent.close();
}
console.log(JSON.stringify(answers));
`,
};

/** Starts the installed `trinsic-connect-sandbox` command, reads its banner, then stops it. */
const serveAndStop = (node: NodeVersion): Promise<{ banner: string; code: number | null }> =>
  new Promise((resolve, reject) => {
    const bin = join(consumer.dir, 'node_modules', '.bin', 'trinsic-connect-sandbox');
    const child = spawn(node.path, [bin, '--port', '0'], {
      cwd: consumer.dir,
      env: cleanEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let banner = '';
    let stopped = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no banner within 20 s: ${banner}`));
    }, 20_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      banner += chunk;
      // Stopped the moment it names its URL, once: it must already stop cleanly then (a second
      // signal while it stops ends it at once, as a second Ctrl-C should).
      if (!stopped && /http:\/\/127\.0\.0\.1:\d+/.test(banner)) {
        stopped = true;
        child.kill('SIGTERM');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ banner, code });
    });
  });

describe.each(nodeVersions())('on $label', (node) => {
  test('the trinsic-connect-sandbox command serves on loopback and stops on SIGTERM', async () => {
    const { banner, code } = await serveAndStop(node);
    expect(banner).toMatch(/http:\/\/127\.0\.0\.1:\d+/);
    expect(code).toBe(0);
  }, 30_000);

  test('import: both entries load, carry a request, and require() gives the same copy', () => {
    expect(lastJson(consumer.node(node, 'esm.mjs'))).toEqual({
      providers: 3,
      version: '0.1.0',
      oneCopy: true,
    });
  });

  test('require(): both entries load, carry a request, and import gives the same copy', () => {
    expect(lastJson(consumer.node(node, 'cjs.cjs'))).toEqual({
      providers: 3,
      version: '0.1.0',
      oneCopy: true,
    });
  });

  test("the two builds loaded side by side accept each other's Configuration", () => {
    expect(lastJson(consumer.node(node, 'two-copies.mjs'))).toEqual({
      distinctCopies: true,
      cjsConfigurationEsmClient: 3,
      esmConfigurationCjsClient: 3,
    });
  });

  test("the default transport works after Node's global fetch(), before and between requests", () => {
    expect(lastJson(consumer.node(node, 'after-fetch.mjs'))).toEqual({
      fetched: ['fetched', 'fetched'],
      providers: [3, 3],
    });
  });

  test('the default transport works after undici 6 or 7 set the global dispatcher; 7 is followed', () => {
    expect(lastJson(consumer.node(node, 'other-majors.mjs'))).toEqual({
      withUndici6: 3,
      withUndici7: 3,
      seenBy7: 1,
    });
  });

  test("the user's setGlobalDispatcher(new ProxyAgent(…)) is followed", () => {
    expect(lastJson(consumer.node(node, 'proxy.mjs'))).toEqual({
      providers: 3,
      proxied: 1,
      to: true,
    });
  });

  test('a MockAgent of undici 6, 7 or 8 as the dispatcher answers the SDK', () => {
    expect(lastJson(consumer.node(node, 'mock-agents.mjs'))).toEqual({
      '6': ['p6', 'Bearer mock-agent-key'],
      '7': ['p7', 'Bearer mock-agent-key'],
      '8': ['p8', 'Bearer mock-agent-key'],
    });
  });
});
