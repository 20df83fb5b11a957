import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// ARCHITECTURE.md's "Adding an operation", done for real: a tenth operation is added to a copy of
// the tree by exactly the steps listed there, and the tree's own checks are run on it. Each check
// is first shown to refuse the operation while a step is missing: a table entry without its test
// case does not compile, an undocumented Params type fails the docs check, and with every step
// done the unit suites run the new operation's case like any other.

const ROOT = process.cwd();
const LEFT_OUT = new Set(['node_modules', '.git', 'dist', 'coverage', 'docs']);

let copy = '';

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'tenth-operation-'));
  cpSync(ROOT, copy, {
    recursive: true,
    filter: (source) => !LEFT_OUT.has(source.slice(ROOT.length + 1).split('/')[0] ?? ''),
  });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
});

afterAll(() => {
  if (copy !== '') rmSync(copy, { recursive: true, force: true });
});

const run = (command: string, ...args: string[]) => {
  const result = spawnSync(join(copy, 'node_modules', '.bin', command), args, {
    cwd: copy,
    encoding: 'utf8',
    env: {
      ...process.env,
      NODE_OPTIONS: '--experimental-vm-modules --disable-warning=ExperimentalWarning',
    },
  });
  return {
    status: result.status,
    stdout: result.stdout,
    output: `${result.stdout}${result.stderr}`,
  };
};

/** Writes `text` to a file of the copy. */
const write = (path: string, text: string) => {
  writeFileSync(join(copy, path), text);
};

/** Replaces `before` (which must occur once) in a file of the copy. */
const edit = (path: string, before: string, after: string) => {
  const text = readFileSync(join(copy, path), 'utf8');
  expect(text.split(before)).toHaveLength(2);
  write(path, text.replace(before, after));
};

// Step 1: the model.
const MODEL = `import * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';

/** One identity provider, as getProvider answers it. */
export const ProviderDetails = model('ProviderDetails', { id: t.string, name: t.string }, {});
export type ProviderDetails = t.TypeOf<typeof ProviderDetails>;
`;

// Step 2: the description, its Params and its builder type (no setter of its own).
const DESCRIPTION = (
  paramsDoc: string,
) => `import type { RequestBuilder } from '../../lib/pipeline/builder.js';
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
`;

// A customer of the copy: the new types come from the package's entry point with no edit to it.
const CONSUMER = `import { APIClient, type ApiGetProviderRequest, type GetProviderParams, type ProviderDetails } from '../index.js';

const request: ApiGetProviderRequest = new APIClient({ accessToken: 'sk_test_tenth' }).networkAPI.getProvider('p1');
const params: GetProviderParams = { providerId: 'p1' };
export const provider = async (): Promise<ProviderDetails | string> => {
  const result = await request.execute();
  return result._tag === 'Right' ? result.right.data : params.providerId;
};
`;

test('a tenth operation is type-checked, documented and covered, touching only the listed files', () => {
  write('models/ProviderDetails.ts', MODEL);
  edit(
    'models/index.ts',
    'export { ValidationResult }',
    "export { ProviderDetails } from './ProviderDetails.js';\nexport { ValidationResult }",
  );
  write('requests/network/getProvider.ts', DESCRIPTION(''));
  edit(
    'requests/operations.ts',
    "import { identityLookup } from './network/identityLookup.js';",
    "import { getProvider } from './network/getProvider.js';\nimport { identityLookup } from './network/identityLookup.js';",
  );
  edit('requests/operations.ts', '  identityLookup,\n}', '  identityLookup,\n  getProvider,\n}');
  edit(
    'requests/operations.ts',
    'export type { ApiIdentityLookupRequest',
    "export type { ApiGetProviderRequest, GetProviderParams } from './network/getProvider.js';\nexport type { ApiIdentityLookupRequest",
  );
  edit(
    'requests/NetworkAPI.ts',
    'identityLookup, { phoneNumber }));\n  }\n',
    `identityLookup, { phoneNumber }));
  }

  /** One identity provider: \`GET /api/v1/network/providers/{providerId}\`. */
  getProvider(providerId: string): ApiGetProviderRequest {
    return new RequestBuilder(startRequest(this.configuration, getProvider, { providerId }));
  }
`,
  );
  edit(
    'requests/NetworkAPI.ts',
    'import { identityLookup',
    "import { getProvider, type ApiGetProviderRequest } from './network/getProvider.js';\nimport { identityLookup",
  );
  write('__tests__/tenth-consumer.ts', CONSUMER);

  // Without its test case, the table's new entry does not compile: the cases are keyed by it.
  const uncovered = run('tsc', '-p', 'tsconfig.json', '--noEmit');
  expect(uncovered.status).not.toBe(0);
  expect(uncovered.output).toMatch(
    /__tests__\/support\/operations\.ts.*Property 'getProvider' is missing/s,
  );

  // Its case: how to build it, what must go on the wire, what a 200 decodes to.
  edit(
    '__tests__/support/operations.ts',
    '  identityLookup,\n} satisfies',
    `  identityLookup,
  getProvider: {
    name: 'NetworkAPI.GetProvider',
    method: 'GET',
    path: '/api/v1/network/providers/p%2F1',
    query: {},
    body: undefined,
    idempotent: true,
    decodesJson: true,
    secrets: [],
    build: (client) => client.networkAPI.getProvider('p/1'),
    success: json({ id: 'p/1', name: 'Provider One' }),
  },
} satisfies`,
  );
  const typed = run('tsc', '-p', 'tsconfig.json', '--noEmit');
  expect(typed.output).toBe('');
  expect(typed.status).toBe(0);

  // Documented: the docs check demands a comment on the new public Params type, and passes with one.
  const undocumented = run('typedoc', '--emit', 'none');
  expect(undocumented.status).not.toBe(0);
  expect(undocumented.output).toContain('GetProviderParams');
  write('requests/network/getProvider.ts', DESCRIPTION('/** The parameters of GetProvider. */\n'));
  const documented = run('typedoc', '--emit', 'none');
  expect(documented.output).not.toContain('warning');
  expect(documented.status).toBe(0);

  // Covered: the unit suites that iterate over the operations run its case, and it passes.
  const suites = run(
    'jest',
    '--ci',
    '--json',
    '-t',
    'NetworkAPI.GetProvider',
    '__tests__/unit/operations.test.ts',
    '__tests__/unit/secrets.test.ts',
    '__tests__/unit/transport-errors.test.ts',
  );
  const report: unknown = JSON.parse(suites.stdout);
  expect(report).toMatchObject({ success: true, numFailedTests: 0 });
  const passed =
    typeof report === 'object' && report !== null && 'numPassedTests' in report
      ? report.numPassedTests
      : 0;
  expect(passed).toBeGreaterThanOrEqual(10);
}, 300_000);
