import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { layers } from '../../eslint.layers.js';

// The layers the tree promises (requests/ → models/ → lib/), as lint enforces them: the rules
// fire on an import that crosses them, and the tree as it is has none.

const linter = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      // Known to the tree's inline directives; only the layer rules are switched on.
      plugins: { '@typescript-eslint': tseslint.plugin },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
    ...layers,
  ],
});

const problemsOf = async (filePath: string, source: string): Promise<string[]> => {
  const [result] = await linter.lintText(source, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
};

test.each([
  ['lib/pipeline/send.ts', "import { Session } from '../../models/Session.js';"],
  [
    'lib/http/transport.ts',
    "import { listSessions } from '../../requests/sessions/listSessions.js';",
  ],
  ['lib/schema/decode.ts', "import { startSandbox } from '../../sandbox/index.js';"],
  ['lib/pipeline/errors.ts', "import { main } from '../../examples/flow/main.js';"],
  ['lib/pipeline/builder.ts', "import { APIClient } from '../../index.js';"],
  ['models/Session.ts', "import { connectErrors } from '../requests/connect.js';"],
])('%s may not %s', async (filePath, line) => {
  const problems = await problemsOf(filePath, `${line}\nexport const used = 1;\n`);

  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(/^no-restricted-imports: .*(lib\/ is the core|models\/ are codecs)/);
});

test.each([
  ['lib/pipeline/send.ts', "import { exchange } from '../http/transport.js';"],
  [
    'lib/http/transport.ts',
    "import type { Configuration } from '../configuration/configuration.js';",
  ],
  ['models/Session.ts', "import { model } from '../lib/schema/codecs.js';"],
  ['requests/connect.ts', "import { FailureMessage } from '../models/FailureMessage.js';"],
])('%s may %s', async (filePath, line) => {
  expect(await problemsOf(filePath, `${line}\nexport const used = 1;\n`)).toStrictEqual([]);
});

test('no file in lib/ or models/ crosses a layer today', async () => {
  const results = await linter.lintFiles(['lib/**/*.ts', 'models/**/*.ts']);
  const crossings = results.flatMap((r) => r.messages.map((m) => `${r.filePath}: ${m.message}`));

  expect(results.length).toBeGreaterThan(40);
  expect(crossings).toStrictEqual([]);
});
