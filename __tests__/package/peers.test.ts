import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installConsumer, lastJson, nodeVersions, type Consumer } from './consumer.js';
import { REPO_ROOT } from './tarball.js';

// fp-ts and io-ts are peer dependencies: the project's own copies are the SDK's, so the SDK's
// codecs compose with the project's io-ts. The other package suites install the newest versions
// of the peer ranges; this one installs the oldest that the ranges admit, and checks that the
// project type-checks and runs with them, with one copy of each.

const peerRanges = (): Record<string, string> => {
  const manifest: unknown = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  const peers: unknown =
    typeof manifest === 'object' && manifest !== null
      ? Reflect.get(manifest, 'peerDependencies')
      : undefined;
  return typeof peers === 'object' && peers !== null
    ? Object.fromEntries(Object.entries(peers).map(([name, range]) => [name, String(range)]))
    : {};
};

/** `^2.16.0` → `2.16.0`: the oldest version a caret range admits. */
const oldest = (range: string): string => {
  const match = /^\^(\d+\.\d+\.\d+)$/.exec(range);
  if (!match?.[1]) throw new Error(`a peer range should read ^X.Y.Z, not ${range}`);
  return match[1];
};

const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
let consumer: Consumer;
let versions: Record<string, string>;
let compiled: string;

beforeAll(async () => {
  versions = Object.fromEntries(
    Object.entries(peerRanges()).map(([name, range]) => [name, oldest(range)]),
  );
  consumer = await installConsumer({
    type: 'module',
    install: Object.entries(versions).map(([name, version]) => `${name}@${version}`),
    link: ['@types'],
  });
  consumer.write(
    'program.ts',
    `import { APIClient, Session, SessionState } from 'trinsic-connect-sdk';
import { startSandbox } from 'trinsic-connect-sdk/sandbox';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

const Envelope = t.type({ session: Session });

const sandbox = await startSandbox();
const client = new APIClient({ basePath: sandbox.url, accessToken: sandbox.apiKey });
const created = await client.sessionsAPI.createSession().execute();
await sandbox.stop();
const envelope = E.isRight(created) ? Envelope.decode({ session: created.right.data.session }) : created;
console.log(JSON.stringify(E.isRight(envelope) && envelope.right.session.state === SessionState.IdvCreated));
`,
  );
  consumer.write(
    'tsconfig.json',
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        target: 'es2022',
        strict: true,
        exactOptionalPropertyTypes: true,
        types: ['node'],
        outDir: 'out',
      },
      files: ['program.ts'],
    }),
  );
  // Type-checks and emits; the tests below read the outcome.
  compiled = consumer.run(process.execPath, [tsc, '-p', '.']);
}, 180_000);

afterAll(() => {
  consumer.remove();
});

test('the oldest fp-ts and io-ts the peer ranges admit are installed once, as the peers', () => {
  expect(Object.keys(versions).sort()).toEqual(['fp-ts', 'io-ts']);
  for (const [name, version] of Object.entries(versions)) {
    const installed: unknown = JSON.parse(
      readFileSync(join(consumer.dir, 'node_modules', name, 'package.json'), 'utf8'),
    );
    expect(installed).toMatchObject({ version });
    expect(
      existsSync(join(consumer.dir, 'node_modules', 'trinsic-connect-sdk', 'node_modules', name)),
    ).toBe(false);
  }
});

test('with them, a project that composes the SDK codecs with its own io-ts type-checks', () => {
  expect(compiled).toBe('');
});

test.each(nodeVersions())(
  'with them, the SDK and the sandbox run on $label',
  (node) => {
    expect(lastJson(consumer.node(node, 'out/program.js'))).toBe(true);
  },
  60_000,
);
