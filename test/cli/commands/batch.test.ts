import { spawnSync } from "child_process";
import { createHash } from "crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { UsageFailure } from "../../../src/cli/cliIo";
import { runBatch, type BatchEnvironment } from "../../../src/cli/commands/batch";
import { main } from "../../../src/cli/main";
import { summarySchema, type SummaryJson } from "../../../src/engine/batch/summarySchema";
import { reportSchema } from "../../../src/engine/report/schema";
import { buildCli } from "../../helpers/buildCli";
import { compoundFile } from "../../helpers/compoundFile";

const fixtures = path.join(__dirname, "..", "..", "fixtures");
const DEPARTMENT = path.join(fixtures, "department-education-2024.xlsx");
const PROJECT_WITH_ERRORS = path.join(fixtures, "project-school-safety-2024.xlsx");
const MULTI = path.join(fixtures, "layouts", "multi-project-sheets.xlsx");
const SUBTOTALS = path.join(fixtures, "layouts", "project-subtotals.xlsx");
const INSTRUCTIONS = path.join(fixtures, "layouts", "instructions-only.xlsx");

function scratch(): string {
  return mkdtempSync(path.join(tmpdir(), "selfeval-batch-"));
}

/** A reviewer's folder: good forms, a bad one, an encrypted file, a text file, an .xls and a form-less workbook. */
function reviewFolder(): string {
  const root = scratch();
  const folder = path.join(root, "收到的自评表");
  mkdirSync(path.join(folder, "教育局", "项目"), { recursive: true });
  copyFileSync(DEPARTMENT, path.join(folder, "教育局", "部门整体.xlsx"));
  copyFileSync(MULTI, path.join(folder, "教育局", "项目", "三个项目.xlsx"));
  copyFileSync(PROJECT_WITH_ERRORS, path.join(folder, "校园安全.xlsx"));
  writeFileSync(
    path.join(folder, "加密.xlsx"),
    compoundFile(["EncryptionInfo", "EncryptedPackage"])
  );
  writeFileSync(path.join(folder, "说明.txt"), "请各单位于3月底前报送。");
  writeFileSync(path.join(folder, "卫健局.xls"), compoundFile(["Workbook"]));
  copyFileSync(INSTRUCTIONS, path.join(folder, "填表说明.xlsx"));
  return folder;
}

/** Stands in for LibreOffice: "converts" any old file into the 小计 example. */
const fakeConverter = async (input: string, outputFolder: string) => {
  const out = path.join(outputFolder, path.basename(input, path.extname(input)) + ".xlsx");
  copyFileSync(SUBTOTALS, out);
  return out;
};

function environment(over: Partial<BatchEnvironment> = {}): BatchEnvironment {
  return {
    cores: () => 1,
    workerScript: () => null,
    converter: async () => fakeConverter,
    progress: null,
    onInterrupt: () => () => undefined,
    ...over,
  };
}

/** Runs the command as main does: a UsageFailure is exit code 2 and its sentence on stderr. */
async function batch(argv: string[], env: BatchEnvironment = environment()) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  let code: number;
  try {
    code = await runBatch(
      argv,
      { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t) },
      env
    );
  } catch (error) {
    if (!(error instanceof UsageFailure)) throw error;
    stderr.push(error.message);
    code = 2;
  }
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

function readJson(file: string): SummaryJson {
  return summarySchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

/** Every file under a folder with the hash of its bytes. */
function snapshot(folder: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        result[path.relative(folder, full)] = createHash("sha256")
          .update(readFileSync(full))
          .digest("hex");
    }
  };
  walk(folder);
  return result;
}

