import { join } from 'node:path';
import { installConsumer, type Consumer } from './consumer.js';
import { REPO_ROOT } from './tarball.js';

// The installed package's declarations, as TypeScript projects of each common kind read them:
// NodeNext in an ES module project and in a CommonJS one, Bundler, and CommonJS (node10
// resolution), all strict with exactOptionalPropertyTypes, on TypeScript 6.0 and 7.0 (node10 on
// 5.9 and 6.0: 6.0 accepts it with "ignoreDeprecations": "6.0", 7.0 removed it). The same program
// must type-check in each, and its marked mistakes must not; each kind must read the declarations
// of its own build. And a CommonJS project with verbatimModuleSyntax (TypeScript 7's `tsc --init`
// turns it on): `import … from` is TS1295 there, `import x = require(…)` is how it uses the SDK.

let consumer: Consumer;
/** The TypeScript a case runs: the aliased devDependencies of this repository. */
const TSC = {
  '5.9': join(REPO_ROOT, 'node_modules', 'typescript-v5', 'bin', 'tsc'),
  '6.0': join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
  '7.0': join(REPO_ROOT, 'node_modules', 'typescript-v7', 'bin', 'tsc'),
} as const;

beforeAll(async () => {
  consumer = await installConsumer({
    type: 'module',
    link: ['@types', 'undici-v6', 'undici-v7'],
  });
}, 180_000);

afterAll(() => {
  consumer.remove();
});

const PROGRAM = `import {
  APIClient,
  Configuration,
  Session,
  SessionState,
  type ApiResponse,
  type ConfigurationParameters,
  type ConnectError,
  type ListSessionsResponse,
} from 'trinsic-connect-sdk';
import { startSandbox, type Sandbox } from 'trinsic-connect-sdk/sandbox';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as t from 'io-ts';
import { Agent } from 'undici';
import { MockAgent as MockAgent6 } from 'undici-v6';
import { MockAgent as MockAgent7 } from 'undici-v7';

// Settings straight from the environment, where each may be unset.
const settings: ConfigurationParameters = {
  basePath: process.env.TRINSIC_BASE_URL,
  accessToken: process.env.TRINSIC_API_KEY,
  timeoutMs: undefined,
};
export const client = new APIClient(new Configuration(settings));
export const fromSettings = new APIClient({ accessToken: process.env.TRINSIC_API_KEY });

// A Dispatcher of each supported undici major.
export const configurations = [new Agent(), new MockAgent6(), new MockAgent7()].map(
  (dispatcher) => new Configuration({ dispatcher }),
);

// The SDK's codecs compose with the project's own io-ts: one copy of it (a peer dependency).
export const Envelope = t.type({ session: Session });
export type Envelope = t.TypeOf<typeof Envelope>;

export const main = async (): Promise<number> => {
  const sandbox: Sandbox = await startSandbox();
  const local = new APIClient({ basePath: sandbox.url, accessToken: sandbox.apiKey });
  const result: E.Either<ConnectError, ApiResponse<ListSessionsResponse>> = await local.sessionsAPI
    .listSessions()
    .orderBy('Created')
    .orderDirection('Ascending')
    .pageSize(50)
    .page(1)
    .execute();
  const state: TE.TaskEither<ConnectError, Session['state']> = pipe(
    local.sessionsAPI.getSession('id').execute,
    TE.map(({ data }) => data.session.state),
  );
  void state;
  await sandbox.stop();
  const final: Session['state'] = SessionState.IdvSuccess;
  if (E.isLeft(result)) return result.left._tag.length + final.length;
  return result.right.data.total + result.right.response.status;
};

// @ts-expect-error: not a SessionOrdering
export const wrongOrdering = () => client.sessionsAPI.listSessions().orderBy('Name');
// @ts-expect-error: not a dispatcher
export const notADispatcher = new Configuration({ dispatcher: {} });
// @ts-expect-error: a setting that does not exist
export const unknownSetting = new Configuration({ apiKey: 'sk_live_0123456789' });
// @ts-expect-error: APIClient takes a Configuration or its settings
export const notAConfiguration = new APIClient('https://connect.trinsic.id');
`;

