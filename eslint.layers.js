// @ts-check
// The arrows between the tree's parts, as ARCHITECTURE.md draws them:
//   index.ts → requests/ → models/ → lib/            (the package)
//   sandbox/ → models/, lib/schema/                  (a fake server shares the spec's codecs only)
//   examples/ → the package's public surface, sandbox/
// Its own module so that a test can prove each rule fires (__tests__/unit/architecture.test.ts).

/**
 * One rule: files matching `files` may not import what `regex` matches (a relative path that
 * climbs `up` levels to the repository's root, for files that many levels deep).
 * @param {string[]} files
 * @param {string} regex
 * @param {string} message
 * @returns {import('eslint').Linter.Config}
 */
const forbid = (files, regex, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ regex, message }] }] },
});

/** @type {import('eslint').Linter.Config[]} */
export const layers = [
  forbid(
    ['lib/**/*.ts'],
    '^(\\.\\./)+(models|requests|sandbox|examples|index)(/|\\.js$|$)',
    'lib/ is the core: it imports only itself and its dependencies.',
  ),
  forbid(
    ['models/**/*.ts'],
    '^(\\.\\./)+(requests|sandbox|examples|index)(/|\\.js$|$)',
    'models/ are codecs: they import lib/ and each other only.',
  ),
  forbid(
    ['requests/**/*.ts', 'index.ts'],
    '^(\\.{1,2}/)+(sandbox|examples)(/|\\.js$|$)|^trinsic-connect-sdk(/|$)',
    'requests/ and index.ts are the package: they never import the sandbox or the examples.',
  ),
  forbid(
    ['sandbox/**/*.ts'],
    '^(\\.\\./)+(requests|examples|index)(/|\\.js$|$)|^(\\.\\./)+lib/(?!schema/)|^trinsic-connect-sdk(/|$)',
    'sandbox/ uses only models/ and lib/schema/ of the package: a fake server built on the client would share its mistakes.',
  ),
  forbid(
    ['examples/**/*.ts'],
    '^(\\.\\./)+(lib|models|requests)/',
    'examples/ use the package as a customer does: its public surface (trinsic-connect-sdk or index.ts) and the sandbox.',
  ),
];
