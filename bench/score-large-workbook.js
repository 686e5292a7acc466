// Benchmark (npm run bench). Three figures, each against its target, and the hostile files:
//
//  1. 20,000 indicators: `selfeval score --out --json` against a Node process that only reads the
//     same file with ExcelJS. Targets: time ≤ 1.0× (stretch 0.7×), peak memory ≤ ExcelJS's.
//  2. A typical form (30 indicators): the same, each run a fresh process. Target: ≤ 0.5×.
//  3. Browser mode: the code fetched before the first score, beyond the pane itself, gzipped,
//     from a production build. Target: ≤ 120 KiB. (BENCH_BROWSER=0 skips the build.)
//  4. Each hostile file (bench/hostileWorkbooks.js): refused with exit 2 within 5 s and 1 GiB.
//
// Times are the best of BENCH_RUNS runs (default 3); ExcelJS and selfeval run alternately so that
// both see the same load. The process exits non-zero when a target is missed.
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const ExcelJS = require("exceljs");
const { hostileWorkbooks } = require("./hostileWorkbooks");

const INDICATORS = Number(process.env.BENCH_INDICATORS || 20000);
const TYPICAL_INDICATORS = 30;
const RUNS = Number(process.env.BENCH_RUNS || 3);
const root = path.join(__dirname, "..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-bench-"));

async function buildWorkbook(file, indicators) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("部门整体支出绩效自评表");
  sheet.addRow(["2024年度部门整体支出绩效自评表"]);
  sheet.mergeCells("A1:H1");
  sheet.addRow(["部门名称：基准测试局"]);
  sheet.addRow([
    "一级指标",
    "二级指标",
    "三级指标",
    "分值",
    "年度指标值",
    "实际完成值",
    "自评得分",
    "偏差原因分析及改进措施",
  ]);
  const weight = 100 / indicators;
  for (let i = 0; i < indicators; i++) {
    const level1 = i < indicators / 2 ? "履职效能" : "管理效能";
    const firstOfLevel1 = i === 0 || i === Math.ceil(indicators / 2);
    const level2 = "工作任务" + Math.floor(i / 10);
    // About one row in ten has a problem: kinds 3 and 13 of every 20.
    const kind = i % 20;
    let row;
    if (kind === 3)
      row = ["指标" + i, weight, "≥95%", null, null, null]; // missing actual and score
    else if (kind === 7)
      row = ["指标" + i, weight, "≥100个", "完成", weight, null]; // not a number
    else if (kind === 5) row = ["指标" + i, weight, "按要求开展", "按要求开展", weight, null];
    else row = ["指标" + i, weight, "≥95%", 96 + (i % 4) + "%", weight, null];
    sheet.addRow([firstOfLevel1 ? level1 : null, i % 10 === 0 ? level2 : null, ...row]);
  }
  const last = indicators + 3;
  sheet.addRow([
    "合计",
    null,
    null,
    { formula: "SUM(D4:D" + last + ")", result: 100 },
    null,
    null,
    { formula: "SUM(G4:G" + last + ")" },
  ]);
  await workbook.xlsx.writeFile(file);
}

