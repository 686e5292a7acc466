// Benchmark: scores a generated 20,000-indicator workbook with the CLI (--out and --json) and
// compares its wall-clock time and peak memory with a Node process that only reads the same
// file with ExcelJS. Targets: ratio ≤ 2, peak memory under 1 GiB.
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");

const INDICATORS = Number(process.env.BENCH_INDICATORS || 20000);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const root = path.join(__dirname, "..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-bench-"));
const input = path.join(work, "large.xlsx");

async function buildWorkbook() {
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
  const weight = 100 / INDICATORS;
  for (let i = 0; i < INDICATORS; i++) {
    const level1 = i < INDICATORS / 2 ? "履职效能" : "管理效能";
    const firstOfLevel1 = i === 0 || i === INDICATORS / 2;
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
  const last = INDICATORS + 3;
  sheet.addRow([
    "合计",
    null,
    null,
    { formula: "SUM(D4:D" + last + ")", result: 100 },
    null,
    null,
    { formula: "SUM(G4:G" + last + ")" },
  ]);
  await workbook.xlsx.writeFile(input);
}

function timed(args) {
  let best = null;
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    const child = spawnSync(
      process.execPath,
      ["-r", path.join(__dirname, "peak-memory.js"), ...args],
      {
        cwd: root,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      }
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const peak = /peak-rss-kib (\d+)/.exec(child.stderr);
    if (child.status !== 0 && child.status !== 1) {
      throw new Error("benchmark command failed (" + child.status + "): " + child.stderr);
    }
    const result = { seconds, peakMiB: peak ? Number(peak[1]) / 1024 : NaN };
    if (!best || result.seconds < best.seconds) best = result;
  }
  return best;
}

(async () => {
  await buildWorkbook();
  const size = fs.statSync(input).size;
  const readOnly = timed([
    "-e",
    "new (require('exceljs').Workbook)().xlsx.readFile(process.argv[1]).catch(e=>{console.error(e);process.exit(3)})",
    input,
  ]);
  const scored = timed([
    path.join(root, "bin", "selfeval.js"),
    "score",
    input,
    "--out",
    path.join(work, "out.xlsx"),
    "--json",
    path.join(work, "report.json"),
  ]);
  const ratio = scored.seconds / readOnly.seconds;
  const report = JSON.parse(fs.readFileSync(path.join(work, "report.json"), "utf8"));
  console.log(
    "workbook: " +
      INDICATORS +
      " indicators, " +
      (size / 1024).toFixed(0) +
      " KiB, " +
      report.problems.length +
      " problems (best of " +
      RUNS +
      " runs)"
  );
  console.log(
    "ExcelJS read only : " +
      readOnly.seconds.toFixed(2) +
      " s, peak " +
      readOnly.peakMiB.toFixed(0) +
      " MiB"
  );
  console.log(
    "selfeval score    : " +
      scored.seconds.toFixed(2) +
      " s, peak " +
      scored.peakMiB.toFixed(0) +
      " MiB"
  );
  const ratioOk = ratio <= 2;
  const memoryOk = scored.peakMiB < 1024;
  console.log(
    "ratio             : " + ratio.toFixed(2) + " (target ≤ 2) " + (ratioOk ? "met" : "MISSED")
  );
  console.log("memory            : " + (memoryOk ? "under 1 GiB, met" : "1 GiB or more, MISSED"));
  fs.rmSync(work, { recursive: true, force: true });
  process.exitCode = ratioOk && memoryOk ? 0 : 1;
})().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
