// @ts-check
// The layers: requests/ → models/ → lib/. The core knows no endpoint, the models no builder.
// Its own module so that a test can prove the rules fire (__tests__/unit/architecture.test.ts).

/** @type {import('eslint').Linter.Config[]} */
export const layers = [
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(models|requests|sandbox|examples|index)(/|\\.js$|$)',
              message: 'lib/ is the core: it imports only itself and its dependencies.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['models/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(requests|sandbox|examples|index)(/|\\.js$|$)',
              message: 'models/ are codecs: they import lib/ and each other only.',
            },
          ],
        },
      ],
    },
  },
];