/** One run of a Node process: wall time, peak resident memory, exit code, stderr. */
function run(args, nodeOptions = []) {
  const started = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    [...nodeOptions, "-r", path.join(__dirname, "peak-memory.js"), ...args],
    { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peak = /peak-rss-kib (\d+)/.exec(child.stderr);
  return {
    seconds,
    peakMiB: peak ? Number(peak[1]) / 1024 : NaN,
    status: child.status,
    stderr: child.stderr.replace(/peak-rss-kib \d+\n?/, ""),
  };
}

const excelJsRead = (file) => [
  "-e",
  "new (require('exceljs').Workbook)().xlsx.readFile(process.argv[1]).catch(e=>{console.error(e);process.exit(3)})",
  file,
];

const selfevalScore = (file, directory = work) => [
  path.join(root, "bin", "selfeval.js"),
  "score",
  file,
  "--out",
  path.join(directory, "out.xlsx"),
  "--json",
  path.join(directory, "report.json"),
];

/** Best of RUNS for both commands, run alternately; throws when one fails. */
function compare(file) {
  let exceljs = null;
  let selfeval = null;
  for (let i = 0; i < RUNS; i++) {
    const a = run(excelJsRead(file));
    if (a.status !== 0) throw new Error("ExcelJS read failed: " + a.stderr);
    const b = run(selfevalScore(file));
    if (b.status !== 0 && b.status !== 1) throw new Error("selfeval failed: " + b.stderr);
    if (!exceljs || a.seconds < exceljs.seconds) exceljs = a;
    if (!selfeval || b.seconds < selfeval.seconds) selfeval = b;
  }
  return { exceljs, selfeval, ratio: selfeval.seconds / exceljs.seconds };
}

const kib = (bytes) => (bytes / 1024).toFixed(1) + " KiB";
const verdict = (ok) => (ok ? "met" : "MISSED");

/** What browser mode fetches before its first score, from a production build's stats. */
function browserFirstScore() {
  const statsFile = path.join(work, "stats.json");
  const build = spawnSync("npx", ["webpack", "--mode", "production", "--json", statsFile], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) throw new Error("webpack failed: " + build.stderr);
  const stats = JSON.parse(fs.readFileSync(statsFile, "utf8"));
  const pane = new Set(stats.entrypoints.taskpane.chunks.map(String));
  const group = new Set(stats.namedChunkGroups["browser-files"].chunks.map(String));
  const files = stats.chunks
    .filter((chunk) => group.has(String(chunk.id)) && !pane.has(String(chunk.id)))
    .flatMap((chunk) => chunk.files || [])
    .filter((file) => file.endsWith(".js"));
  const sizes = files.map((file) => {
    const bytes = fs.readFileSync(path.join(root, "dist", file));
    return { file, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  });
  return { sizes, gzip: sizes.reduce((sum, size) => sum + size.gzip, 0) };
}

(async () => {
  const results = [];
  console.log(
    "Node " +
      process.version +
      ", " +
      os.cpus().length +
      " cores, load " +
      os.loadavg()[0].toFixed(1)
  );

  // 1. The large workbook.
  const large = path.join(work, "large.xlsx");
  await buildWorkbook(large, INDICATORS);
  const big = compare(large);
  const report = JSON.parse(fs.readFileSync(path.join(work, "report.json"), "utf8"));
  console.log(
    "\n1. " +
      INDICATORS +
      " indicators (" +
      kib(fs.statSync(large).size) +
      ", " +
      report.problems.length +
      " problems), best of " +
      RUNS
  );
  console.log(
    "   ExcelJS read only       : " +
      big.exceljs.seconds.toFixed(2) +
      " s, peak " +
      big.exceljs.peakMiB.toFixed(0) +
      " MiB"
  );
  console.log(
    "   selfeval --out --json   : " +
      big.selfeval.seconds.toFixed(2) +
      " s, peak " +
      big.selfeval.peakMiB.toFixed(0) +
      " MiB"
  );
  const bigOk = big.ratio <= 1.0;
  const memoryOk = big.selfeval.peakMiB <= big.exceljs.peakMiB;
  console.log(
    "   time ratio              : " +
      big.ratio.toFixed(2) +
      " (target ≤ 1.0, stretch 0.7) " +
      verdict(bigOk) +
      (big.ratio <= 0.7 ? ", stretch met" : "")
  );
  console.log(
    "   peak memory             : " +
      big.selfeval.peakMiB.toFixed(0) +
      " MiB against " +
      big.exceljs.peakMiB.toFixed(0) +
      " MiB (target ≤ ExcelJS's) " +
      verdict(memoryOk)
  );
  results.push(bigOk, memoryOk);

  // 2. A typical form.
  const typical = path.join(work, "typical.xlsx");
  await buildWorkbook(typical, TYPICAL_INDICATORS);
  const small = compare(typical);
  const smallOk = small.ratio <= 0.5;
  console.log(
    "\n2. a typical form (" +
      TYPICAL_INDICATORS +
      " indicators), fresh process each, best of " +
      RUNS
  );
  console.log("   ExcelJS read only       : " + small.exceljs.seconds.toFixed(3) + " s");
  console.log("   selfeval --out --json   : " + small.selfeval.seconds.toFixed(3) + " s");
  console.log(
    "   time ratio              : " + small.ratio.toFixed(2) + " (target ≤ 0.5) " + verdict(smallOk)
  );
  results.push(smallOk);

  // 3. Browser mode.
  if (process.env.BENCH_BROWSER !== "0") {
    const browser = browserFirstScore();
    const browserOk = browser.gzip <= 120 * 1024;
    console.log(
      "\n3. browser mode, fetched before the first score beyond the pane (production build)"
    );
    for (const size of browser.sizes)
      console.log(
        "   " +
          size.file.padEnd(28) +
          kib(size.raw).padStart(11) +
          " raw, " +
          kib(size.gzip) +
          " gzip"
      );
    console.log(
      "   total                   : " +
        kib(browser.gzip) +
        " gzip (target ≤ 120 KiB) " +
        verdict(browserOk)
    );
    results.push(browserOk);
  } else console.log("\n3. browser mode: skipped (BENCH_BROWSER=0)");

  // 4. Hostile files.
  console.log(
    "\n4. hostile files, refused (target: exit 2 within 5 s and 1 GiB, one line, no stack trace)"
  );
  for (const file of hostileWorkbooks()) {
    const directory = fs.mkdtempSync(path.join(work, "hostile-"));
    const input = path.join(directory, file.name);
    fs.writeFileSync(input, file.bytes);
    const outcome = run(selfevalScore(input, directory));
    const lines = outcome.stderr.trim().split("\n");
    const ok =
      outcome.status === 2 &&
      outcome.seconds <= 5 &&
      outcome.peakMiB < 1024 &&
      lines.length === 1 &&
      file.message.test(lines[0]) &&
      fs.readdirSync(directory).length === 1; // nothing written beside the input
    console.log(
      "   " +
        file.name.padEnd(28) +
        (kib(file.bytes.length) + ",").padEnd(12) +
        outcome.seconds.toFixed(2) +
        " s, peak " +
        outcome.peakMiB.toFixed(0).padStart(4) +
        " MiB, exit " +
        outcome.status +
        " " +
        verdict(ok) +
        (ok ? "" : ": " + outcome.stderr.trim())
    );
    results.push(ok);
  }

  fs.rmSync(work, { recursive: true, force: true });
  process.exitCode = results.every(Boolean) ? 0 : 1;
})().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
