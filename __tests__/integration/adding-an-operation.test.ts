import { spawn } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

// ARCHITECTURE.md's "Adding an operation", done for real: a tenth operation (NetworkAPI.GetProvider)
// is added to copies of the tree by exactly the steps listed there, and the tree's own checks run
// on them. Each check is first shown refusing while a step is missing: the docs check an
// undocumented Params type, the table's suite an entry without its sandbox route and example, or
// with a route at another path than the description's. With every step done, the tree compiles,
// the docs check passes, the table's suite runs the new operation's example against its route,
// and the files touched are exactly the steps' files. The three states are three copies, checked
// side by side, so that the proof costs about one check's time.

const ROOT = process.cwd();
const LEFT_OUT = new Set(['node_modules', '.git', 'dist', 'coverage', 'docs']);
const copies: string[] = [];

/** A copy of the tree (without what a clean clone lacks), with node_modules linked in. */
const copyTree = (): string => {
  const copy = mkdtempSync(join(tmpdir(), 'tenth-operation-'));
  copies.push(copy);
  cpSync(ROOT, copy, {
    recursive: true,
    filter: (source) => !LEFT_OUT.has(relative(ROOT, source).split('/')[0] ?? ''),
  });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
};

afterAll(() => {
  for (const copy of copies) rmSync(copy, { recursive: true, force: true });
});

interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly output: string;
}

/** Runs a tool of node_modules/.bin in `copy`, without blocking the others. */
const run = (copy: string, command: string, ...args: string[]): Promise<Ran> =>
  new Promise((resolve, reject) => {
    const child = spawn(join(copy, 'node_modules', '.bin', command), args, {
      cwd: copy,
      env: {
        ...process.env,
        NODE_OPTIONS: '--experimental-vm-modules --disable-warning=ExperimentalWarning',
      },
    });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      resolve({ status, stdout, output: `${stdout}${stderr}` });
    });
  });

/** Replaces `before` (which must occur once) in a file of `copy`, or writes a new file. */
const edit = (copy: string, path: string, before: string, after: string) => {
  const text = readFileSync(join(copy, path), 'utf8');
  expect(text.split(before)).toHaveLength(2);
  writeFileSync(join(copy, path), text.replace(before, after));
};
const write = (copy: string, path: string, text: string) => {
  writeFileSync(join(copy, path), text);
};

// Step 1: the model.
const model = (copy: string) => {
  write(
    copy,
    'models/ProviderDetails.ts',
    `import * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';

/** One identity provider, as getProvider answers it. */
export const ProviderDetails = model('ProviderDetails', { id: t.string, name: t.string }, {});
export type ProviderDetails = t.TypeOf<typeof ProviderDetails>;
`,
  );
  edit(
    copy,
    'models/index.ts',
    'export { ValidationResult }',
    "export { ProviderDetails } from './ProviderDetails.js';\nexport { ValidationResult }",
  );
};

// Step 2: the description, its Params and its builder type (no setter of its own).
const description = (copy: string, paramsDoc: string) => {
  write(
    copy,
    'requests/network/getProvider.ts',
    `import type { RequestBuilder } from '../../lib/pipeline/builder.js';
import { json } from '../../lib/operation/readers.js';
import { pathSegment } from '../../lib/schema/scalars.js';
import { ProviderDetails } from '../../models/ProviderDetails.js';
import { connectOperation, type HttpErrorModel } from '../connect.js';

${paramsDoc}export interface GetProviderParams {
  readonly providerId: string;
}

export const getProvider = connectOperation<GetProviderParams, ProviderDetails>({
  name: 'NetworkAPI.GetProvider',
  method: 'GET',
  path: '/api/v1/network/providers/{providerId}',
  params: { providerId: { location: { in: 'path' }, codec: pathSegment, required: true } },
  result: json(ProviderDetails),
  idempotent: true,
});

/** GET /api/v1/network/providers/{providerId}: one identity provider. */
export type ApiGetProviderRequest = RequestBuilder<GetProviderParams, ProviderDetails, HttpErrorModel>;
`,
  );
};

// Step 3: its entry in the table, whose doc comment is the API method's.
const tableEntry = (copy: string) => {
  const table = 'requests/operations.ts';
  edit(
    copy,
    table,
    "import { identityLookup } from './network/identityLookup.js';",
    "import { getProvider } from './network/getProvider.js';\nimport { identityLookup } from './network/identityLookup.js';",
  );
  edit(
    copy,
    table,
    '    builder: RequestBuilder,\n  }),\n};',
    `    builder: RequestBuilder,
  }),
  /** One identity provider: \`GET /api/v1/network/providers/{providerId}\`. */
  getProvider: apiMethod({
    group: 'NetworkAPI',
    operation: getProvider,
    args: (providerId: string) => ({ providerId }),
    builder: RequestBuilder,
  }),
};`,
  );
  edit(
    copy,
    table,
    'export type { ApiIdentityLookupRequest',
    "export type { ApiGetProviderRequest, GetProviderParams } from './network/getProvider.js';\nexport type { ApiIdentityLookupRequest",
  );
};

// Step 4: its sandbox route (`path` as the maintainer types it).
const route = (copy: string, path: string) => {
  edit(
    copy,
    'sandbox/api.ts',
    '  ListSessionsResponse,\n',
    '  ListSessionsResponse,\n  ProviderDetails,\n',
  );
  edit(
    copy,
    'sandbox/api.ts',
    'import { bytesReply, emptyReply, jsonReply, validationReply }',
    'import { bytesReply, emptyReply, jsonReply, messageReply, validationReply }',
  );
  edit(
    copy,
    'sandbox/api.ts',
    '\n];\n',
    `
  {
    method: 'GET',
    path: '${path}',
    operation: 'NetworkAPI.GetProvider',
    auth: true,
    json: false,
    handle: ({ params }) => {
      const provider = PROVIDERS.find(({ id }) => id === params.providerId);
      return provider === undefined
        ? messageReply(404, 'No such provider')
        : jsonReply(200, ProviderDetails, { id: provider.id, name: provider.name });
    },
  },
];
`,
  );
};

