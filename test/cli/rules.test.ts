import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runSelfeval as run } from "../helpers/runSelfeval";
import { reportSchema } from "../../src/engine/report/schema";
import { RULE_SETS, RULE_SET_IDS } from "../../src/engine/rules/ruleSets";
import { BUDGET_HEADER, PROJECT_HEADER } from "../helpers/templateHeaders";

function scratch(): string {
  return mkdtempSync(path.join(tmpdir(), "selfeval-rules-"));
}

/** A project form spending 65 % of its budget whose indicators have full marks: 90 + 6.5. */
async function lowSpendingProject(dir: string): Promise<string> {
  const file = path.join(dir, "低执行率项目.xlsx");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("项目自评表");
  sheet.addRow(BUDGET_HEADER);
  sheet.addRow([null, "年度资金总额", 100, 100, 65, 10, null, null]);
  sheet.addRow(PROJECT_HEADER);
  sheet.addRow(["产出指标", "数量指标", "培训人次", "≥100人次", "100人次", 50, 50, null]);
  sheet.addRow(["效益指标", "社会效益指标", "受益人数", "≥1000人", "1000人", 30, 30, null]);
  sheet.addRow(["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10, null]);
  await workbook.xlsx.writeFile(file);
  return file;
}

describe("selfeval rules", () => {
  it("lists every bundled set on one line each, with its sources", async () => {
    const result = await run("rules");
    expect(result.code).toBe(0);
    const heads = result.stdout.split("\n").filter((line) => /^\S/.test(line));
    expect(heads.map((line) => line.split(/\s+/)[0])).toEqual(RULE_SET_IDS.slice());
    expect(heads[0]).toContain("（默认）");
    RULE_SET_IDS.forEach((id) => {
      expect(result.stdout).toContain(RULE_SETS[id].name);
      expect(result.stdout).toContain(RULE_SETS[id].description);
    });
    expect(result.stdout).toContain("https://desk33.com/d-565511.html");
    expect(result.stdout).toContain("https://www.scqs.gov.cn/info/13206/211004.htm");
  });

  it("refuses arguments it does not take", async () => {
    expect((await run("rules", "extra")).code).toBe(2);
    expect((await run("rules", "--json")).code).toBe(2);
  });
});

describe("selfeval score --rules", () => {
  it("scores by national unless asked, and caps the total by 执行率 under yitihua", async () => {
    const dir = scratch();
    const input = await lowSpendingProject(dir);

    const national = path.join(dir, "national.json");
    expect((await run("score", input, "--json", national)).code).toBe(0);
    const plain = reportSchema.parse(JSON.parse(readFileSync(national, "utf8")));
    expect(plain).toMatchObject({ ruleSet: "national", rating: "优" });
    expect(plain.total).toEqual({ score: 96.5, max: 100, complete: true });

    const json = path.join(dir, "yitihua.json");
    const result = await run("score", input, "--rules", "yitihua", "--json", json);
    // The cap is an error: the unit would have submitted an inflated score.
    expect(result.code).toBe(1);
    const report = reportSchema.parse(JSON.parse(readFileSync(json, "utf8")));
    expect(report).toMatchObject({ ruleSet: "yitihua", rating: "中" });
    expect(report.total).toEqual({ score: 79, max: 100, complete: true, cap: 79, uncapped: 96.5 });
    expect(report.problems.map((p) => p.code + "@" + p.cell)).toEqual(["execution-cap@G2"]);
    expect(result.stdout).toContain("预算管理一体化平台规则");
    expect(result.stdout).toContain("预算执行率封顶：最高 79 分（封顶前 96.5）");
  });

  it("takes a bureau's own set from a JSON file with only what differs", async () => {
    const dir = scratch();
    const input = await lowSpendingProject(dir);
    const rules = path.join(dir, "shi.json");
    writeFileSync(
      rules,
      JSON.stringify({
        extends: "yitihua",
        name: "某市财政局",
        executionCaps: [{ below: 0.7, max: 85 }],
      })
    );
    const json = path.join(dir, "report.json");
    const result = await run("score", input, "--rules", rules, "--json", json);
    expect(result.stderr).toBe("");
    const report = JSON.parse(readFileSync(json, "utf8"));
    expect(report.ruleSet).toBe("shi");
    expect(report.total).toMatchObject({ score: 85, cap: 85, uncapped: 96.5 });
    expect(report.problems[0].message).toContain("按某市财政局规则");
  });

  it("refuses an unknown key, naming it, with exit 2 and nothing written", async () => {
    const dir = scratch();
    const input = await lowSpendingProject(dir);
    const rules = path.join(dir, "typo.json");
    writeFileSync(rules, JSON.stringify({ extends: "yitihua", deviaton: { deduct: 3 } }));
    const json = path.join(dir, "report.json");
    const result = await run("score", input, "--rules", rules, "--json", json);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("规则集 " + rules + " 有误：（顶层） 有未知的键 deviaton。");
    expect(existsSync(json)).toBe(false);
  });

  it("refuses an unknown set, a missing file and an empty value", async () => {
    const dir = scratch();
    const input = await lowSpendingProject(dir);
    const unknown = await run("score", input, "--rules", "beijing");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--rules 只能是 national、yitihua、guangxi、sichuan、tianjin");
    const missing = await run("score", input, "--rules", path.join(dir, "none.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("文件不存在");
    expect((await run("score", input, "--rules", "")).code).toBe(2);
  });
});
