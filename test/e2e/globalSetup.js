// Runs once before the browser tests: finds the browser, then makes the production builds the
// tests load (dist/ with the offline file, dist-wps/). Without a browser the run fails under CI=true and is skipped (saying so) otherwise.
const { execFileSync } = require("child_process");
const path = require("path");
const { browserProblem } = require("./browserPath");

module.exports = async function globalSetup() {
  const problem = browserProblem();
  if (problem) {
    if (process.env.CI === "true") {
      throw new Error(
        problem + " CI=true: the browser tests must run. Install it (apt-get install chromium)."
      );
    }
    console.warn("\n" + problem + " Skipping the browser tests (CI=true would fail instead).");
    process.env.SELFEVAL_E2E_SKIP = problem;
    return;
  }
  if (process.env.E2E_SKIP_BUILD === "1") {
    console.log("\nE2E_SKIP_BUILD=1: testing the existing dist/.");
    return;
  }
  const started = Date.now();
  const root = path.join(__dirname, "..", "..");
  execFileSync("npx", ["webpack", "--mode", "production"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  // After the Excel build, which empties dist/: the offline file goes into dist/ too.
  for (const script of ["scripts/build-offline.js", "scripts/build-wps.js"])
    execFileSync("node", [script], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  console.log(
    "\nProduction builds for the browser tests (Excel, offline file, WPS): " +
      ((Date.now() - started) / 1000).toFixed(1) +
      " s"
  );
};
