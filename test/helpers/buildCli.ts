import { execFileSync } from "child_process";
import { mkdirSync, rmdirSync, statSync } from "fs";
import * as path from "path";

const root = path.join(__dirname, "..", "..");
const lock = path.join(root, "lib", ".build-cli-lock");
/** A lock older than this was left by a run that was killed; builds take seconds. */
const STALE_MS = 5 * 60 * 1000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds the command line as `npm ci` does (`npm run build:cli`: tsc into lib/, the bundle into
 * lib/selfeval/) for the tests that run bin/selfeval.js. Jest runs test files in parallel and
 * two builds writing lib/ at once could let one test start a half-written file, so the builds
 * take turns behind a lock folder (mkdir is atomic).
 */
export function buildCli(): void {
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_MS) rmdirSync(lock);
      } catch {
        // Released between the two calls: try again.
      }
      sleep(200);
    }
  }
  try {
    execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: root, stdio: "inherit" });
  } finally {
    rmdirSync(lock);
  }
}
