// Benchmark: `selfeval batch` over 200 typical forms (20–40 indicators each, project and
// department forms, one row in ten with a problem) on two worker threads, against scoring one of
// them alone in a fresh process (`selfeval score f --out o --json j`). Target: the 200 take no
// longer than 6× the one. Prints the per-form time and the batch's peak memory.
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");

const FORMS = Number(process.env.BENCH_FORMS || 200);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const JOBS = Number(process.env.BENCH_JOBS || 2);
const TARGET = 6;
const root = path.join(__dirname, "..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-bench-batch-"));
const folder = path.join(work, "forms");

/** A small generator that gives the same forms every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

async function writeForm(file, index) {
  const next = random(index + 1);
  const indicators = 20 + Math.floor(next() * 21);
  const department = index % 5 === 0;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(department ? "部门整体支出绩效自评表" : "项目支出绩效自评表");
  sheet.addRow([department ? "2024年度部门整体支出绩效自评表" : "项目支出绩效自评表（2024年度）"]);
  sheet.mergeCells("A1:H1");
  if (department) sheet.addRow(["部门名称：基准测试局" + index]);
  else {
    sheet.addRow(["项目名称：基准项目" + index, null, null, null, "实施单位：基准测试局" + index]);
    const budget = Math.round(50 + next() * 1500);
    const executed = Math.round(budget * (0.7 + next() * 0.3));
    sheet.addRow([
      "项目资金（万元）",
      null,
      "年初预算数",
      "全年预算数",
      "全年执行数",
      "分值",
      "执行率",
      "得分",
    ]);
    sheet.addRow(["年度资金总额", null, budget, budget, executed, 10, null, null]);
  }
  sheet.addRow(
    department
      ? [
          "一级指标",
          "二级指标",
          "三级指标",
          "分值",
          "年度指标值",
          "实际完成值",
          "自评得分",
          "偏差原因分析及改进措施",
        ]
      : [
          "一级指标",
          "二级指标",
          "三级指标",
          "年度指标值",
          "实际完成值",
          "分值",
          "得分",
          "偏差原因分析及改进措施",
        ]
  );
  const total = department ? 100 : 90;
  const weight = Math.round((total / indicators) * 100) / 100;
  const weights = Array.from({ length: indicators }, () => weight);
  weights[indicators - 1] = Math.round((total - weight * (indicators - 1)) * 100) / 100;
  const first = sheet.rowCount + 1;
  for (let i = 0; i < indicators; i++) {
    const level1 = department
      ? i < indicators / 2
        ? "履职效能"
        : "管理效能"
      : ["产出指标", "效益指标", "满意度指标"][Math.min(2, Math.floor((i * 3) / indicators))];
    const level2 = "二级指标" + Math.floor(i / 5);
    const kind = (i + index) % 10;
    let target = "≥95%";
    let actual = 95 + (i % 5) + "%";
    let score = weights[i];
    let reason = null;
    if (kind === 3)
      actual = null; // missing actual
    else if (kind === 6) {
      actual = "90%";
      score = Math.round(weights[i] * (90 / 95) * 100) / 100;
      reason = null; // lost points without a reason
    } else if (kind === 8) {
      target = "按要求开展";
      actual = "按要求开展";
    }
    const values = department
      ? [level1, level2, "指标" + i, weights[i], target, actual, score, reason]
      : [level1, level2, "指标" + i, target, actual, weights[i], score, reason];
    sheet.addRow(values);
  }
  const last = sheet.rowCount;
  const scoreColumn = department ? "G" : "G";
  const maxColumn = department ? "D" : "F";
  sheet.addRow(
    department
      ? [
          "合计",
          null,
          null,
          { formula: `SUM(${maxColumn}${first}:${maxColumn}${last})`, result: total },
          null,
          null,
          { formula: `SUM(${scoreColumn}${first}:${scoreColumn}${last})` },
        ]
      : [
          "合计",
          null,
          null,
          null,
          null,
          { formula: `SUM(${maxColumn}${first}:${maxColumn}${last})`, result: total },
          { formula: `SUM(${scoreColumn}${first}:${scoreColumn}${last})` },
        ]
  );
  await workbook.xlsx.writeFile(file);
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
    if (child.status !== 0 && child.status !== 1)
      throw new Error("benchmark command failed (" + child.status + "): " + child.stderr);
    const result = { seconds, peakMiB: peak ? Number(peak[1]) / 1024 : NaN };
    if (!best || result.seconds < best.seconds) best = result;
  }
  return best;
}

(async () => {
  fs.mkdirSync(folder);
  for (let i = 0; i < FORMS; i++)
    await writeForm(path.join(folder, "单位" + String(i + 1).padStart(3, "0") + ".xlsx"), i);
  const one = path.join(folder, "单位002.xlsx");
  const single = timed([
    path.join(root, "bin", "selfeval.js"),
    "score",
    one,
    "--out",
    path.join(work, "one.xlsx"),
    "--json",
    path.join(work, "one.json"),
  ]);
  const batch = timed([
    path.join(root, "bin", "selfeval.js"),
    "batch",
    folder,
    "--out",
    path.join(work, "汇总.xlsx"),
    "--json",
    path.join(work, "汇总.json"),
    "--jobs",
    String(JOBS),
    "--quiet",
  ]);
  const summary = JSON.parse(fs.readFileSync(path.join(work, "汇总.json"), "utf8"));
  const ratio = batch.seconds / single.seconds;
  const ok = ratio <= TARGET && summary.totals.scored === FORMS;
  console.log(
    "batch: " +
      FORMS +
      " forms (" +
      summary.totals.forms +
      " scored), --jobs " +
      JOBS +
      ", " +
      os.cpus().length +
      " cores (best of " +
      RUNS +
      " runs)"
  );
  console.log(
    "one form alone       : " +
      single.seconds.toFixed(2) +
      " s, peak " +
      single.peakMiB.toFixed(0) +
      " MiB"
  );
  console.log(
    "selfeval batch       : " +
      batch.seconds.toFixed(2) +
      " s, peak " +
      batch.peakMiB.toFixed(0) +
      " MiB, " +
      ((batch.seconds / FORMS) * 1000).toFixed(1) +
      " ms per form"
  );
  console.log(
    "ratio                : " +
      ratio.toFixed(2) +
      " (target ≤ " +
      TARGET +
      ") " +
      (ok ? "met" : "MISSED")
  );
  fs.rmSync(work, { recursive: true, force: true });
  process.exitCode = ok ? 0 : 1;
})().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
