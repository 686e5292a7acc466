// Keeps V8's compiled code for the bundled command line (part of `npm run build:cli`, after
// webpack): scores, inspects and batches the examples once in this process, with every file of
// lib/selfeval/ loaded through bin/codeCache.js in record mode, then writes <file>.cache beside
// each. (The batch's worker threads load batchWorker.js as usual: over a batch, a cache made no
// measurable difference to them.)
// A run that fails leaves no cache and fails the build: the command must work before it is kept.
const fs = require("fs");
const os = require("os");
const path = require("path");
const { useCodeCache } = require("../bin/codeCache.js");

const root = path.join(__dirname, "..");
const bundle = path.join(root, "lib", "selfeval");
const examples = path.join(root, "assets", "examples");

(async () => {
  const cache = useCodeCache(bundle, { record: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-code-cache-"));
  const quiet = { stdout: () => undefined, stderr: (text) => process.stderr.write(text + "\n") };
  try {
    const { main } = require(path.join(bundle, "cli.js"));
    const files = fs.readdirSync(examples).filter((name) => name.endsWith(".xlsx"));
    for (const [i, name] of files.entries()) {
      const input = path.join(examples, name);
      const out = (extension) => path.join(work, i + extension);
      const runs = [
        // --docx too: the .docx chunk is the largest, and the README's first command writes one.
        [
          "score",
          input,
          "--out",
          out(".xlsx"),
          "--json",
          out(".json"),
          "--narrative",
          out(".md"),
          "--docx",
          out(".docx"),
        ],
        ["inspect", input, "--json", out(".inspect.json")],
      ];
      for (const argv of runs) {
        const code = await main(argv, quiet);
        if (code === 2) throw new Error("selfeval " + argv.join(" ") + " failed");
      }
    }
    if ((await main(["rules"], quiet)) !== 0) throw new Error("selfeval rules failed");
    const batch = ["batch", examples, "--json", path.join(work, "汇总.json"), "--jobs", "1"];
    if ((await main(batch, quiet)) === 2) throw new Error("selfeval batch failed");
    console.log("code cache: " + cache.write().join(", "));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
