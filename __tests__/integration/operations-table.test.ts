import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATIONS as TABLE } from '../../requests/operations.js';
import { apiRoutes } from '../../sandbox/api.js';
import { SandboxStore } from '../../sandbox/store.js';
import { useHarness } from '../support/harness.js';
import { cleanEnv, REPO_ROOT, runTsx } from '../support/processes.js';

// Every entry of the operations' table, held to what its maintainer writes besides the entry: a
// sandbox route serving the description's method and path, and an example that reaches that
// route through the SDK and reads its answer. Nothing here names an operation, so an operation
// added to the table is covered with no edit to a test; without its route or its example, or with
// a path that disagrees with its route's, it fails here. (The nine operations of the spec also
// have concrete cases, byte for byte, in __tests__/support/operations.ts.)

const ENTRIES = Object.entries(TABLE).map(([method, { operation }]) => ({
  method,
  operation: operation.name,
  http: operation.method,
  path: operation.path,
}));

const ROUTES = apiRoutes(new SandboxStore());

const h = useHarness({ resetEach: false });

/** Runs `examples/<method>.ts` against the sandbox, with the example's own default inputs. */
const runExample = (method: string) =>
  runTsx(
    `examples/${method}.ts`,
    cleanEnv({ TRINSIC_BASE_URL: h.sandbox.url, TRINSIC_API_KEY: h.sandbox.apiKey }),
  );

describe.each(ENTRIES)('$operation', ({ method, operation, http, path }) => {
  test('a sandbox route serves it, at the method and path of its description', () => {
    const served = ROUTES.filter((route) => route.operation === operation);
    expect(served.map((route) => `${route.method} ${route.path}`)).toStrictEqual([
      `${http} ${path}`,
    ]);
  });

  test.concurrent(
    `its example, examples/${method}.ts, reaches that route through the SDK`,
    async () => {
      expect(existsSync(join(REPO_ROOT, 'examples', `${method}.ts`))).toBe(true);
      // A fault for this operation only: the route it is matched on is the one of this name.
      expect(await h.sandbox.control.inject({ operation, status: 418 })).toStrictEqual({
        _tag: 'Right',
        right: undefined,
      });
      const faulted = await runExample(method);
      expect(faulted.code).toBe(1);
      expect(faulted.stderr).toContain(`Error when calling \`${operation}\`: `);
      expect(faulted.stderr).toContain('HTTP 418');

      // Then the route's own answer, with the example's default inputs: a success printed, or an
      // error answer from the route (an unknown id, say) that the SDK read; never a body that does
      // not decode, nor the router's "no such route".
      const { code, stdout, stderr } = await runExample(method);
      if (code === 0) {
        expect(stderr).toBe('');
        expect(stdout).toContain(`Response from \`${operation}\`: `);
      } else {
        expect(stderr).toMatch(/^Full HTTP response: status 4\d\d, body: /m);
        expect(stderr).not.toContain('No such route');
        expect(stderr).not.toContain('HTTP 405');
      }
    },
    60_000,
  );
});

test('every Connect route of the sandbox serves an operation of the table', () => {
  const named = new Set(ENTRIES.map(({ operation }) => operation));
  expect(ROUTES.filter((route) => !named.has(route.operation ?? ''))).toStrictEqual([]);
});
