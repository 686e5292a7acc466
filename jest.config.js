// Two projects: the engine, adapters and CLI run in Node as before; the task pane's React tests
// (*.test.tsx) need a DOM. Reporters are global, so they stay outside the projects.
const shared = {
  roots: ["<rootDir>/test"],
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
};

/** @type {import('jest').Config} */
module.exports = {
  // A hang guard, not a speed check: the first test of a file that runs the CLI in process loads
  // and compiles (ts-jest, cold on a fresh clone) every module its command imports, which took
  // over the default 5 s on a loaded CI machine. Speed lives in npm run bench.
  testTimeout: 60000,
  reporters: ["default", "<rootDir>/test/plainSummaryReporter.js"],
  projects: [
    { ...shared, displayName: "node", testEnvironment: "node", testMatch: ["**/*.test.ts"] },
    { ...shared, displayName: "dom", testEnvironment: "jsdom", testMatch: ["**/*.test.tsx"] },
  ],
};