// Step 5: its example, which uses the new types from the package's entry point with no edit to it.
const example = (copy: string) => {
  write(
    copy,
    'examples/getProvider.ts',
    `// One identity provider: the twin of the Go SDK's NetworkAPI.GetProvider example.
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { APIClient, Configuration, type ApiGetProviderRequest, type ProviderDetails } from 'trinsic-connect-sdk';
import { connection, input, printError, printResponse, run } from './env.js';

const OPERATION = 'NetworkAPI.GetProvider';
const providerId = input('PROVIDER_ID', 'providerId_example');

run(async () => {
  const apiClient = new APIClient(new Configuration(connection()));
  const request: ApiGetProviderRequest = apiClient.networkAPI.getProvider(providerId);
  const result = await request.execute();

  pipe(
    result,
    E.map(({ data }): ProviderDetails => data),
    E.match(printError(OPERATION), printResponse(OPERATION)),
  );
});
`,
  );
};

/** The table's suite, on the new operation only. */
const tableSuite = (copy: string) =>
  run(
    copy,
    'jest',
    '--ci',
    '--json',
    '-t',
    'NetworkAPI.GetProvider',
    '__tests__/integration/operations-table.test.ts',
  );

/** The list under `key` of a parsed JSON object, or none. */
const listIn = (value: unknown, key: string): unknown[] => {
  const found: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, key) : [];
  return Array.isArray(found) ? found : [];
};

/** Jest's JSON report: the titles of the tests that failed and of those that passed. */
const verdicts = ({ stdout }: Ran) => {
  const tests = listIn(JSON.parse(stdout), 'testResults').flatMap((file) =>
    listIn(file, 'assertionResults'),
  );
  const titled = (status: string) =>
    tests.flatMap((test) =>
      typeof test === 'object' &&
      test !== null &&
      'status' in test &&
      test.status === status &&
      'title' in test &&
      typeof test.title === 'string'
        ? [test.title.replace(/examples\/\w+\.ts/, 'examples/…')]
        : [],
    );
  return { failed: titled('failed'), passed: titled('passed') };
};

/** The files of `copy` that differ from the tree's, or are new in it. */
const touched = (copy: string, dir = ''): string[] =>
  readdirSync(join(copy, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (dir === '' && LEFT_OUT.has(entry.name)) return [];
    if (entry.isDirectory()) return touched(copy, path);
    let original: string | undefined;
    try {
      original = readFileSync(join(ROOT, path), 'utf8');
    } catch {
      original = undefined;
    }
    return original === readFileSync(join(copy, path), 'utf8') ? [] : [path];
  });

const ROUTE_TEST = 'a sandbox route serves it, at the method and path of its description';
const EXAMPLE_TEST = 'its example, examples/…, reaches that route through the SDK';

test('a tenth operation is type-checked, documented and covered, touching only the listed files', async () => {
  // Table entry without its route and example, Params undocumented.
  const unfinished = copyTree();
  model(unfinished);
  description(unfinished, '');
  tableEntry(unfinished);
  // Route at a path other than the description's (a typo), example written.
  const misrouted = copyTree();
  model(misrouted);
  description(misrouted, '/** The parameters of GetProvider. */\n');
  tableEntry(misrouted);
  route(misrouted, '/api/v1/network/provider/{providerId}');
  example(misrouted);
  // Every step done.
  const done = copyTree();
  model(done);
  description(done, '/** The parameters of GetProvider. */\n');
  tableEntry(done);
  route(done, '/api/v1/network/providers/{providerId}');
  example(done);

  const [undocumented, uncovered, wrongPath, typed, documented, covered] = await Promise.all([
    run(unfinished, 'typedoc', '--emit', 'none'),
    tableSuite(unfinished),
    tableSuite(misrouted),
    run(done, 'tsc', '-p', 'tsconfig.json', '--noEmit'),
    run(done, 'typedoc', '--emit', 'none'),
    tableSuite(done),
  ]);

  // Documented: the docs check demands a comment on the new public Params type.
  expect(undocumented.status).not.toBe(0);
  expect(undocumented.output).toContain('GetProviderParams');
  // Covered: without its route and example, both of the table's checks refuse the entry.
  expect(verdicts(uncovered)).toStrictEqual({ failed: [ROUTE_TEST, EXAMPLE_TEST], passed: [] });
  // A route at another path than the description's: refused, and the example cannot reach it.
  expect(verdicts(wrongPath)).toStrictEqual({ failed: [ROUTE_TEST, EXAMPLE_TEST], passed: [] });

  // With every step: the tree compiles (the example uses the new types from the package's
  // entry point), the docs check passes, and the table's suite passes for the new operation.
  expect(typed.output).toBe('');
  expect(typed.status).toBe(0);
  expect(documented.output).not.toContain('warning');
  expect(documented.status).toBe(0);
  expect(verdicts(covered)).toStrictEqual({ failed: [], passed: [ROUTE_TEST, EXAMPLE_TEST] });
  expect(covered.status).toBe(0);

  // And nothing else was touched: the model (and its export), the description with its Params
  // and builder, the table's entry, the sandbox route, the example.
  expect(touched(done).sort()).toStrictEqual([
    'examples/getProvider.ts',
    'models/ProviderDetails.ts',
    'models/index.ts',
    'requests/network/getProvider.ts',
    'requests/operations.ts',
    'sandbox/api.ts',
  ]);
}, 300_000);
