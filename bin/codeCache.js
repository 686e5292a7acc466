"use strict";
// V8's code cache for the bundled command line (lib/selfeval/*.js): the build
// (scripts/build-code-cache.js, run by `npm run build:cli`) scores the examples once and keeps the
// compiled code of every function that ran beside each file (<file>.cache); a later process
// loads that instead of parsing and compiling the same code again (a third of a typical form's
// run). Nothing is written at run time. A cache is used only for the exact file it was made from
// (its SHA-256 is the cache's first line) and V8 itself refuses one from another Node version or
// other flags; without a usable cache a file loads as usual.
const crypto = require("crypto");
const fs = require("fs");
const Module = require("module");
const path = require("path");
const vm = require("vm");

/** The first line of a cache file: the hash of the source it was made from. */
function sourceHash(content) {
  return crypto.createHash("sha256").update(content).digest("hex");
}

function readCache(file, hash) {
  let bytes;
  try {
    bytes = fs.readFileSync(file + ".cache");
  } catch {
    return undefined;
  }
  const newline = bytes.indexOf(10);
  if (newline < 0 || bytes.subarray(0, newline).toString("latin1") !== hash) return undefined;
  return bytes.subarray(newline + 1);
}

/** A module's require, as Node makes it (resolve, cache and main are what bundles use). */
function requireFor(module) {
  const require = (id) => module.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, module, false, options);
  require.main = process.mainModule;
  require.cache = Module._cache;
  return require;
}

/**
 * Loads the .js files directly in `directory` through V8's code cache. With `record`, it keeps
 * each script compiled without a usable cache; `write()` then saves their caches (after a run, so
 * that the functions it ran are in them).
 */
function useCodeCache(directory, { record = false } = {}) {
  // Node names a module by its real path: a folder reached through a link (a linked install,
  // a copied tree of links) must be compared as its real path too, or no cache is ever used.
  let folder = path.resolve(directory);
  try {
    folder = fs.realpathSync(folder);
  } catch {
    // Not there: nothing in it will load through the cache anyway.
  }
  const recorded = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (path.dirname(filename) !== folder || !filename.endsWith(".js"))
      return compile.call(this, content, filename);
    const hash = sourceHash(content);
    const cachedData = readCache(filename, hash);
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (record && (cachedData === undefined || script.cachedDataRejected))
      recorded.push({ script, filename, hash });
    const wrapper = script.runInThisContext({ displayErrors: true });
    return wrapper.call(
      this.exports,
      this.exports,
      requireFor(this),
      this,
      filename,
      path.dirname(filename)
    );
  };
  return {
    write() {
      for (const { script, filename, hash } of recorded)
        fs.writeFileSync(
          filename + ".cache",
          Buffer.concat([Buffer.from(hash + "\n", "latin1"), script.createCachedData()])
        );
      return recorded.map(({ filename }) => path.basename(filename));
    },
  };
}

module.exports = { useCodeCache };