const KINDS = [
  {
    kind: 'NodeNext, ES module project',
    type: 'module',
    options: { module: 'nodenext', moduleResolution: 'nodenext' },
    declarations: 'dist/index.d.ts',
  },
  {
    kind: 'NodeNext, CommonJS project',
    type: 'commonjs',
    options: { module: 'nodenext', moduleResolution: 'nodenext' },
    declarations: 'dist/cjs/index.d.ts',
  },
  {
    kind: 'Bundler',
    type: 'module',
    options: { module: 'preserve', moduleResolution: 'bundler' },
    declarations: 'dist/index.d.ts',
  },
  {
    kind: 'CommonJS (node10 resolution)',
    type: 'commonjs',
    options: { module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true },
    declarations: 'dist/cjs/index.d.ts',
  },
] as const;

const CASES = KINDS.flatMap((kind) =>
  (kind.options.moduleResolution === 'node10'
    ? (['5.9', '6.0'] as const)
    : (['6.0', '7.0'] as const)
  ).map((typescript) => ({
    ...kind,
    typescript,
    options: {
      ...kind.options,
      ...(kind.options.moduleResolution === 'node10' && typescript === '6.0'
        ? { ignoreDeprecations: '6.0' }
        : {}),
    },
  })),
);

test.each(CASES)(
  '$kind, TypeScript $typescript: the program type-checks against the build it should, and its mistakes do not',
  ({ kind, type, options, declarations, typescript }) => {
    const folder = `${kind}-${typescript}`.replace(/\W+/g, '-').toLowerCase();
    consumer.write(`${folder}/package.json`, JSON.stringify({ type }));
    consumer.write(`${folder}/program.ts`, PROGRAM);
    consumer.write(
      `${folder}/tsconfig.json`,
      JSON.stringify({
        compilerOptions: {
          ...options,
          target: 'es2022',
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          types: ['node'],
        },
        files: ['program.ts'],
      }),
    );
    const listed = consumer.run(
      process.execPath,
      [TSC[typescript], '-p', folder, '--listFiles'],
      consumer.dir,
    );
    const sdkDeclarations = listed
      .split('\n')
      .map(
        (file) =>
          /\/trinsic-connect-sdk\/(dist\/(cjs\/)?(sandbox\/)?index\.d\.ts)$/.exec(file)?.[1],
      )
      .filter((file) => file !== undefined);
    const sandboxDeclarations = declarations.replace('index.d.ts', 'sandbox/index.d.ts');
    expect(sdkDeclarations.sort()).toEqual([declarations, sandboxDeclarations].sort());
  },
  60_000,
);

/** A CommonJS project's tsconfig as TypeScript 7's `tsc --init` writes it, in `folder`. */
const verbatimProject = (folder: string, program: string): void => {
  consumer.write(`${folder}/package.json`, JSON.stringify({ type: 'commonjs' }));
  consumer.write(`${folder}/program.ts`, program);
  consumer.write(
    `${folder}/tsconfig.json`,
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        target: 'esnext',
        types: ['node'],
        strict: true,
        verbatimModuleSyntax: true,
        isolatedModules: true,
        noUncheckedSideEffectImports: true,
        moduleDetection: 'force',
        skipLibCheck: true,
        noEmit: true,
      },
      files: ['program.ts'],
    }),
  );
};

test('CommonJS with verbatimModuleSyntax, TypeScript 7.0: `import … from` is TS1295, `import = require` works', () => {
  verbatimProject('verbatim-import', PROGRAM);
  const failed = (() => {
    try {
      consumer.run(process.execPath, [TSC['7.0'], '-p', 'verbatim-import'], consumer.dir);
      return '';
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  })();
  expect(failed).toMatch(/program\.ts\(\d+,\d+\): error TS1295: ECMAScript imports and exports/);

  verbatimProject(
    'verbatim-require',
    `import connect = require('trinsic-connect-sdk');
import sandbox = require('trinsic-connect-sdk/sandbox');
import type { Session } from 'trinsic-connect-sdk';

// No \`export const\` either (TS1287): \`export = …\` is CommonJS's way.
const client = new connect.APIClient({ accessToken: process.env.TRINSIC_API_KEY });
const state = (session: Session): Session['state'] => session.state;
const main = async (): Promise<number> => {
  const local = await sandbox.startSandbox();
  const listed = await new connect.APIClient({ basePath: local.url, accessToken: local.apiKey })
    .sessionsAPI.listSessions()
    .execute();
  await local.stop();
  return listed._tag === 'Right' ? listed.right.data.total : 0;
};
// @ts-expect-error: not a SessionOrdering
const wrongOrdering = () => client.sessionsAPI.listSessions().orderBy('Name');
export = { client, state, main, wrongOrdering };
`,
  );
  expect(consumer.run(process.execPath, [TSC['7.0'], '-p', 'verbatim-require'], consumer.dir)).toBe(
    '',
  );
}, 60_000);
