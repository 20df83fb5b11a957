import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRight } from 'fp-ts/lib/Either.js';
import { APIClient, Configuration } from 'trinsic-connect-sdk';
import { startSandbox, type RequestLogEntry, type Sandbox } from 'trinsic-connect-sdk/sandbox';
import { closedPort } from '../support/loopback.js';
import { cleanEnvironment, installConsumer, nodeVersions, type Consumer } from './consumer.js';
import { REPO_ROOT, runAsync } from './tarball.js';

// The examples copied byte for byte into fresh projects that installed the package, one an ES
// module project and one a CommonJS one (npm's default), type-checked there with each TypeScript
// and @types/node a project may have, and run there as their first lines say (`npx tsx
// <example>.ts`), against a sandbox: no edit needed. And the README's quick start, as the README
// says to run it: with no settings (the sandbox), and against an API that is not there.

/** The first block of `language` under the README's `heading` line. */
const readmeBlock = (heading: string, language: 'js' | 'ts'): string => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf(`\n${heading}\n`));
  const block = new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``).exec(section)?.[1];
  if (block === undefined)
    throw new Error(`README.md has no \`\`\`${language} block under ${heading}`);
  return block;
};
const quickStart = (): string => readmeBlock('## Quick start', 'js');

// Every example (and env.ts) is copied and type-checked; listProviders, createSession,
// listAllSessions (pages() and all()) and waitForSession are also run.
const EXAMPLES = readdirSync(join(REPO_ROOT, 'examples')).filter((name) => name.endsWith('.ts'));

/** The TypeScript releases a project may have (aliased devDependencies of this repository). */
const TYPESCRIPTS = [
  { version: '5.9', from: 'typescript-v5' },
  { version: '6.0', from: 'typescript' },
  { version: '7.0', from: 'typescript-v7' },
] as const;
/** The @types/node majors (aliased too), each put in a type root of its own in the project. */
const TYPES_NODE = ['22', '24', '26'] as const;
/**
 * What each project is checked with: in the ES module project every TypeScript with every
 * @types/node; in the CommonJS one every TypeScript with the newest @types/node (which module
 * kind a file is depends on TypeScript, not on @types/node).
 */
const cells = (esModule: boolean) =>
  TYPESCRIPTS.flatMap(({ version, from }) =>
    (esModule ? TYPES_NODE : (['26'] as const)).map((node) => ({ version, from, node })),
  );

