import { existsSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import Ajv2020 from "ajv/dist/2020";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { runSelfeval as run } from "../helpers/runSelfeval";

const fixtures = path.join(__dirname, "..", "fixtures");
const department = path.join(fixtures, "department-education-2024.xlsx");
const real = (id: string) => path.join(fixtures, "real", id + ".xlsx");

function scratch(): string {
  return mkdtempSync(path.join(tmpdir(), "selfeval-inspect-"));
}

/** A workbook whose indicator table has no 分值 or 得分 column by its header words. */
async function withoutScoreColumn(dir: string): Promise<string> {
  const file = path.join(dir, "no-score.xlsx");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("自评表");
  sheet.addRow(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "自评"]);
  sheet.addRow(["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 90]);
  sheet.addRow(["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10]);
  await workbook.xlsx.writeFile(file);
  return file;
}

describe("selfeval inspect", () => {
  it("prints how each form was read and writes the JSON the schema describes", async () => {
    const json = path.join(scratch(), "inspect.json");
    const result = await run("inspect", department, "--json", json);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "工作表「部门整体支出绩效自评表」：2024年度部门整体支出绩效自评表"
    );
    expect(result.stdout).toContain("表头：第3行");
    expect(result.stdout).toContain("D 分值 ← “分值”（表头）");
    expect(result.stdout).toContain("G 自评得分 ← “自评得分”（表头）");
    expect(result.stdout).toContain("分值来源：分值列 D");
    expect(result.stdout).toContain("指标行：4–16（共 13 行）");
    expect(result.stdout).toContain("第17行 合计行：“合计”");
    const inspection = JSON.parse(readFileSync(json, "utf8"));
    const schema = JSON.parse(
      readFileSync(path.join(__dirname, "../../docs/inspect.schema.json"), "utf8")
    );
    expect(new Ajv2020({ strict: false }).validate(schema, inspection)).toBe(true);
    expect(inspection.forms[0].indicatorRows).toHaveLength(13);
  });

  it('with --json "-" the JSON alone is on standard output, the reading on stderr', async () => {
    const written: Array<Uint8Array | string> = [];
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await main(["inspect", department, "--json", "-"], {
      stdout: (text) => stdout.push(text),
      stderr: (text) => stderr.push(text),
      writeStandardOutput: async (bytes) => {
        written.push(bytes);
      },
    });
    expect(code).toBe(0);
    expect(stdout).toEqual([]);
    expect(JSON.parse(written.map(String).join("")).forms.length).toBeGreaterThan(0);
    expect(stderr.join("\n")).toContain("已写出读表情况（JSON）：标准输出");
    expect(stderr.join("\n").length).toBeGreaterThan(100);
  });

  it("shows why a column was left out and which rows were skipped (天长)", async () => {
    const result = await run("inspect", real("anhui-tianchang-2022-project-flood-defence"));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/A “年度绩效指标完成情况”：.*合并/);
    expect(result.stdout).toContain("第31行 不适用：“指标1:/”");
    expect(result.stdout).toContain("第17行 模板行：“指标2:”");
  });

  it("shows maxima from labels (湖北)", async () => {
    const result = await run("inspect", real("hubei-huanggang-2020-project-soil-monitoring"));
    expect(result.stdout).toContain(
      "分值来源：标签（年度绩效目标1 40分，A10；年度绩效目标2 40分，A15）"
    );
  });

  it("exits 2 saying what was found and what is missing, and how to name it", async () => {
    const dir = scratch();
    const file = await withoutScoreColumn(dir);
    const json = path.join(dir, "i.json");
    const result = await run("inspect", file, "--json", json);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(
      '工作表「自评表」：找到表头第1行（一级指标=A、二级指标=B、三级指标=C、年度指标值=D、实际完成值=E），但没有得分列，也没有分值列；可用 --columns 指定（如 --columns "自评得分=H"）'
    );
    expect(result.stdout).toContain("未能读取的表头：");
    // The inspection is the answer: written even so.
    expect(JSON.parse(readFileSync(json, "utf8")).misses).toHaveLength(1);
  });

  it("reads it with --columns, and scores it the same way", async () => {
    const dir = scratch();
    const file = await withoutScoreColumn(dir);
    const inspect = await run("inspect", file, "--columns", "自评得分=F");
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toContain("F 自评得分 ← “自评”（指定）：由列对应指定（自评得分=F）");
    const score = await run("score", file, "--columns", "自评表!自评得分=F");
    expect(score.code).toBe(0);
    // No 分值 anywhere: scored out of the profile's 100, with a warning that no score can be checked.
    expect(score.stdout).toContain("总分 100 / 100");
    expect(score.stdout).toContain("表中未列明各指标的分值");
  });
});

describe("--columns refuses, with exit 2 naming the entry and nothing written", () => {
  it.each([
    ["得分率=F", "不认识的列名“得分率”"],
    ["分值=F,自评得分=F", "“自评得分=F”：列F已指定为分值"],
    ["分值=Q", "“分值=Q”：列Q不在工作表「部门整体支出绩效自评表」第3行起的表格内"],
    ["其他表!分值=D", "工作簿中没有名为「其他表」的工作表"],
    ["分值", "应写成“列名=列号”"],
  ])("%s", async (columns, message) => {
    const out = path.join(scratch(), "o.xlsx");
    for (const command of ["score", "inspect"]) {
      const result = await run(
        command,
        department,
        "--columns",
        columns,
        ...(command === "score" ? ["--out", out] : [])
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr.split("\n")).toHaveLength(1);
    }
    expect(existsSync(out)).toBe(false);
  });
});

describe("selfeval score on a header with no rows under it", () => {
  it("exits 2 saying the header was found with no indicator row", async () => {
    const dir = scratch();
    const file = path.join(dir, "empty.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook
      .addWorksheet("表")
      .addRow(["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"]);
    await workbook.xlsx.writeFile(file);
    const result = await run("score", file, "--json", path.join(dir, "r.json"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /未找到可评分的绩效指标表：.*找到表头第1行.*但表头下没有指标行。$/
    );
    expect(existsSync(path.join(dir, "r.json"))).toBe(false);
  });
});
