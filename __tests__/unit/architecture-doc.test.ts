import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { layers } from '../../eslint.layers.js';

// ARCHITECTURE.md is held to the tree: a path it names exists, every file of lib/ and requests/
// is named in it, every folder of lib/ is described, and each lint rule is quoted as lint words
// it. A move, a new file or a changed rule that the document does not follow fails here.

const DOC = readFileSync('ARCHITECTURE.md', 'utf8');

/** Every file under `dir`, relative to the root. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

/** The paths the document names: anything with a file extension or a trailing slash in `…`. */
const namedPaths = (): string[] =>
  [...DOC.matchAll(/`([^`\s]+)`|(?:^|\s)((?:[\w.-]+\/)+[\w.*-]+\.(?:ts|js|md))\b/gm)]
    .map((match) => (match[1] ?? match[2] ?? '').replace(/:$/, ''))
    .filter((path) => /^[\w.*/-]+(\.(ts|js|md)|\/)$/.test(path) && !path.includes('<'))
    // What `npm run build` makes is not in a clean clone; package.json and its tests name it.
    .filter((path) => !path.startsWith('dist/'));

/** Whether `pattern` (a path, with `*` for any name within one folder) names a file. */
const exists = (pattern: string, all: readonly string[]): boolean => {
  if (!pattern.includes('*')) return existsSync(pattern);
  const regex = new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`);
  return all.some((file) => regex.test(file));
};

const TREE = [...filesUnder('lib'), ...filesUnder('requests')].sort();

test('every path the document names exists', () => {
  const named = namedPaths();
  const missing = named.filter((path) => !exists(path, [...TREE, ...filesUnder('__tests__')]));

  expect(named.length).toBeGreaterThan(60);
  expect(missing).toStrictEqual([]);
});

test('every file of lib/ and requests/ is named, by its path or a pattern that matches it', () => {
  const patterns = namedPaths().filter((path) => /^(lib|requests)\//.test(path));
  const unnamed = TREE.filter(
    (file) =>
      !patterns.some((pattern) =>
        new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`).test(file),
      ),
  );

  expect(unnamed).toStrictEqual([]);
});

test('every folder of lib/ is described in the lib/ tree', () => {
  const folders = readdirSync('lib').filter((name) => statSync(join('lib', name)).isDirectory());
  const described = folders.filter((name) =>
    new RegExp(`^ {2}${name}/ {2,}\\S`, 'm').test(DOC.slice(DOC.indexOf('\nlib/\n'))),
  );

  expect(folders.length).toBeGreaterThanOrEqual(7);
  expect(described).toStrictEqual(folders);
  // And lib/ holds folders only: a file at its root would say nothing of its concern.
  expect(readdirSync('lib').filter((name) => !folders.includes(name))).toStrictEqual([]);
});

test("each lint rule of the layers is quoted in the document's table, word for word", () => {
  const messages = layers.flatMap((layer) => {
    const rule: unknown = layer.rules?.['no-restricted-imports'];
    return JSON.stringify(rule).match(/"message":"[^"]*"/g) ?? [];
  });

  expect(messages).toHaveLength(5);
  for (const message of messages) {
    expect(DOC).toContain(`| ${message.slice('"message":"'.length, -1)}`);
  }
});

test('no file of the project cites a document outside the repository', () => {
  // Whatever a reader needs is in README.md, ARCHITECTURE.md or a comment; a design document
  // kept elsewhere is one that users and maintainers never see.
  const outside = /DESIGN\.md|\.\.\/shared\/|§\d/;
  const LEFT_OUT = new Set(['node_modules', '.git', 'dist', 'coverage', 'api', 'results']);
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = dir === '.' ? name : `${dir}/${name}`;
      if (LEFT_OUT.has(name)) return [];
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  const texts = walk('.').filter(
    (path) =>
      /\.(ts|js|md|json|html|css)$/.test(path) && path !== SELF && path !== 'package-lock.json',
  );
  const citing = texts.filter((path) => outside.test(readFileSync(path, 'utf8')));

  expect(texts.length).toBeGreaterThan(200);
  expect(citing).toStrictEqual([]);
});

/** This file, which names what it looks for. */
const SELF = '__tests__/unit/architecture-doc.test.ts';
