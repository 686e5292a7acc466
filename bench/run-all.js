// `npm run bench`: runs every benchmark in this folder one after another (each prints its own
// figures and targets) and fails when any of them misses its target.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const skip = new Set(["run-all.js", "peak-memory.js"]);
let worst = 0;
for (const name of fs.readdirSync(__dirname).sort()) {
  if (!name.endsWith(".js") || skip.has(name)) continue;
  console.log("— " + name);
  const run = spawnSync(process.execPath, [path.join(__dirname, name)], { stdio: "inherit" });
  worst = Math.max(worst, run.status === null ? 2 : run.status);
}
process.exitCode = worst;
