import type { Graph } from './graph.js';

// What `npm test` holds the tree to, besides lint: no import cycle, no export nobody imports, no
// source file too long to read at a sitting. Each is a pure function of the import graph.

/**
 * Files whose exports are the package's or a tool's to use, not the tree's: the entry points
 * (their exports are the public surface), and configuration files read by tools.
 */
const ENTRY_POINTS: ReadonlySet<string> = new Set([
  'index.ts',
  'sandbox/index.ts',
  'jest.config.ts',
  'eslint.config.js',
  // A Worker's default export is the runtime's to call.
  'examples/worker/index.ts',
  // The `#undici-route` import's target under the workerd, edge-light, bun, worker and browser
  // conditions (package.json `imports`); the graph follows the default target.
  'lib/http/no-undici-route.ts',
]);

/** The longest a source file may be; tests and benchmarks are held to it too loosely to count. */
export const MAX_LINES = 250;

/** Each import cycle, as the files on it in order, the first repeated at the end. */
export const importCycles = (graph: Graph): string[][] => {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of graph.edges) {
    if (!next.has(from)) next.set(from, new Set());
    next.get(from)?.add(to);
  }
  // Tarjan's strongly connected components: each component of more than one file (or a file
  // importing itself) holds a cycle; one cycle through it is shown.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file) ?? 0);
    stack.push(file);
    onStack.add(file);
    for (const to of next.get(file) ?? []) {
      if (!index.has(to)) {
        connect(to);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(to) ?? 0));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      onStack.delete(top);
      component.push(top);
      if (top === file) break;
    }
    if (component.length > 1 || next.get(file)?.has(file)) {
      cycles.push(cycleWithin(new Set(component), file, next));
    }
  };
  for (const file of [...next.keys()].sort()) if (!index.has(file)) connect(file);
  return cycles;
};

/** A path from `start` back to itself inside `component` (breadth first, so a shortest one). */
const cycleWithin = (
  component: ReadonlySet<string>,
  start: string,
  next: ReadonlyMap<string, ReadonlySet<string>>,
): string[] => {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i] ?? start;
    for (const to of next.get(file) ?? []) {
      if (!component.has(to)) continue;
      if (to === start) {
        const path = [file];
        for (let at = cameFrom.get(file); at !== undefined; at = cameFrom.get(at)) path.push(at);
        return [...path.reverse(), start];
      }
      if (!cameFrom.has(to) && to !== start) {
        cameFrom.set(to, file);
        queue.push(to);
      }
    }
  }
  return [start, start];
};

/**
 * Each export that no other file imports, as `path: name`. A name imported through a re-export
 * (`export { x } from`, `export * from`) counts for the file it comes from; the entry points'
 * exports are used by definition, and so is everything an entry point passes on. An exported
 * type its own file refers to counts as used (the declaration files may need its name); an
 * exported value does not.
 */
export const deadExports = (graph: Graph): string[] => {
  const used = new Set<string>();
  const starsOf = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (edge.reexport && edge.names.includes('*')) {
      starsOf.set(edge.from, [...(starsOf.get(edge.from) ?? []), edge.to]);
    }
  }
  // Marks `name` of `file` used, following `export * from` to where a name is declared.
  const use = (file: string, name: string, seen = new Set<string>()): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const exports = graph.files.get(file)?.exports ?? [];
    if (name === '*') {
      for (const each of exports) used.add(`${file}: ${each}`);
      for (const to of starsOf.get(file) ?? []) use(to, '*', seen);
      return;
    }
    used.add(`${file}: ${name}`);
    if (!exports.includes(name)) for (const to of starsOf.get(file) ?? []) use(to, name, seen);
  };
  for (const file of ENTRY_POINTS) use(file, '*');
  for (const file of graph.files.values()) {
    // A declaration file types a module outside the tree (`declare module '…'`): its exports are
    // that module's, imported by its name, which the graph does not follow.
    if (file.path.endsWith('.d.ts')) use(file.path, '*');
    for (const name of file.typesUsedInFile) used.add(`${file.path}: ${name}`);
  }
  for (const edge of graph.edges) {
    if (edge.reexport && !ENTRY_POINTS.has(edge.from) && !edge.names.includes('*')) {
      // A re-export uses its source only when the name it passes on is used in turn.
      continue;
    }
    for (const name of edge.names) use(edge.to, name);
  }
  // Re-exports whose own export is used pass the use on (repeated until nothing changes).
  for (let changed = true; changed;) {
    changed = false;
    for (const edge of graph.edges) {
      if (!edge.reexport || edge.names.includes('*')) continue;
      for (const name of edge.names) {
        const passedOn = `${edge.to}: ${name}`;
        if (!used.has(passedOn) && reexportUsed(graph, edge.from, name, used)) {
          use(edge.to, name);
          changed = true;
        }
      }
    }
  }
  return [...graph.files.values()].flatMap((file) =>
    file.exports.map((name) => `${file.path}: ${name}`).filter((key) => !used.has(key)),
  );
};

// Re-exports renaming a name (`export { a as b } from`) are rare enough here to be read as `a`.
const reexportUsed = (graph: Graph, file: string, name: string, used: ReadonlySet<string>) =>
  graph.files.get(file)?.exports.includes(name) === true && used.has(`${file}: ${name}`);

/** Each source file over MAX_LINES, outside tests and benchmarks, as `path: lines`. */
export const longFiles = (graph: Graph): string[] =>
  [...graph.files.values()]
    .filter((file) => !/^(__tests__|bench)\//.test(file.path) && file.lines > MAX_LINES)
    .map((file) => `${file.path}: ${file.lines} lines`);
