#!/usr/bin/env node
"use strict";
// The CLI is built from src/ into lib/selfeval/ by `npm ci` (the "prepare" script, see
// webpack.cli.config.js): one file per command instead of about 150 small modules, so a fresh
// process starts sooner. Nothing generated is committed.
let cli;
try {
  // Compiled code kept by the build, when it fits this Node and these files (bin/codeCache.js).
  require("./codeCache.js").useCodeCache(require("path").join(__dirname, "..", "lib", "selfeval"));
  cli = require("../lib/selfeval/cli.js");
} catch (error) {
  // Only a bundle that is not there means "not built"; any other failure keeps its own cause.
  const missing =
    error &&
    error.code === "MODULE_NOT_FOUND" &&
    /lib[\\/]selfeval[\\/]cli\.js/.test(String(error.message));
  process.stderr.write(
    missing
      ? "selfeval 尚未构建：请先在项目目录运行 npm ci（或 npm run build:cli）。\n"
      : "selfeval 无法启动：" +
          String(error && error.message).split("\n")[0] +
          "（可运行 npm run build:cli 重新构建）\n"
  );
  process.exit(2);
}
// A closed pipe (selfeval … | head) ends the output, not the run: the files are written already.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
});
// A closed stderr leaves nothing to say a failure on; the exit code still tells it.
process.stderr.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
});
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
