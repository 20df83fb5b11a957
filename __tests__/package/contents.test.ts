import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packedTarball, run, type Tarball } from './tarball.js';

// What `npm pack` puts in the package: the two builds with their declarations, the licence and
// the README; no tests, sources, benchmarks, source maps or build configuration.

let tarball: Tarball;
let unpacked: string;

beforeAll(async () => {
  tarball = await packedTarball();
  unpacked = mkdtempSync(join(tmpdir(), 'connect-unpacked-'));
  run('tar', ['-xzf', tarball.file, '-C', unpacked, '--strip-components=1'], { cwd: unpacked });
}, 180_000);

afterAll(() => {
  rmSync(unpacked, { recursive: true, force: true });
});

const read = (path: string): string => readFileSync(join(unpacked, path), 'utf8');

/** Every file path that package.json names (exports, typesVersions, main, types, bin). */
const namedTargets = (manifest: unknown): string[] => {
  const targets: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') targets.push(value.replace(/^\.\//, ''));
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  for (const field of ['exports', 'typesVersions', 'main', 'types', 'bin']) {
    visit(typeof manifest === 'object' && manifest !== null ? Reflect.get(manifest, field) : null);
  }
  return targets;
};

test('it holds both builds of both entries, their declarations, the licence and the README', () => {
  expect(tarball.files).toEqual(
    expect.arrayContaining([
      'package.json',
      'README.md',
      'LICENSE',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/sandbox/index.js',
      'dist/sandbox/index.d.ts',
      'dist/cjs/package.json',
      'dist/cjs/index.js',
      'dist/cjs/index.d.ts',
      'dist/cjs/sandbox/index.js',
      'dist/cjs/sandbox/index.d.ts',
    ]),
  );
  expect(read('LICENSE')).toMatch(/^MIT License/);
  const cjsScope: unknown = JSON.parse(read('dist/cjs/package.json'));
  expect(cjsScope).toMatchObject({ type: 'commonjs' });
  // The CommonJS build resolves the package's own import in its own scope, to its own files.
  const routes: unknown = Reflect.get(
    Object(Reflect.get(Object(cjsScope), 'imports')),
    '#undici-route',
  );
  const targets: Record<string, unknown> =
    typeof routes === 'object' && routes !== null ? { ...routes } : {};
  expect(Object.keys(targets)).toContain('default');
  expect(
    Object.values(targets).every((path) => existsSync(join(unpacked, 'dist/cjs', String(path)))),
  ).toBe(true);
});

test('every file that package.json names is in it', () => {
  const targets = namedTargets(JSON.parse(read('package.json')));
  expect(targets.length).toBeGreaterThanOrEqual(16);
  expect(targets.filter((target) => !tarball.files.includes(target))).toEqual([]);
});

test('it holds no tests, sources, benchmarks, examples, scripts, maps or build configuration', () => {
  const unwanted = tarball.files.filter(
    (path) =>
      /(^|\/)(__tests__|bench|examples|scripts|coverage|docs|node_modules)\//.test(path) ||
      /\.map$|tsconfig|jest\.config|eslint|typedoc/.test(path) ||
      (/\.[cm]?ts$/.test(path) && !path.endsWith('.d.ts')),
  );
  expect(unwanted).toEqual([]);
  expect(
    tarball.files.every((path) => /^(dist\/|package\.json$|README\.md$|LICENSE$)/.test(path)),
  ).toBe(true);
});

test('no shipped module points at a source map, and the CommonJS build uses no import.meta', () => {
  const modules = tarball.files.filter((path) => path.endsWith('.js'));
  expect(modules.filter((path) => read(path).includes('sourceMappingURL'))).toEqual([]);
  const commonJs = modules.filter((path) => path.startsWith('dist/cjs/'));
  expect(commonJs.length).toBe(modules.length / 2);
  expect(commonJs.filter((path) => read(path).includes('import.meta'))).toEqual([]);
});

// Not a budget for the code (two builds and their declarations are about 150 kB packed, 870 kB
// unpacked): a tripwire for what should never be packed, such as node_modules or a browser.
test('it stays small: under 300 kB packed, 1.5 MB unpacked', () => {
  expect(tarball.size).toBeLessThan(300_000);
  expect(tarball.unpackedSize).toBeLessThan(1_500_000);
});
