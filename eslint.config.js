// @ts-check
import tseslint from 'typescript-eslint';
import { layers } from './eslint.layers.js';

export default tseslint.config(
  {
    ignores: [
      'eslint.config.js',
      'eslint.layers.js',
      'dist/',
      'node_modules/',
      'coverage/',
      'bench/results/',
      'docs/api/',
    ],
  },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
    },
  },
  ...layers,
  {
    files: ['__tests__/**/*.ts'],
    rules: {
      // Tests narrow Eithers with expect() and then read fields; the checks are the assertions.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
