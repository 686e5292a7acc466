// Two projects: the engine, adapters and CLI run in Node as before; the task pane's React tests
// (*.test.tsx) need a DOM. Reporters are global, so they stay outside the projects.
const shared = {
  roots: ["<rootDir>/test"],
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
};

/** @type {import('jest').Config} */
module.exports = {
  reporters: ["default", "<rootDir>/test/plainSummaryReporter.js"],
  projects: [
    { ...shared, displayName: "node", testEnvironment: "node", testMatch: ["**/*.test.ts"] },
    { ...shared, displayName: "dom", testEnvironment: "jsdom", testMatch: ["**/*.test.tsx"] },
  ],
};