describe("selfeval batch over a reviewer's folder", () => {
  it("accounts for every file: scored, failed, skipped, and the non-workbook counted as ignored", async () => {
    const folder = reviewFolder();
    const out = path.join(path.dirname(folder), "汇总.xlsx");
    const json = path.join(path.dirname(folder), "汇总.json");
    const before = snapshot(folder);
    const result = await batch([folder, "--out", out, "--json", json]);
    expect(result.stderr).toBe("");
    // A form with errors and a file that could not be opened make exit code 1.
    expect(result.code).toBe(1);
    const summary = readJson(json);
    expect(summary.files.map((file) => [file.file, file.status, file.forms.length])).toEqual([
      ["加密.xlsx", "failed", 0],
      ["卫健局.xls", "scored", 1],
      ["填表说明.xlsx", "skipped", 0],
      ["教育局/部门整体.xlsx", "scored", 1],
      ["教育局/项目/三个项目.xlsx", "scored", 3],
      ["校园安全.xlsx", "scored", 1],
    ]);
    expect(summary.files[0].message).toBe(
      "工作簿已加密，请先取消密码再评分（Excel：文件 › 信息 › 保护工作簿 › 用密码进行加密，清空密码后保存）。"
    );
    expect(summary.files[1].message).toBe("旧版 .xls 格式，已由 LibreOffice 转换为 .xlsx 后评分。");
    expect(summary.files[2].message).toContain("未找到绩效指标表");
    expect(summary.totals).toEqual({
      files: 6,
      scored: 4,
      forms: 6,
      failed: 1,
      skipped: 1,
      ignored: 1,
      // 部门整体 98.36, 小计 example 96.98, 三个项目 100 / 89.67 / 90.5, 校园安全 88.53
      byRating: { 优: 4, 良: 2 },
    });
    expect(result.stdout).toContain("[无法打开] 加密.xlsx　工作簿已加密");
    expect(result.stdout).toContain("另有非表格文件 1 个未列入");
    expect(result.stdout).toContain("已写出汇总工作簿：" + out);
    // Inputs are never touched.
    expect(snapshot(folder)).toEqual(before);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet("汇总表")!;
    // 6 forms, 2 files without one, the header and the total row.
    expect(sheet.rowCount).toBe(10);
  });

  it.each([[[] as string[]], [["--rules", "yitihua"]]])(
    "gives each form the numbers selfeval score reports for its file alone (%j)",
    async (rules) => {
      const folder = reviewFolder();
      const dir = path.dirname(folder);
      const json = path.join(dir, "汇总.json");
      await batch([folder, "--json", json, ...rules]);
      const summary = readJson(json);
      for (const file of summary.files.filter((entry) => entry.status === "scored")) {
        if (file.file.endsWith(".xls")) continue;
        const single = path.join(dir, "single.json");
        const code = await main(
          ["score", path.join(folder, ...file.file.split("/")), "--json", single, ...rules],
          { stdout: () => undefined, stderr: () => undefined }
        );
        const report = reportSchema.parse(JSON.parse(readFileSync(single, "utf8")));
        expect(code).toBe(report.problems.some((p) => p.severity === "error") ? 1 : 0);
        expect(file.forms).toHaveLength(report.forms.length);
        file.forms.forEach((form, index) => {
          const alone = report.forms[index];
          expect(form).toMatchObject({
            sheet: alone.sheet,
            title: alone.title,
            unitName: alone.unitName,
            projectName: alone.projectName,
            kind: alone.profile,
            year: alone.year,
            total: alone.total,
            rating: alone.rating,
          });
          expect(form.budget).toEqual(
            alone.budget
              ? expect.objectContaining({
                  budget: alone.budget.amounts.budget,
                  executed: alone.budget.amounts.executed,
                  rate: alone.budget.rate,
                })
              : null
          );
          const own = report.problems.filter((p) => p.sheet === alone.sheet);
          expect(form.errors).toBe(own.filter((p) => p.severity === "error").length);
          expect(form.warnings).toBe(own.filter((p) => p.severity === "warning").length);
        });
      }
    }
  );

  it("lists an old-format file as skipped with 请另存为 .xlsx when LibreOffice is not there", async () => {
    const folder = reviewFolder();
    const json = path.join(path.dirname(folder), "s.json");
    await batch([folder, "--json", json], environment({ converter: async () => null }));
    const old = readJson(json).files.find((file) => file.file === "卫健局.xls")!;
    expect(old.status).toBe("skipped");
    expect(old.message).toBe(
      "旧版 .xls 格式，本机未安装 LibreOffice，无法自动转换：请另存为 .xlsx 后再评分。"
    );
  });

  it("lists a file LibreOffice could not convert as skipped, with why", async () => {
    const folder = reviewFolder();
    const json = path.join(path.dirname(folder), "s.json");
    const failing = async () => {
      throw new Error("转换超时");
    };
    await batch([folder, "--json", json], environment({ converter: async () => failing }));
    const old = readJson(json).files.find((file) => file.file === "卫健局.xls")!;
    expect(old).toMatchObject({ status: "skipped", forms: [] });
    expect(old.message).toContain("LibreOffice 未能把它转换为 .xlsx（转换超时）");
  });

  it("says a password is why an old .xls could not be converted, as it says for an .xlsx", async () => {
    const folder = scratch();
    copyFileSync(
      path.join(fixtures, "legacy", "password-123.xls"),
      path.join(folder, "有密码的旧表.xls")
    );
    copyFileSync(path.join(fixtures, "legacy", "plain.xls"), path.join(folder, "旧表.xls"));
    // One form that scores: a batch that scores nothing writes nothing.
    copyFileSync(DEPARTMENT, path.join(folder, "部门整体.xlsx"));
    const json = path.join(scratch(), "s.json");
    // LibreOffice gives up on an encrypted .xls without saying why.
    const failing = async () => {
      throw new Error("没有生成 .xlsx 文件");
    };
    await batch([folder, "--json", json], environment({ converter: async () => failing }));
    const files = readJson(json).files;
    expect(files.find((file) => file.file === "有密码的旧表.xls")).toMatchObject({
      status: "failed",
      message:
        "旧版 .xls 工作簿已加密（设有打开密码），无法自动转换：请在 Excel 或 WPS 中用密码打开，取消密码并另存为 .xlsx 后再评分。",
    });
    expect(files.find((file) => file.file === "旧表.xls")!.message).toContain(
      "LibreOffice 未能把它转换为 .xlsx（没有生成 .xlsx 文件）"
    );
  });

  it("words an encrypted .xlsx as selfeval score does", async () => {
    const folder = scratch();
    const file = path.join(folder, "加密.xlsx");
    writeFileSync(file, compoundFile(["EncryptionInfo", "EncryptedPackage"]));
    const json = path.join(scratch(), "s.json");
    await batch([file, DEPARTMENT, "--json", json]);
    const said: string[] = [];
    const score = await main(["score", file], {
      stdout: () => undefined,
      stderr: (t) => said.push(t),
    });
    expect(score).toBe(2);
    expect(said.join("")).toBe(
      "无法读取 " + file + "：" + readJson(json).files.find((entry) => entry.file === file)!.message
    );
  });

  it("writes each scored copy and 自评表说明 under the folders, mirrored, and links the problems into them", async () => {
    const folder = reviewFolder();
    const dir = path.dirname(folder);
    const out = path.join(dir, "汇总.xlsx");
    const scored = path.join(dir, "scored");
    const docx = path.join(dir, "说明");
    const result = await batch([
      folder,
      "--out",
      out,
      "--scored-dir",
      scored,
      "--docx-dir",
      docx,
      "--docx-report",
      path.join(dir, "汇总分析报告.docx"),
    ]);
    expect(result.code).toBe(1);
    expect(Object.keys(snapshot(scored)).sort()).toEqual(
      [
        "卫健局.xlsx",
        path.join("教育局", "部门整体.xlsx"),
        path.join("教育局", "项目", "三个项目.xlsx"),
        "校园安全.xlsx",
      ].sort()
    );
    expect(Object.keys(snapshot(docx)).sort()).toEqual(
      [
        "卫健局-自评表说明.docx",
        path.join("教育局", "部门整体-自评表说明.docx"),
        path.join("教育局", "项目", "三个项目-自评表说明.docx"),
        "校园安全-自评表说明.docx",
      ].sort()
    );
    expect(existsSync(path.join(dir, "汇总分析报告.docx"))).toBe(true);
    // No staging folder is left behind.
    expect(readdirSync(scored).some((name) => name.startsWith(".selfeval"))).toBe(false);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const problems = workbook.getWorksheet("问题清单")!;
    let link = { text: "", hyperlink: "" };
    problems.eachRow((row) => {
      const value = row.getCell(4).value as { hyperlink?: string } | null;
      if (!link.hyperlink && value && value.hyperlink) link = value as typeof link;
    });
    expect(link.hyperlink).toMatch(/^scored\/.+\.xlsx#'.+'!\w+\d+$/);
    const target = decodeURI(link.hyperlink.split("#")[0]);
    expect(existsSync(path.join(dir, target))).toBe(true);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(dir, target));
    expect(copy.worksheets.map((sheet) => sheet.name)).toContain("评分结果");
  });

  it("exits 0 when every file scored without errors", async () => {
    const folder = path.join(scratch(), "good");
    mkdirSync(folder);
    copyFileSync(DEPARTMENT, path.join(folder, "部门.xlsx"));
    copyFileSync(MULTI, path.join(folder, "三个项目.xlsx"));
    const result = await batch([folder, "--json", path.join(folder, "..", "s.json")]);
    expect(result.code).toBe(0);
  });

  it("exits 2 and writes nothing when nothing could be scored", async () => {
    const root = scratch();
    const folder = path.join(root, "in");
    mkdirSync(folder);
    writeFileSync(path.join(folder, "加密.xlsx"), compoundFile(["EncryptedPackage"]));
    copyFileSync(INSTRUCTIONS, path.join(folder, "说明.xlsx"));
    writeFileSync(path.join(folder, "a.txt"), "x");
    const result = await batch([
      folder,
      "--out",
      path.join(root, "汇总.xlsx"),
      "--json",
      path.join(root, "s.json"),
      "--scored-dir",
      path.join(root, "scored"),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("没有可评分的绩效自评表：未写出任何文件。");
    expect(readdirSync(root)).toEqual(["in"]);
  });

  it("keeps an existing output folder as it was when a later output cannot be written", async () => {
    const folder = reviewFolder();
    const dir = path.dirname(folder);
    const scored = path.join(dir, "scored");
    mkdirSync(scored);
    writeFileSync(path.join(scored, "校园安全.xlsx"), "去年的副本");
    const result = await batch([
      folder,
      "--out",
      path.join(dir, "没有这个文件夹", "汇总.xlsx"),
      "--scored-dir",
      scored,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("无法写出");
    expect(readdirSync(scored)).toEqual(["校园安全.xlsx"]);
    expect(readFileSync(path.join(scored, "校园安全.xlsx"), "utf8")).toBe("去年的副本");
  });

  it("refuses outputs that would land on an input", async () => {
    const folder = reviewFolder();
    const onInput = await batch([folder, "--out", path.join(folder, "校园安全.xlsx")]);
    expect(onInput.code).toBe(2);
    expect(onInput.stderr).toContain("是要评分的输入文件");
    const intoInputs = await batch([
      folder,
      "--out",
      path.join(path.dirname(folder), "o.xlsx"),
      "--scored-dir",
      folder,
    ]);
    expect(intoInputs.code).toBe(2);
    expect(intoInputs.stderr).toBe(
      "--scored-dir 的文件夹包含要评分的 " + folder + "：为保护原表，请另选一个文件夹。"
    );
    // A folder holding a form named directly is refused too.
    const beside = path.join(path.dirname(folder), "beside");
    mkdirSync(beside);
    const onForm = await batch([
      path.join(folder, "校园安全.xlsx"),
      "--json",
      path.join(beside, "s.json"),
      "--scored-dir",
      folder,
    ]);
    expect(onForm.code).toBe(2);
    expect(onForm.stderr).toContain("--scored-dir 的文件夹包含要评分的");
    require("fs").rmdirSync(beside);
    expect(readdirSync(path.dirname(folder))).toEqual(["收到的自评表"]);
  });

  it("does not read its own outputs as inputs when they sit in the folder", async () => {
    const folder = reviewFolder();
    const out = path.join(folder, "汇总.xlsx");
    const json = path.join(folder, "s.json");
    await batch([folder, "--out", out, "--json", json, "--scored-dir", path.join(folder, "副本")]);
    await batch([folder, "--out", out, "--json", json, "--scored-dir", path.join(folder, "副本")]);
    expect(readJson(json).files.map((file) => file.file)).not.toContain("汇总.xlsx");
    expect(readJson(json).files.some((file) => file.file.startsWith("副本/"))).toBe(false);
  });

  it("names a file given directly as given, and tells apart two folders holding the same path", async () => {
    const root = scratch();
    for (const name of ["甲", "乙"]) {
      mkdirSync(path.join(root, name));
      copyFileSync(DEPARTMENT, path.join(root, name, "部门.xlsx"));
    }
    const json = path.join(root, "s.json");
    const given = path.join(root, "甲", "部门.xlsx");
    await batch([path.join(root, "甲"), path.join(root, "乙"), "--json", json]);
    expect(readJson(json).files.map((file) => file.file)).toEqual([
      path.join(root, "甲").split(path.sep).join("/") + "/部门.xlsx",
      path.join(root, "乙").split(path.sep).join("/") + "/部门.xlsx",
    ]);
    await batch([given, "--json", json]);
    expect(readJson(json).files.map((file) => file.file)).toEqual([
      given.split(path.sep).join("/"),
    ]);
  });

  it("refuses wrong arguments with exit 2 and a Chinese sentence", async () => {
    const folder = reviewFolder();
    const cases: Array<[string[], string]> = [
      [[], "缺少要评分的文件夹或文件"],
      [[folder], "请用 --out 指定汇总工作簿"],
      [[folder, "--out", "o.xlsx", "--jobs", "0"], "--jobs 应为 1 到 64 之间的整数"],
      [[folder, "--out", "o.xlsx", "--sample", "101"], "--sample 应为 0 到 100 之间的百分比"],
      [[folder, "--out", "o.xlsx", "--rules", "beijing"], "--rules 只能是"],
      [[path.join(folder, "没有.xlsx"), "--out", "o.xlsx"], "找不到"],
      [[folder, "--out", "o.xlsx", "--json", "o.xlsx"], "--out 和 --json 不能是同一个文件"],
      [[folder, "--colour"], "未知选项 --colour"],
      [[folder, "--out", "汇总.xls"], "不能保存为旧版 .xls 格式"],
      [[folder, "--out", "汇总.txt"], "请改用以 .xlsx 结尾的文件名"],
      [[folder, "--out", "汇总.xlsm"], "汇总工作簿 汇总.xlsm 的扩展名不对"],
    ];
    for (const [argv, message] of cases) {
      const stdout: string[] = [];
      const stderr: string[] = [];
      const code = await main(["batch", ...argv], {
        stdout: (t) => stdout.push(t),
        stderr: (t) => stderr.push(t),
      });
      expect([argv.join(" "), code]).toEqual([argv.join(" "), 2]);
      expect(stderr.join("\n")).toContain(message);
    }
  });

  it("takes --rules national, the national baseline", async () => {
    const folder = reviewFolder();
    const json = path.join(path.dirname(folder), "s.json");
    expect((await batch([folder, "--json", json, "--rules", "national"])).code).toBe(1);
  });

  it("draws the sample it is asked for", async () => {
    const folder = reviewFolder();
    const out = path.join(path.dirname(folder), "o.xlsx");
    await batch([folder, "--out", out, "--sample", "100%"]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const titles = workbook
      .getWorksheet("抽查建议")!
      .getColumn(1)
      .values.filter((value) => typeof value === "string" && value.startsWith("二、"));
    expect(titles[0]).toContain("每档抽取 100%（向上取整），共 6 张");
  });

  it("removes its staging folders when interrupted", async () => {
    const folder = reviewFolder();
    const dir = path.dirname(folder);
    const scored = path.join(dir, "scored");
    let interrupt: (() => void) | null = null;
    let stagingSeen = false;
    let stagingLeft = true;
    const env = environment({
      onInterrupt: (cleanUp) => {
        interrupt = cleanUp;
        return () => undefined;
      },
      // The interrupt comes while the first file is being converted.
      converter: async () => async (input: string, outputFolder: string) => {
        const staging = () =>
          readdirSync(dir).some((name) => name.startsWith(".selfeval-staging-"));
        stagingSeen = staging();
        interrupt!();
        stagingLeft = staging();
        return fakeConverter(input, outputFolder);
      },
    });
    await batch([folder, "--json", path.join(dir, "s.json"), "--scored-dir", scored], env);
    expect(stagingSeen).toBe(true);
    expect(stagingLeft).toBe(false);
  });

  it("shows progress on a terminal, and nothing when it is not one or with --quiet", async () => {
    const folder = reviewFolder();
    const json = path.join(path.dirname(folder), "s.json");
    const written: string[] = [];
    const terminal = { isTTY: true, columns: 100, write: (text: string) => written.push(text) };
    await batch([folder, "--json", json], environment({ progress: terminal }));
    expect(written.some((text) => text.includes("[0/6] 正在评分 加密.xlsx"))).toBe(true);
    expect(written.some((text) => /\[6\/6\]/.test(text))).toBe(true);
    expect(written.some((text) => text.includes("预计剩余"))).toBe(true);
    expect(written[written.length - 1]).toBe("\r\u001b[2K");
    written.length = 0;
    await batch([folder, "--json", json, "--quiet"], environment({ progress: terminal }));
    expect(written).toEqual([]);
    const pipe = { isTTY: false, write: (text: string) => written.push(text) };
    await batch([folder, "--json", json], environment({ progress: pipe }));
    expect(written).toEqual([]);
  });
});

describe("selfeval batch on worker threads (the built lib/selfeval/)", () => {
  const root = path.join(__dirname, "..", "..", "..");
  beforeAll(() => {
    buildCli();
  }, 180000);

  it("gives the same summary with --jobs 2 as in one thread", async () => {
    const folder = reviewFolder();
    const dir = path.dirname(folder);
    const inThread = path.join(dir, "one.json");
    await batch(
      [folder, "--json", inThread, "--jobs", "1"],
      environment({ converter: async () => null })
    );
    const onWorkers = path.join(dir, "two.json");
    const scored = path.join(dir, "scored");
    const child = spawnSync(
      process.execPath,
      [
        path.join(root, "bin", "selfeval.js"),
        "batch",
        folder,
        "--json",
        onWorkers,
        "--jobs",
        "2",
        "--scored-dir",
        scored,
      ],
      // An empty PATH: no LibreOffice, as in the run above.
      { encoding: "utf8", env: { ...process.env, PATH: "" } }
    );
    expect(child.stderr).toBe("");
    expect(child.status).toBe(1);
    expect(readJson(onWorkers)).toEqual(readJson(inThread));
    expect(existsSync(path.join(scored, "校园安全.xlsx"))).toBe(true);
  }, 60000);
});
