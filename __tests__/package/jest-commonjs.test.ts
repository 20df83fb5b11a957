import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installConsumer, nodeVersions, type Consumer } from './consumer.js';
import { REPO_ROOT } from './tarball.js';

// A project whose tests run on Jest in its default CommonJS mode with ts-jest's preset (no
// --experimental-vm-modules, no ESM settings): Jest's own module loader cannot load ES modules
// from require(), so it must get the CommonJS build, of both entries.

let consumer: Consumer;
const jest = join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');

beforeAll(async () => {
  consumer = await installConsumer({ link: ['@types', 'jest', 'ts-jest', 'typescript'] });
  consumer.write(
    'jest.config.js',
    "module.exports = { preset: 'ts-jest', testEnvironment: 'node' };\n",
  );
  consumer.write(
    'tsconfig.json',
    JSON.stringify({
      compilerOptions: {
        strict: true,
        module: 'commonjs',
        target: 'es2022',
        esModuleInterop: true,
        types: ['jest', 'node'],
      },
    }),
  );
  consumer.write(
    'sdk.test.ts',
    `import { APIClient, Configuration, SessionState } from 'trinsic-connect-sdk';
import { startSandbox, type Sandbox } from 'trinsic-connect-sdk/sandbox';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.stop());

test('the SDK creates and reads a session in the sandbox', async () => {
  expect(require.resolve('trinsic-connect-sdk')).toMatch(/dist\\/cjs\\/index\\.js$/);
  expect(require.resolve('trinsic-connect-sdk/sandbox')).toMatch(/dist\\/cjs\\/sandbox\\/index\\.js$/);
  const client = new APIClient(new Configuration({ basePath: sandbox.url, accessToken: sandbox.apiKey }));
  const created = await client.sessionsAPI.createSession().execute();
  if (created._tag === 'Left') throw new Error(created.left.message);
  const read = await client.sessionsAPI.getSession(created.right.data.session.id).execute();
  expect(read._tag === 'Right' && read.right.data.session.state).toBe(SessionState.IdvCreated);
});
`,
  );
}, 180_000);

afterAll(() => {
  consumer.remove();
});

test.each(nodeVersions())(
  'on $label, Jest in CommonJS mode with ts-jest runs a test that uses both entries',
  (node) => {
    // A failing test makes the command fail, and the error carries Jest's report.
    consumer.run(node.path, [jest, '--ci', '--json', '--outputFile=report.json']);
    const summary: unknown = JSON.parse(readFileSync(join(consumer.dir, 'report.json'), 'utf8'));
    expect(summary).toMatchObject({ numPassedTests: 1, numFailedTests: 0, success: true });
  },
  120_000,
);
