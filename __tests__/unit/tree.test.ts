import type { Graph } from '../../scripts/tree/graph.js';
import { graphOf as graphOfTexts, readGraph } from '../../scripts/tree/graph.js';
import { deadExports, importCycles, longFiles, MAX_LINES } from '../../scripts/tree/checks.js';

// The tree's own checks (scripts/tree/): no import cycle, no export that no other file imports,
// no source file over MAX_LINES outside tests and benchmarks. Each is shown firing on a made-up
// graph, then held on the tree itself.

/** A graph of the given files' texts, read as the tree's are. */
const graphOf = (texts: Readonly<Record<string, string>>): Graph =>
  graphOfTexts(new Map(Object.entries(texts)));

describe('the checks fire', () => {
  test('on an import cycle, type-only imports included, and name the files on it', () => {
    const graph = graphOf({
      'lib/a.ts': "import { b } from './b.js';\nexport const a = b;\n",
      'lib/b.ts': "import type { C } from './c.js';\nexport const b: C = 1;\n",
      'lib/c.ts': "import type { a } from './a.js';\nexport type C = typeof a;\n",
      'lib/d.ts': "import { a } from './a.js';\nexport const d = a;\n",
    });

    expect(importCycles(graph)).toStrictEqual([['lib/a.ts', 'lib/b.ts', 'lib/c.ts', 'lib/a.ts']]);
  });

  test('on an export no other file imports, following re-exports to where names live', () => {
    const graph = graphOf({
      'index.ts': "export { used } from './lib/a.js';\nexport * from './lib/all.js';\n",
      'lib/a.ts':
        'export const used = 1;\nexport const unused = 2;\nexport type Unused = 3;\n' +
        'export type Named = 4;\nexport const named = (n: Named) => n;\nexport const self = 5;\n' +
        'export const own = self;\n',
      'lib/all.ts': "export * from './deep.js';\n",
      'lib/deep.ts': 'export const reached = 1;\n',
      'lib/pass.ts': "export { dropped } from './b.js';\n",
      'lib/b.ts': 'export const dropped = 1;\nexport const viaPass = 2;\n',
      'lib/user.ts': "import { viaPass } from './b.js';\nconsole.log(viaPass);\n",
      // A declaration file's exports are an outside module's, imported by that module's name.
      'lib/outside.d.ts':
        "declare module 'outside/part.js' {\n  export { thing } from 'outside';\n}\n",
    });

    // Named: a type that names a part of an exported declaration; self: a value used in its file.
    expect(deadExports(graph)).toStrictEqual([
      'lib/a.ts: unused',
      'lib/a.ts: Unused',
      'lib/a.ts: named',
      'lib/a.ts: self',
      'lib/a.ts: own',
      'lib/pass.ts: dropped',
      'lib/b.ts: dropped',
    ]);
  });

  test('on a source file over the limit, but not on a test or a benchmark', () => {
    const long = 'export const x = 1;\n'.repeat(MAX_LINES + 1);
    const graph = graphOf({
      'sandbox/store.ts': long,
      'sandbox/short.ts': 'export const x = 1;\n'.repeat(MAX_LINES),
      '__tests__/unit/long.test.ts': long,
      'bench/long.ts': long,
    });

    expect(longFiles(graph)).toStrictEqual([`sandbox/store.ts: ${MAX_LINES + 1} lines`]);
  });
});

describe('the tree', () => {
  const graph = readGraph(process.cwd());

  test('is read whole: every part of the repository, and the imports between them', () => {
    const parts = new Set([...graph.files.keys()].map((path) => path.split('/')[0]));

    expect([...parts].sort()).toStrictEqual(
      [
        '__tests__',
        'bench',
        'eslint.config.js',
        'eslint.layers.js',
        'examples',
        'index.ts',
        'jest.config.ts',
        'lib',
        'models',
        'requests',
        'sandbox',
        'scripts',
      ].sort(),
    );
    expect(graph.edges.length).toBeGreaterThan(graph.files.size);
  });

  test('has no import cycle', () => {
    expect(importCycles(graph)).toStrictEqual([]);
  });

  test('has no export that no other file imports', () => {
    expect(deadExports(graph)).toStrictEqual([]);
  });

  test(`has no source file over ${MAX_LINES} lines outside tests and benchmarks`, () => {
    expect(longFiles(graph)).toStrictEqual([]);
  });
});