const installedVersion = (name: string): unknown =>
  Reflect.get(
    Object(JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8'))),
    'version',
  );

let sandbox: Sandbox;
const projects: Consumer[] = [];
// What a test does when the sandbox has answered a request (it watches an example's progress).
let onSandboxRequest: ((entry: RequestLogEntry) => void) | undefined;

beforeAll(async () => {
  sandbox = await startSandbox({
    onRequest: (entry) => {
      onSandboxRequest?.(entry);
    },
  });
  for (const type of ['module', undefined] as const) {
    const consumer = await installConsumer({
      link: [
        'tsx',
        '@opentelemetry',
        ...TYPES_NODE.map((node) => [`types-node-v${node}`, `.types/${node}/node`] as const),
      ],
      ...(type ? { type } : {}),
    });
    for (const example of EXAMPLES) {
      copyFileSync(join(REPO_ROOT, 'examples', example), join(consumer.dir, example));
    }
    consumer.write(
      'readme-diagnostics.ts',
      readmeBlock('### Observing the client: `diagnostics_channel`', 'ts'),
    );
    // The README says its quick start type-checks too (top-level await: ES modules only).
    const files = [
      ...EXAMPLES,
      'readme-diagnostics.ts',
      ...(type === 'module' ? ['quickstart.ts'] : []),
    ];
    for (const node of TYPES_NODE) {
      consumer.write(
        `tsconfig.node${node}.json`,
        JSON.stringify({
          compilerOptions: {
            module: 'nodenext',
            target: 'es2022',
            strict: true,
            exactOptionalPropertyTypes: true,
            noEmit: true,
            // This major's declarations only: the project has no node_modules/@types of its own.
            typeRoots: [`./node_modules/.types/${node}`],
            types: ['node'],
          },
          files,
        }),
      );
    }
    projects.push(consumer);
  }
  projects[0]?.write('quickstart.mjs', quickStart());
  projects[0]?.write('quickstart.ts', quickStart());
}, 180_000);

afterAll(async () => {
  for (const consumer of projects) consumer.remove();
  await sandbox.stop();
});

// Asynchronously: the sandbox that answers the example runs in this process.
const runExample = (
  consumer: Consumer,
  nodePath: string,
  example: string,
  inputs: Readonly<Record<string, string>> = {},
): Promise<string> => {
  const tsx = join(consumer.dir, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return runAsync(nodePath, [tsx, example], {
    cwd: consumer.dir,
    env: {
      PATH: process.env.PATH,
      TRINSIC_BASE_URL: sandbox.url,
      TRINSIC_API_KEY: sandbox.apiKey,
      ...inputs,
    },
  });
};

/** Creates Sessions in the sandbox (this repository's SDK: only the examples are under test). */
const createSessions = async (count: number): Promise<string[]> => {
  const client = new APIClient(
    new Configuration({ basePath: sandbox.url, accessToken: sandbox.apiKey }),
  );
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await client.sessionsAPI.createSession().createSessionRequest({}).execute();
    if (!isRight(created)) throw new Error(created.left.message);
    ids.push(created.right.data.session.id);
  }
  return ids;
};

/** The "page n: k of total sessions, more: …" lines listAllSessions.ts prints. */
const pagesPrinted = (stdout: string) =>
  [...stdout.matchAll(/^page (\d+): (\d+) of (\d+) sessions, more: (true|false)$/gm)].map(
    ([, page, count, total, more]) => ({
      page: Number(page),
      count: Number(count),
      total: Number(total),
      more: more === 'true',
    }),
  );

test.each(TYPESCRIPTS)('TypeScript $version is what $from installs', ({ version, from }) => {
  expect(installedVersion(from)).toMatch(new RegExp(`^${version.replace('.', '\\.')}\\.`));
});

test.each(TYPES_NODE)('@types/node %s is what its alias installs', (node) => {
  expect(installedVersion(`types-node-v${node}`)).toMatch(new RegExp(`^${node}\\.`));
});

/** Runs `task` on each item, `limit` at a time (each is a compiler process). */
const eachLimited = async <T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> => {
  const results: R[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
};

test.each([
  ['an ES module project', 0],
  ['a CommonJS project', 1],
])(
  'in %s, every copied example and README snippet type-checks unchanged with each TypeScript and @types/node',
  async (_kind, index) => {
    const consumer = projects[index]!;
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(10);
    // Two compilers at a time: one per core of a CI machine; each reports what failed.
    const outcomes = await eachLimited(cells(index === 0), 2, async ({ version, from, node }) => {
      const tsc = join(REPO_ROOT, 'node_modules', from, 'bin', 'tsc');
      const args = [tsc, '-p', `tsconfig.node${node}.json`, '--listFiles'];
      const cell = `TypeScript ${version}, @types/node ${node}`;
      try {
        const listed = await runAsync(process.execPath, args, { cwd: consumer.dir });
        // Checked against this major's declarations, and only those.
        const nodeTypes = listed
          .split('\n')
          .filter((file) => /\/(@types\/node|types-node-v\d+)\/index\.d\.ts$/.test(file));
        return nodeTypes.length === 1 && nodeTypes[0]!.endsWith(`/types-node-v${node}/index.d.ts`)
          ? `${cell}: ok`
          : `${cell}: read ${nodeTypes.join(', ')}`;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return `${cell}: ${message
          .split('\n')
          .filter((line) => / error TS/.test(line))
          .join('\n')}`;
      }
    });
    expect(outcomes).toEqual(
      cells(index === 0).map(
        ({ version, node }) => `TypeScript ${version}, @types/node ${node}: ok`,
      ),
    );
  },
  180_000,
);

describe.each(nodeVersions())('on $label', (node) => {
  test.each([
    ['an ES module project', 0],
    ['a CommonJS project', 1],
  ])(
    'in %s, copied examples run unchanged',
    async (_kind, index) => {
      const consumer = projects[index]!;
      expect(await runExample(consumer, node.path, 'listProviders.ts')).toContain(
        'Response from `NetworkAPI.ListProviders`: {',
      );
      const created = await runExample(consumer, node.path, 'createSession.ts');
      expect(created).toContain('Response from `SessionsAPI.CreateSession`: {');
      expect(created).toContain('"state": "IdvCreated"');
    },
    60_000,
  );

  test.each([
    ['an ES module project', 0],
    ['a CommonJS project', 1],
  ])(
    'in %s, the examples of pages(), all() and waitForSession run unchanged',
    async (_kind, index) => {
      const consumer = projects[index]!;
      // At least two pages of two; the first Session is the one waited for.
      const [waitedFor = ''] = await createSessions(3);
      // The Session's user acts once the example has seen it unfinished (its first poll).
      const completed = new Promise<boolean>((resolve) => {
        onSandboxRequest = ({ method, route, status }) => {
          if (method !== 'GET' || route !== '/api/v1/sessions/{sessionId}' || status !== 200) {
            return;
          }
          onSandboxRequest = undefined;
          void sandbox.control
            .complete(waitedFor, { outcome: 'success' })
            .then(isRight, () => false)
            .then(resolve);
        };
      });
      try {
        const [listed, waited] = await Promise.all([
          runExample(consumer, node.path, 'listAllSessions.ts', { PAGE_SIZE: '2' }),
          runExample(consumer, node.path, 'waitForSession.ts', {
            SESSION_ID: waitedFor,
            POLL_INTERVAL_MS: '20',
            MAX_WAIT_MS: '30000',
          }),
        ]);

        const pages = pagesPrinted(listed);
        const total = pages[0]?.total ?? 0;
        expect(total).toBeGreaterThanOrEqual(3);
        expect(pages.map(({ page }) => page)).toEqual(
          Array.from({ length: Math.ceil(total / 2) }, (_, i) => i + 1),
        );
        expect(pages.map(({ more }) => more)).toEqual(pages.map((_, i) => i < pages.length - 1));
        expect(pages.reduce((sum, { count }) => sum + count, 0)).toBe(total);
        expect(listed).toContain(
          `Response from \`SessionsAPI.ListSessions\`: {\n  "sessions": ${total},`,
        );

        expect(await completed).toBe(true);
        // onUpdate once per new state: IdvCreated first (the user acts after the first poll),
        // then the journey in order, one state a second of sandbox time (how many of them the
        // polls see depends on this machine's speed), IdvSuccess last.
        const journey = [
          'IdvCreated',
          'IdvInitiated',
          'IdvAuthenticating',
          'IdvInProgress',
          'IdvSuccess',
        ];
        const updates = [...waited.matchAll(/^poll (\d+) \(\d+\.\d s\): (\w+)$/gm)];
        const order = updates.map(([, , state]) => journey.indexOf(state ?? ''));
        expect(order[0]).toBe(0);
        expect(order.every((at, i) => at > (order[i - 1] ?? -1))).toBe(true);
        expect(updates.at(-1)?.[2]).toBe('IdvSuccess');
        const polls = updates.map(([, poll]) => Number(poll));
        expect(polls[0]).toBe(1);
        expect(polls).toEqual([...polls].sort((a, b) => a - b));
        expect(waited).toContain('Response from `SessionsAPI.WaitForSession`: {');
        expect(waited).toContain(`"id": "${waitedFor}"`);
        expect(waited).toContain('"state": "IdvSuccess"');
      } finally {
        onSandboxRequest = undefined;
      }
    },
    60_000,
  );

  test("the README's quick start runs as written: against the sandbox with no settings", async () => {
    const consumer = projects[0]!;
    const env = cleanEnvironment();
    const stdout = await runAsync(node.path, ['quickstart.mjs'], { cwd: consumer.dir, env });
    expect(stdout).toMatch(/^\d+ sessions \(HTTP 200\)\n$/);
  }, 60_000);

  test("the README's quick start sets the exit code when the answer is a Left", async () => {
    const consumer = projects[0]!;
    const env = {
      ...cleanEnvironment(),
      TRINSIC_BASE_URL: await closedPort(),
      TRINSIC_API_KEY: 'sk_test_unreachable_api',
    };
    const failed = await runAsync(node.path, ['quickstart.mjs'], { cwd: consumer.dir, env }).then(
      () => 'exit 0',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    expect(failed).toMatch(/failed:\nNetworkError: .*ECONNREFUSED/);
    expect(failed).not.toContain('sk_test_unreachable_api');
  }, 60_000);
});
