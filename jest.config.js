/**
 * One jest run covers unit tests beside the code and the cross-cutting tests
 * in test/. ts-jest only transpiles; `npm run typecheck` checks the types.
 * Browser tests are scripts run by .ci/run, not jest tests.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/server/src', '<rootDir>/shared/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 30000,
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
