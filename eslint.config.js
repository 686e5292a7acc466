// ESLint 9 flat config: the Office add-in ecosystem's rules (eslint-plugin-office-addins, a
// devDependency of its own, as the add-in template declares it) with Prettier, plus Node globals
// for the plain-JS scripts.
const officeAddins = require("eslint-plugin-office-addins");
const tseslint = require("typescript-eslint");

// The plugin's TypeScript block (its @typescript-eslint, Office.js and Prettier rules) names
// .ts files only; the task pane's .tsx files get the same rules, with the plugin's React rules.
const addinTypeScriptBlock = officeAddins.configs.recommended.find(
  (config) => Array.isArray(config.files) && config.files.some((glob) => glob.includes("ts"))
);
const addinReactBlock = officeAddins.configs.react.find(
  (config) => config.plugins && config.plugins.react && config.rules
);

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

// Libraries the task pane must never import statically, whatever the file.
const taskpaneRestrictedPaths = [
  { name: "@fluentui/react", message: "Import from @fluentui/react/lib/<Component>." },
  { name: "exceljs", message: "ExcelJS is a devDependency: the tests' oracle only." },
  { name: "jszip", message: "The package layer (src/workbook/xlsx/) reads and writes zips." },
  { name: "docx", message: "docx is not part of the task pane's bundle." },
  { name: "zod", message: "zod is not part of the task pane's bundle." },
];

// Nothing that runs may import ExcelJS or JSZip (see the src/** block below).
const runtimeRestrictedPaths = [
  { name: "exceljs", message: "ExcelJS is a devDependency: the tests' oracle only." },
  { name: "jszip", message: "The package layer (src/workbook/xlsx/) reads and writes zips." },
];

// Hosts use the engine through its entry points only (src/engine/index.ts, and catalog.ts /
// checks.ts for what must load without the rest); any other path into src/engine is refused.
// test/build/engineEntryPoints.test.ts checks that every host folder is covered.
const engineEntryPattern = {
  regex: "(^|/)engine/(?!(index|catalog|checks)$).+",
  message:
    "Import the engine from its entry point (src/engine/index.ts; catalog.ts or checks.ts to load less): export what you need there.",
};
// Every folder of src/ but the engine itself is a host.
const engineHosts = ["src/**"];
const engineItself = ["src/engine/**"];

module.exports = [
  {
    ignores: [
      "node_modules/",
      "lib/",
      "dist/",
      "dist-wps/",
      "dist-offline/",
      "coverage/",
      "test-output/",
    ],
  },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    // The plugin's own parser import resolves to undefined with current typescript-eslint.
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2020 },
    // TypeScript itself checks names; no-undef cannot see types or globals from lib.dom.
    rules: { "no-undef": "off" },
  },
  {
    files: ["**/*.tsx"],
    plugins: { ...addinTypeScriptBlock.plugins, ...addinReactBlock.plugins },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    settings: { react: { version: "17.0" } },
    rules: {
      ...addinTypeScriptBlock.rules,
      ...addinReactBlock.rules,
      // Props are TypeScript interfaces, checked by tsc; runtime propTypes would only add weight.
      "react/prop-types": "off",
    },
  },
  {
    // ExcelJS and JSZip are the tests' tools (the oracle, package builders): nothing that runs
    // may import them. test/build/runtimeDependencies.test.ts checks the same.
    files: ["src/**"],
    rules: { "no-restricted-imports": ["error", { paths: runtimeRestrictedPaths }] },
  },
  {
    // A later block's options replace an earlier one's: the runtime paths are repeated here, and
    // the engine's entry pattern in every later block for host files.
    files: engineHosts,
    ignores: engineItself,
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: runtimeRestrictedPaths, patterns: [engineEntryPattern] },
      ],
    },
  },
  {
    // The task pane's first load must stay small: Fluent by component path, never its barrel,
    // and none of the libraries that only the CLI and file writers need.
    files: ["src/taskpane/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: taskpaneRestrictedPaths,
          // The xlsx adapter and the docx renderer bring fflate and docx: browser mode
          // fetches them with import() (src/taskpane/browser/browserTools.ts), which this rule
          // does not look at, so only a static import is refused.
          patterns: [
            engineEntryPattern,
            {
              regex: "(^|/)(workbook/xlsx|docx)/",
              message: "Load it with import() in src/taskpane/browser/browserTools.ts.",
            },
            {
              // It brings zod: a bureau's rule set file is checked only when one is imported.
              regex: "(^|/)engine/checks$",
              message: "Load it with import() in src/taskpane/browser/browserTools.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    // Browser mode's lazily loaded chunk itself: the one task-pane module that holds the adapter.
    files: ["src/taskpane/browser/browserFiles.ts", "src/taskpane/browser/zipFiles.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: taskpaneRestrictedPaths, patterns: [engineEntryPattern] },
      ],
    },
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
