// Where the browser tests find Chromium: CHROMIUM_PATH, or Debian's package (apt-get install chromium).
const fs = require("fs");

const DEFAULT_CHROMIUM = "/usr/bin/chromium";

function chromiumPath() {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

/** Why the browser tests cannot run here, or null when they can. */
function browserProblem() {
  const file = chromiumPath();
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return null;
  } catch {
    return "No Chromium at " + file + " (set CHROMIUM_PATH to use another).";
  }
}

module.exports = { chromiumPath, browserProblem };
