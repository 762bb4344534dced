/**
 * Three projects: fast unit specs beside the code; service specs beside the code
 * (`*.service-spec.ts`) that run the services with their rules against a real PostgreSQL (a
 * database of their own, cloned from the migrated template, and the demo journal made through
 * the services: test/support/service-context.ts); and e2e specs in test/ that run the real app
 * against a real PostgreSQL, Redis and SMTP server. The last two share the template, made once
 * per run (test/setup/global-setup.ts; Jest runs a global setup module once for all projects).
 * @type {import('jest').Config}
 */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
};
// node-fetch 3 is an ES module Jest cannot require (citation-js needs it): Node's fetch instead.
const moduleNameMapper = { '^node-fetch$': '<rootDir>/test/setup/node-fetch.ts' };

module.exports = {
  // A global option: Jest ignores testTimeout inside a project, so the e2e specs' hooks (which
  // start the app, the worker and an SMTP server, then seed) would get the 5 s default.
  testTimeout: 60000,
  // Two files at a time on the two cores: much of an e2e file's time is spent waiting on
  // PostgreSQL, Redis, Typst and Chromium, so the whole run takes about a quarter less
  // (966 s against 1,318 s one file at a time, 7 December 2026). Each file has its own
  // database, Redis prefix and ports, so files never share state.
  maxWorkers: 2,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      transform,
      moduleNameMapper,
    },
    {
      displayName: 'service',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/src/**/*.service-spec.ts'],
      transform,
      moduleNameMapper,
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform,
      moduleNameMapper,
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      testTimeout: 60000,
    },
  ],
};
