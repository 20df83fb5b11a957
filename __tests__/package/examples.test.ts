import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRight } from 'fp-ts/lib/Either.js';
import { APIClient, Configuration } from 'trinsic-connect-sdk';
import { startSandbox, type RequestLogEntry, type Sandbox } from 'trinsic-connect-sdk/sandbox';
import { closedPort } from '../support/loopback.js';
import { cleanEnvironment, installConsumer, nodeVersions, type Consumer } from './consumer.js';
import { REPO_ROOT, runAsync } from './tarball.js';

// The examples copied byte for byte into fresh projects that installed the package, one an ES
// module project and one a CommonJS one (npm's default), and run there as their first lines say
// (`npx tsx <example>.ts`), against a sandbox: no edit needed. And the README's quick start, as
// the README says to run it: with no settings (the sandbox), and against an API that is not there.

/** The first ```js block under the README's "## Quick start". */
const quickStart = (): string => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Quick start\n'));
  const block = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error('README.md has no ```js block under "## Quick start"');
  return block;
};

// Every example (and env.ts) is copied and type-checked; listProviders, createSession,
// listAllSessions (pages() and all()) and waitForSession are also run.
const EXAMPLES = readdirSync(join(REPO_ROOT, 'examples')).filter((name) => name.endsWith('.ts'));
const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

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
      link: ['tsx', '@types'],
      ...(type ? { type } : {}),
    });
    for (const example of EXAMPLES) {
      copyFileSync(join(REPO_ROOT, 'examples', example), join(consumer.dir, example));
    }
    consumer.write(
      'tsconfig.json',
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          target: 'es2022',
          strict: true,
          exactOptionalPropertyTypes: true,
          noEmit: true,
          types: ['node'],
        },
        // The README says its quick start type-checks too (top-level await: ES modules only).
        files: type === 'module' ? [...EXAMPLES, 'quickstart.ts'] : EXAMPLES,
      }),
    );
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

test.each([
  ['an ES module project', 0],
  ['a CommonJS project', 1],
])(
  "in %s, every copied example (and the README's quick start) type-checks unchanged",
  async (_kind, index) => {
    const consumer = projects[index]!;
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(10);
    expect(await runAsync(process.execPath, [tsc, '-p', '.'], { cwd: consumer.dir })).toBe('');
  },
  60_000,
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
