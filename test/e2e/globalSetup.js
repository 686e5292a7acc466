// Runs once before the browser tests: finds the browser, then makes the production build the
// tests load. Without a browser the run fails under CI=true and is skipped (saying so) otherwise.
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
  execFileSync("npx", ["webpack", "--mode", "production"], {
    cwd: path.join(__dirname, "..", ".."),
    stdio: ["ignore", "ignore", "inherit"],
  });
  console.log(
    "\nProduction build for the browser tests: " + ((Date.now() - started) / 1000).toFixed(1) + " s"
  );
};
