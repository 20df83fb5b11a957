import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, REPO_ROOT, runTsx } from '../support/processes.js';

// The README's "Rehearse failure" test is one a user copies as it is: here it runs as it is, a
// node:test file under tsx, against the sandbox it starts, and must pass.

const block = (heading: string): string => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf(`\n${heading}\n`));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (code === undefined) throw new Error(`README.md has no \`\`\`ts block under "${heading}"`);
  return code;
};

test('README "Rehearse failure": the copied test passes (a 503, a 429, a dropped connection)', async () => {
  // Outside the repository: a file inside it, even for a moment, is one that lint, the tree
  // checks and the suites that walk or copy the tree may see half made or half gone when they run
  // beside this one. It runs from the repository's root, whose tsconfig.json resolves the
  // package's own name for tsx; its dependencies (fp-ts) through a link to node_modules.
  const rootBefore = readdirSync(REPO_ROOT);
  const folder = mkdtempSync(join(tmpdir(), 'connect-readme-'));
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(folder, 'node_modules'), 'dir');
  try {
    const file = join(folder, 'rehearse-failure.test.ts');
    writeFileSync(file, block('### Rehearse failure'));
    expect(readdirSync(REPO_ROOT)).toStrictEqual(rootBefore);
    // The spec reporter on every Node: node:test's default for a pipe is TAP before Node 23.
    const env = cleanEnv();
    const nodeOptions = [env.NODE_OPTIONS, '--test-reporter=spec'].filter(Boolean).join(' ');
    const { code, stdout, stderr } = await runTsx(
      file,
      { ...env, NODE_OPTIONS: nodeOptions },
      [],
      60_000,
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('✔ a 503, then a 429 with Retry-After: retried, then the real answer');
    expect(stdout).toContain(
      '✔ the connection dropped on every attempt: reported as a network failure',
    );
    expect(stdout).toMatch(/^ℹ pass 2$/m);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}, 90_000);
