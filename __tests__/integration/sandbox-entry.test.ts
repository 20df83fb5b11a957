import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { APIClient, Configuration } from '../../index.js';
import { REPO_ROOT } from '../support/processes.js';

// The sandbox ships in the package as its own entry, `trinsic-connect-sdk/sandbox`, and the
// `trinsic-connect-sandbox` command; the main entry never loads it (its import time and size stay
// those of the SDK). Checked here on the sources; __tests__/package checks the packed tarball.

const IMPORT =
  /^\s*(?:import|export)\b[^'"]*?from\s+'(\.{1,2}\/[^']+)'|^\s*import\s+'(\.{1,2}\/[^']+)'/gm;

/** Every source file `entry` loads, following relative imports (type-only ones excepted). */
const importGraph = (entry: string): Set<string> => {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(join(REPO_ROOT, file), 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      if (/^\s*(import|export)\s+type\b/.test(match[0])) continue;
      const target = match[1] ?? match[2] ?? '';
      const resolved = relative(REPO_ROOT, join(REPO_ROOT, dirname(file), target)).replace(
        /\.js$/,
        '.ts',
      );
      if (!existsSync(join(REPO_ROOT, resolved))) throw new Error(`${file}: no ${resolved}`);
      visit(resolved);
    }
  };
  visit(entry);
  return seen;
};

test('the main entry loads nothing of the sandbox', () => {
  const loaded = [...importGraph('index.ts')];
  expect(loaded).toContain('requests/launch/parseLaunchResult.ts');
  expect(loaded.filter((file) => file.startsWith('sandbox/'))).toEqual([]);
});

test('the sandbox entry and its command load only the sandbox, the core and the models', () => {
  const loaded = [...importGraph('sandbox/index.ts'), ...importGraph('sandbox/bin.ts')];
  expect(loaded).toContain('sandbox/launchPage.ts');
  expect(loaded.filter((file) => !/^(sandbox|lib|models)\//.test(file))).toEqual([]);
});

test('package.json exports ./sandbox and the command from what the build emits', () => {
  const pkg: unknown = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  const build: unknown = JSON.parse(readFileSync(join(REPO_ROOT, 'tsconfig.build.json'), 'utf8'));
  expect(pkg).toMatchObject({
    bin: { 'trinsic-connect-sandbox': './dist/sandbox/bin.js' },
    exports: {
      './sandbox': {
        import: { types: './dist/sandbox/index.d.ts', default: './dist/sandbox/index.js' },
      },
    },
  });
  const listed = (json: unknown, name: string): unknown =>
    typeof json === 'object' && json !== null ? Reflect.get(json, name) : undefined;
  expect(listed(pkg, 'files')).toContain('dist');
  expect(listed(build, 'include')).toContain('sandbox');
  // npm links the command to this file: it must run under node as it is.
  expect(readFileSync(join(REPO_ROOT, 'sandbox/bin.ts'), 'utf8')).toMatch(
    /^#!\/usr\/bin\/env node\n/,
  );
});

test('the subpath gives startSandbox with its typed control client: act as the user, reset', async () => {
  const { startSandbox, sandboxControl } = await import('trinsic-connect-sdk/sandbox');
  const sandbox = await startSandbox();
  try {
    const client = new APIClient(
      new Configuration({ basePath: sandbox.url, accessToken: sandbox.apiKey }),
    );
    const created = await client.sessionsAPI.createSession().execute();
    if (created._tag === 'Left') throw new Error(created.left.message);
    const sessionId = created.right.data.session.id;
    const done = await sandbox.control.complete(sessionId, { outcome: 'success', advance: 'now' });
    expect(done._tag === 'Right' && done.right.session.state).toBe('IdvSuccess');
    expect(await sandboxControl(sandbox.url, sandbox.apiKey).reset()).toEqual({
      _tag: 'Right',
      right: undefined,
    });
    const again = await sandbox.control.complete(sessionId, { outcome: 'success' });
    expect(again).toEqual({
      _tag: 'Left',
      left: `complete: HTTP 404: No Session with id ${JSON.stringify(sessionId)}`,
    });
  } finally {
    await sandbox.stop();
  }
});
