import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

// The repository's import graph, read from the sources with TypeScript's parser: which file
// imports which names of which other file. The checks of checks.ts are functions of it, so that
// a test can run them on a graph it makes up as well as on the tree.

/** What one file imports from another: named imports, or `*` for the whole module. */
interface Edge {
  readonly from: string;
  readonly to: string;
  readonly names: readonly string[];
  /** `export … from`: the names pass through to the importing file's own exports. */
  readonly reexport: boolean;
}

export interface SourceFile {
  /** Relative to the root, with `/`. */
  readonly path: string;
  readonly lines: number;
  /** The names the file declares as exported (re-exports included). */
  readonly exports: readonly string[];
  /**
   * Exported types (interfaces, type aliases, classes, enums) that the file itself refers to: they
   * may name a part of an exported declaration, which a declaration file must be able to name
   * (unexported, the compiler would spell such a type out in place, or refuse it).
   */
  readonly typesUsedInFile: readonly string[];
}

export interface Graph {
  readonly files: ReadonlyMap<string, SourceFile>;
  readonly edges: readonly Edge[];
}

/** The parts of the tree that hold sources; what lies elsewhere is built, installed or data. */
const SOURCE_ROOTS = ['index.ts', 'lib', 'models', 'requests', 'sandbox', 'examples', '__tests__'];
const MORE_ROOTS = ['scripts', 'bench', 'jest.config.ts', 'eslint.config.js', 'eslint.layers.js'];
const SKIPPED = new Set(['node_modules', 'dist', 'results']);

/** The package's own name, as examples and tests import it (tsconfig.json's paths). */
const SELF: Readonly<Record<string, string>> = {
  'trinsic-connect-sdk': 'index.ts',
  'trinsic-connect-sdk/sandbox': 'sandbox/index.ts',
  // package.json `imports`: its default target.
  '#undici-route': 'lib/http/undici-route.ts',
};

const sourcePaths = (root: string): string[] => {
  const found: string[] = [];
  const walk = (path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path)) if (!SKIPPED.has(name)) walk(join(path, name));
    } else if (/\.(ts|js)$/.test(path)) {
      found.push(relative(root, path).split('\\').join('/'));
    }
  };
  for (const part of [...SOURCE_ROOTS, ...MORE_ROOTS]) {
    if (existsSync(join(root, part))) walk(join(root, part));
  }
  return found.sort();
};

export const readGraph = (root: string, paths: readonly string[] = sourcePaths(root)): Graph =>
  graphOf(new Map(paths.map((path) => [path, readFileSync(join(root, path), 'utf8')])));

/** The graph of the given files (path → text); only these paths exist for their imports. */
export const graphOf = (texts: ReadonlyMap<string, string>): Graph => {
  const files = new Map<string, SourceFile>();
  const edges: Edge[] = [];
  const known = new Set(texts.keys());
  for (const [path, text] of texts) {
    const parsed = parse(path, text, known);
    const lines = text.split('\n').length - 1;
    files.set(path, {
      path,
      lines,
      exports: parsed.exports,
      typesUsedInFile: parsed.typesUsedInFile,
    });
    edges.push(...parsed.edges);
  }
  return { files, edges };
};

/** A file's exports and imports, from its text alone; `known` says which paths exist. */
const parse = (
  path: string,
  text: string,
  known: ReadonlySet<string>,
): { exports: string[]; typesUsedInFile: string[]; edges: Edge[] } => {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const exports: string[] = [];
  const typesUsedInFile: string[] = [];
  const edges: Edge[] = [];
  const edge = (specifier: ts.Node | undefined, names: string[], reexport = false): void => {
    if (specifier === undefined || !ts.isStringLiteralLike(specifier)) return;
    const to = resolveSpecifier(path, specifier.text, known);
    if (to !== undefined) edges.push({ from: path, to, names, reexport });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      edge(node.moduleSpecifier, importedNames(node.importClause));
    } else if (ts.isExportDeclaration(node)) {
      const clause = node.exportClause;
      const names =
        clause === undefined || ts.isNamespaceExport(clause)
          ? ['*']
          : clause.elements.map((e) => (e.propertyName ?? e.name).text);
      if (clause !== undefined && ts.isNamedExports(clause)) {
        exports.push(...clause.elements.map((e) => e.name.text));
      } else if (clause !== undefined) {
        exports.push(clause.name.text);
      }
      edge(node.moduleSpecifier, names, true);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0) {
      // import('…'), and jest's module mocks, which load the whole module.
      const callee = node.expression.getText(source);
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword || /^jest\./.test(callee)) {
        edge(node.arguments[0], ['*']);
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      edge(node.argument.literal, [node.qualifier?.getText(source).split('.')[0] ?? '*']);
    } else if (node.parent === source) {
      const declared = declaredExports(node);
      exports.push(...declared);
      if (isTypeLike(node)) {
        const uses = (name: string) => text.match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0;
        typesUsedInFile.push(...declared.filter((name) => uses(name) > 1));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { exports, typesUsedInFile, edges };
};

const isTypeLike = (node: ts.Node): boolean =>
  ts.isInterfaceDeclaration(node) ||
  ts.isTypeAliasDeclaration(node) ||
  ts.isClassDeclaration(node) ||
  ts.isEnumDeclaration(node);

const importedNames = (clause: ts.ImportClause | undefined): string[] => {
  if (clause === undefined) return [];
  const names = clause.name ? ['default'] : [];
  const bindings = clause.namedBindings;
  if (bindings === undefined) return names;
  if (ts.isNamespaceImport(bindings)) return [...names, '*'];
  return [...names, ...bindings.elements.map((e) => (e.propertyName ?? e.name).text)];
};

const declaredExports = (node: ts.Node): string[] => {
  if (ts.isExportAssignment(node)) return ['default'];
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  if (!modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return [];
  if (modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return ['default'];
  if (ts.isVariableStatement(node)) {
    return node.declarationList.declarations.flatMap((d) =>
      ts.isIdentifier(d.name) ? [d.name.text] : [],
    );
  }
  const declaration =
    ts.isFunctionDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isEnumDeclaration(node) ||
    ts.isModuleDeclaration(node);
  return declaration && node.name !== undefined && ts.isIdentifier(node.name)
    ? [node.name.text]
    : [];
};

/** The file a specifier names, when it is one of the tree's; a package's specifier is not. */
const resolveSpecifier = (
  from: string,
  specifier: string,
  known: ReadonlySet<string>,
): string | undefined => {
  const self = SELF[specifier];
  if (self !== undefined) return self;
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve('/', dirname(from), specifier).slice(1);
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    `${base}.ts`,
    `${base}/index.ts`,
    `${base}.js`,
  ];
  return candidates.find((candidate) => known.has(candidate));
};
