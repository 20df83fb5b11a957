import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
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
  // Inside the repository, so that tsconfig.json's paths resolve the package's own name.
  const folder = mkdtempSync(join(REPO_ROOT, '.readme-'));
  try {
    const file = join(folder, 'rehearse-failure.test.ts');
    writeFileSync(file, block('### Rehearse failure'));
    // The spec reporter on every Node: node:test's default for a pipe is TAP before Node 23.
    const env = cleanEnv();
    const nodeOptions = [env.NODE_OPTIONS, '--test-reporter=spec'].filter(Boolean).join(' ');
    const { code, stdout, stderr } = await runTsx(
      relative(REPO_ROOT, file),
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
