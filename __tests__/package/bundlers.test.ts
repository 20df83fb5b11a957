import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installConsumer, lastJson, nodeVersions, type Consumer } from './consumer.js';
import { REPO_ROOT } from './tarball.js';

// A backend that uses both entries, bundled by esbuild for Node as ES module and as CommonJS, then
// run from a folder with no node_modules at all: the bundle must hold everything it needs. The ES
// module bundle takes the README's banner: undici is CommonJS, and esbuild's ES module output has
// no `require` for undici's own require("node:…") calls unless the banner makes one.

const esbuild = join(REPO_ROOT, 'node_modules', 'esbuild', 'bin', 'esbuild');
const BANNER =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

let consumer: Consumer;
let bundles: string;

beforeAll(async () => {
  consumer = await installConsumer();
  bundles = mkdtempSync(join(tmpdir(), 'connect-bundles-'));
  // No top-level await, so that one source serves both output formats.
  consumer.write(
    'backend.ts',
    `import { APIClient, Configuration } from 'trinsic-connect-sdk';
import { startSandbox } from 'trinsic-connect-sdk/sandbox';

const main = async (): Promise<void> => {
  const sandbox = await startSandbox();
  const client = new APIClient(new Configuration({ basePath: sandbox.url, accessToken: sandbox.apiKey, maxRetries: 0 }));
  const result = await client.networkAPI.listProviders().execute();
  await sandbox.stop();
  console.log(JSON.stringify(result._tag === 'Right' ? result.right.data.providers.length : result.left.message));
};
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`,
  );
  const bundle = (format: string, outfile: string, extra: readonly string[] = []) =>
    consumer.run(esbuild, [
      'backend.ts',
      '--bundle',
      '--platform=node',
      `--format=${format}`,
      `--outfile=${join(bundles, outfile)}`,
      '--log-level=error',
      ...extra,
    ]);
  bundle('cjs', 'backend.cjs');
  bundle('esm', 'backend.mjs', [`--banner:js=${BANNER}`]);
  bundle('esm', 'no-banner.mjs');
}, 180_000);

afterAll(() => {
  consumer.remove();
  rmSync(bundles, { recursive: true, force: true });
});

describe.each(nodeVersions())('on $label', (node) => {
  test('the CommonJS bundle runs with no node_modules beside it', () => {
    expect(lastJson(consumer.node(node, join(bundles, 'backend.cjs'), bundles))).toBe(3);
  });

  test("the ES module bundle, with the README's banner, runs with no node_modules beside it", () => {
    expect(lastJson(consumer.node(node, join(bundles, 'backend.mjs'), bundles))).toBe(3);
  });

  test('without the banner, the ES module bundle cannot load undici (why the README gives it)', () => {
    // Where it fails depends on when undici is first loaded; that it fails, and why, does not.
    const outcome = (() => {
      try {
        return consumer.node(node, join(bundles, 'no-banner.mjs'), bundles);
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    })();
    expect(outcome).toMatch(/Dynamic require of \\?"node:\w+\\?" is not supported/);
  });
});
