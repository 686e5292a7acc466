// `npm run test:e2e`: the task pane's browser mode in a real Chromium (playwright-core driving
// the system's browser). Separate from jest.config.js so that `npm test` never runs it. The
// global setup makes one production build; each test file serves dist/ on a free port.
/** @type {import('jest').Config} */
module.exports = {
  displayName: "e2e",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  moduleFileExtensions: ["ts", "js", "json"],
  testEnvironment: "node",
  globalSetup: "<rootDir>/test/e2e/globalSetup.js",
  // One browser at a time: two Chromiums and a webpack build on a small CI machine would crowd it.
  maxWorkers: 1,
  testTimeout: 60000,
  reporters: ["default", "<rootDir>/test/plainSummaryReporter.js"],
};
