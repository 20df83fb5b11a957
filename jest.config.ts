import type { Config } from 'jest';

// ESM mode: nock 15 is ESM-only, so Jest runs with --experimental-vm-modules (see package.json).
// The transform only strips types (@swc/jest): `npm run typecheck` checks every test once, before
// Jest starts, so no Jest worker type-checks again.
const config: Config = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // The package's own name, as examples and tests import it (tsconfig.json's paths, for tsc and tsx).
    '^trinsic-connect-sdk$': '<rootDir>/index.ts',
    '^trinsic-connect-sdk/sandbox$': '<rootDir>/sandbox/index.ts',
    // The package's own import that its export conditions route per runtime (package.json).
    '^#undici-route$': '<rootDir>/lib/http/undici-route.ts',
  },
  transform: {
    // tsconfig.json's target; swc emits ES modules here since Jest runs in ESM mode.
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  testTimeout: 20000,
  // A worker per core. Jest's default (cores - 1) leaves a 2-core machine one worker, so Jest runs
  // every suite in its own process, one after another, and a core idles while a suite waits on
  // sockets, timers or a child process (about a third of the unit run's wall time).
  maxWorkers: '100%',
};

export default config;
