import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { layers } from '../../eslint.layers.js';

// The arrows the tree promises (ARCHITECTURE.md, "The layers"), as lint enforces them: each rule
// fires on an import that crosses it, and the tree as it is crosses none.

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
  ['requests/connect.ts', "import { startSandbox } from '../sandbox/index.js';"],
  ['requests/sessions/getSession.ts', "import { main } from '../../examples/flow/main.js';"],
  ['requests/APIClient.ts', "import { APIClient } from 'trinsic-connect-sdk';"],
  ['index.ts', "export { startSandbox } from './sandbox/index.js';"],
  ['index.ts', "import { main } from './examples/flow/main.js';"],
  ['sandbox/store.ts', "import { connectErrors } from '../requests/connect.js';"],
  ['sandbox/server.ts', "import { send } from '../lib/pipeline/send.js';"],
  ['sandbox/api.ts', "import { APIClient } from '../index.js';"],
  ['sandbox/api.ts', "import { APIClient } from 'trinsic-connect-sdk';"],
  ['sandbox/cli.ts', "import { main } from '../examples/flow/main.js';"],
  ['examples/getSession.ts', "import { send } from '../lib/pipeline/send.js';"],
  ['examples/flow/run.ts', "import { Session } from '../../models/Session.js';"],
  [
    'examples/listSessions.ts',
    "import { listSessions } from '../requests/sessions/listSessions.js';",
  ],
])('%s may not %s', async (filePath, line) => {
  const problems = await problemsOf(filePath, `${line}\nexport const used = 1;\n`);

  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(
    /^no-restricted-imports: .*(lib\/ is the core|models\/ are codecs|requests\/ and index.ts are the package|sandbox\/ uses only|examples\/ use the package)/,
  );
});

test.each([
  ['lib/pipeline/send.ts', "import { exchange } from '../http/transport.js';"],
  [
    'lib/http/transport.ts',
    "import type { Configuration } from '../configuration/configuration.js';",
  ],
  ['models/Session.ts', "import { model } from '../lib/schema/codecs.js';"],
  ['requests/connect.ts', "import { FailureMessage } from '../models/FailureMessage.js';"],
  ['index.ts', "export { APIClient } from './requests/APIClient.js';"],
  ['sandbox/api.ts', "import { Session } from '../models/index.js';"],
  ['sandbox/reply.ts', "import { model } from '../lib/schema/codecs.js';"],
  ['examples/getSession.ts', "import { APIClient } from 'trinsic-connect-sdk';"],
  ['examples/flow/main.ts', "import { startSandbox } from '../../sandbox/index.js';"],
  ['examples/flow/run.ts', "import { APIClient } from '../../index.js';"],
])('%s may %s', async (filePath, line) => {
  expect(await problemsOf(filePath, `${line}\nexport const used = 1;\n`)).toStrictEqual([]);
});

test('no file of the package, the sandbox or the examples crosses an arrow today', async () => {
  const parts = ['requests', 'models', 'lib', 'sandbox', 'examples'];
  const results = await linter.lintFiles(parts.map((part) => `${part}/**/*.ts`).concat('index.ts'));
  const crossings = results.flatMap((r) => r.messages.map((m) => `${r.filePath}: ${m.message}`));

  expect(results.length).toBeGreaterThan(100);
  expect(crossings).toStrictEqual([]);
});
