// Babel serves jest now and the ES5 task-pane build later, so both see the same TypeScript.
module.exports = {
  presets: [["@babel/preset-env", { targets: { node: "current" } }], "@babel/preset-typescript"],
};
