import { deadExports, importCycles, longFiles } from './checks.js';
import { readGraph } from './graph.js';

// `npm run check:tree`: the tree checks of __tests__/unit/tree.test.ts, with their findings
// printed, for a maintainer who wants them without running Jest.

const graph = readGraph(process.cwd());
const findings = [
  ...importCycles(graph).map((cycle) => `import cycle: ${cycle.join(' → ')}`),
  ...deadExports(graph).map((dead) => `export nobody imports: ${dead}`),
  ...longFiles(graph).map((long) => `longer than the limit: ${long}`),
];
for (const finding of findings) console.log(finding);
console.log(
  `${graph.files.size} files, ${graph.edges.length} imports: ${findings.length} findings`,
);
process.exitCode = findings.length === 0 ? 0 : 1;
