import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The package as another project sees it: built, packed as npm would publish it, then imported by
// name (ESM and require) and type-checked against the names of the public contract.

const root = join(import.meta.dirname, '..', '..');
const consumer = mkdtempSync(join(tmpdir(), 'connect-consumer-'));
const modules = join(consumer, 'node_modules');

const run = (file: string, args: readonly string[], cwd = root): string => {
  try {
    return execFileSync(file, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    // The command's own output says what went wrong (a compiler's diagnostics go to stdout).
    const output = (key: string): string =>
      typeof error === 'object' && error !== null && key in error
        ? String(Reflect.get(error, key))
        : '';
    throw new Error(`${file} ${args.join(' ')} failed:\n${output('stdout')}${output('stderr')}`);
  }
};

beforeAll(() => {
  // The package script itself, which starts from an empty dist/ so no stale module is packed.
  run('npm', ['run', 'build', '--silent']);
  run('npm', ['pack', '--silent', '--pack-destination', consumer]);
  const tarball = readdirSync(consumer).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error('npm pack produced no tarball');
  mkdirSync(join(modules, 'trinsic-connect-sdk'), { recursive: true });
  run('tar', [
    '-xzf',
    join(consumer, tarball),
    '-C',
    join(modules, 'trinsic-connect-sdk'),
    '--strip-components=1',
  ]);
  // The package's dependencies, and TypeScript for the type check, come from this repository.
  for (const name of ['undici', 'fp-ts', 'io-ts', '@types']) {
    symlinkSync(join(root, 'node_modules', name), join(modules, name));
  }
}, 120_000);

afterAll(() => {
  rmSync(consumer, { recursive: true, force: true });
});

test('the tarball holds the built entry and its types, and no sources or tests', () => {
  const files = run('find', ['.', '-type', 'f'], join(modules, 'trinsic-connect-sdk')).split('\n');
  expect(files).toEqual(
    expect.arrayContaining(['./dist/index.js', './dist/index.d.ts', './package.json']),
  );
  expect(
    files.filter((f) => /__tests__|\/sandbox\/|\/bench\/|\.ts$/.test(f) && !f.endsWith('.d.ts')),
  ).toEqual([]);
});

test('import by name works from ESM and from require()', () => {
  writeFileSync(
    join(consumer, 'esm.mjs'),
    `import { APIClient, Configuration, SessionState, SDK_VERSION } from 'trinsic-connect-sdk';
const client = new APIClient(new Configuration({ accessToken: 'k' }));
const builder = client.sessionsAPI.listSessions().orderBy('Created').orderDirection('Ascending').pageSize(50).page(1);
console.log(typeof builder.execute, SessionState.IdvSuccess, SDK_VERSION, client.configuration.basePath);`,
  );
  expect(run(process.execPath, ['esm.mjs'], consumer).trim()).toBe(
    'function IdvSuccess 0.1.0 https://connect.trinsic.id',
  );
  writeFileSync(
    join(consumer, 'cjs.cjs'),
    `const { APIClient, Configuration } = require('trinsic-connect-sdk');
console.log(typeof new APIClient(new Configuration()).networkAPI.listProviders);`,
  );
  expect(run(process.execPath, ['cjs.cjs'], consumer).trim()).toBe('function');
});

test('a TypeScript consumer type-checks against the public names, and wrong use does not', () => {
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        module: 'nodenext',
        moduleResolution: 'nodenext',
        noEmit: true,
        types: [],
      },
      files: ['consumer.ts'],
    }),
  );
  writeFileSync(
    join(consumer, 'consumer.ts'),
    `import { APIClient, Configuration, SessionState, type ConnectError, type ApiResponse, type ListSessionsResponse, type Session } from 'trinsic-connect-sdk';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
export const main = async (): Promise<number> => {
  const apiClient = new APIClient(new Configuration({ basePath: 'https://connect.trinsic.id', accessToken: async () => 'k' }));
  const result: E.Either<ConnectError, ApiResponse<ListSessionsResponse>> = await apiClient.sessionsAPI
    .listSessions().orderBy('Created').orderDirection('Ascending').pageSize(50).page(1).execute();
  const state: TE.TaskEither<ConnectError, Session['state']> = pipe(apiClient.sessionsAPI.getSession('id').execute, TE.map(({ data }) => data.session.state));
  void state;
  const final: Session['state'] = SessionState.IdvSuccess;
  if (E.isLeft(result)) return result.left._tag.length + final.length;
  return result.right.data.total + result.right.response.status;
};
// @ts-expect-error: not a SessionOrdering
export const wrong = () => new APIClient(new Configuration()).sessionsAPI.listSessions().orderBy('Name');
`,
  );
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  expect(run(process.execPath, [tsc, '-p', 'tsconfig.json'], consumer)).toBe('');
});
