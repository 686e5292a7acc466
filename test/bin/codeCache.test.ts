/**
 * bin/codeCache.js: a file loads with the cache made from it, and as usual without one, with a
 * cache of another content (same length: V8 itself checks only the length) or a damaged one.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

const codeCache = path.join(__dirname, "..", "..", "bin", "codeCache.js");

/** Runs node on a script that loads `module.js` of `dir` through the cache; prints its answer. */
function load(dir: string, record: boolean): string {
  const script =
    `const cache = require(${JSON.stringify(codeCache)}).useCodeCache(${JSON.stringify(dir)}, { record: ${record} });` +
    `const m = require(${JSON.stringify(path.join(dir, "module.js"))});` +
    `process.stdout.write(String(m.answer()) + " " + m.file + " " + cache.write().join(","));`;
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
}

describe("bin/codeCache.js", () => {
  it("uses a cache only for the very file it was made from", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "selfeval-code-cache-"));
    const file = path.join(dir, "module.js");
    writeFileSync(file, "exports.answer = () => 6 * 7; exports.file = __filename;");
    // Recorded: the module runs as usual and its cache is written.
    expect(load(dir, true)).toBe("42 " + file + " module.js");
    const cache = readFileSync(file + ".cache");
    expect(cache.subarray(0, 65).toString("latin1")).toMatch(/^[0-9a-f]{64}\n$/);
    // Loaded from the cache: nothing left to record.
    expect(load(dir, true)).toBe("42 " + file + " ");
    // Another content of the same length: the cache is not used (the file is compiled again).
    writeFileSync(file, "exports.answer = () => 6 * 8; exports.file = __filename;");
    expect(load(dir, true)).toBe("48 " + file + " module.js");
    // A damaged cache: V8 refuses it and the file loads as usual.
    const fresh = readFileSync(file + ".cache");
    writeFileSync(file + ".cache", Buffer.concat([fresh.subarray(0, 65), Buffer.alloc(64, 7)]));
    expect(load(dir, false)).toBe("48 " + file + " ");
  });

  it("uses the cache of a folder reached through a link (Node names modules by their real path)", () => {
    const real = mkdtempSync(path.join(tmpdir(), "selfeval-code-cache-real-"));
    const link = path.join(mkdtempSync(path.join(tmpdir(), "selfeval-code-cache-link-")), "lib");
    symlinkSync(real, link, "dir");
    writeFileSync(
      path.join(real, "module.js"),
      "exports.answer = () => 6 * 7; exports.file = __filename;"
    );
    const file = path.join(real, "module.js");
    expect(load(link, true)).toBe("42 " + file + " module.js");
    expect(load(link, true)).toBe("42 " + file + " ");
  });
});
