// ESLint 9 flat config: the Office add-in ecosystem's rules (eslint-plugin-office-addins, which
// office-addin-lint runs) with Prettier, plus Node globals for the plain-JS scripts.
const officeAddins = require("eslint-plugin-office-addins");
const tseslint = require("typescript-eslint");

const nodeGlobals = {
  require: "readonly",
  module: "writable",
  exports: "writable",
  process: "readonly",
  console: "readonly",
  __dirname: "readonly",
  __filename: "readonly",
  Buffer: "readonly",
  setTimeout: "readonly",
  clearTimeout: "readonly",
};

module.exports = [
  { ignores: ["node_modules/", "lib/", "dist/", "coverage/", "test-output/"] },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    // The plugin's own parser import resolves to undefined with current typescript-eslint.
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2020 },
    // TypeScript itself checks names; no-undef cannot see types or globals from lib.dom.
    rules: { "no-undef": "off" },
  },
  {
    // Tests and scripts drive ExcelJS, whose getCell()/value look like Office.js proxies to
    // the Office.js load/sync rules; those rules guard src/, where Office.js code lives.
    files: ["test/**", "bench/**", "scripts/**"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-after-load": "off",
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { ecmaVersion: 2020, sourceType: "commonjs", globals: nodeGlobals },
  },
];
