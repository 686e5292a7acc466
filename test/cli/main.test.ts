import { execFileSync, spawn, spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { runSelfeval as run } from "../helpers/runSelfeval";
import { buildCli } from "../helpers/buildCli";
import { reportSchema } from "../../src/engine/report/schema";
import { PROJECT_HEADER } from "../helpers/templateHeaders";

const fixtures = path.join(__dirname, "..", "fixtures");
const department = path.join(fixtures, "department-education-2024.xlsx");
const project = path.join(fixtures, "project-school-safety-2024.xlsx");

function scratch(): string {
  return mkdtempSync(path.join(tmpdir(), "selfeval-cli-"));
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill && fill.type === "pattern" ? fill.fgColor?.argb : undefined;
}

function noteOf(cell: ExcelJS.Cell): string {
  const note = cell.note as unknown;
  if (!note) return "";
  if (typeof note === "string") return note;
  return ((note as { texts?: Array<{ text: string }> }).texts ?? []).map((t) => t.text).join("");
}

/** The worksheet part of a sheet, found through workbook.xml and its relationships. */
async function sheetPartOf(zip: JSZip, sheetName: string): Promise<string> {
  const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rid = new RegExp('<sheet [^>]*name="' + sheetName + '"[^>]*r:id="([^"]+)"').exec(
    workbookXml
  )![1];
  const relationship = new RegExp('<Relationship [^>]*Id="' + rid + '"[^>]*>').exec(rels)![0];
  return "xl/" + /Target="\/?(?:xl\/)?([^"]+)"/.exec(relationship)![1];
}

/**
 * Scores the department example, lets `edit` change the scored copy's package as Excel would
 * save the user's changes, and scores that copy again; returns the second copy and the run.
 */
async function rescoreAfter(edit: (zip: JSZip) => Promise<void>) {
  const dir = scratch();
  const first = path.join(dir, "first.xlsx");
  const edited = path.join(dir, "edited.xlsx");
  const second = path.join(dir, "second.xlsx");
  await run("score", department, "--out", first);
  const zip = await JSZip.loadAsync(readFileSync(first));
  await edit(zip);
  writeFileSync(edited, await zip.generateAsync({ type: "nodebuffer" }));
  return { first, second, result: await run("score", edited, "--out", second) };
}

describe("selfeval score on the department example", () => {
  it("scores 98.36 / 优, exits 0 and writes the copy and the report", async () => {
    const dir = scratch();
    const out = path.join(dir, "scored.xlsx");
    const json = path.join(dir, "report.json");
    const result = await run("score", department, "--out", out, "--json", json);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("总分 98.36 / 100　评级 优");
    expect(result.stdout).toContain("履职效能 49.36 / 50");
    expect(result.stdout).toContain("管理效能 49 / 50");
    expect(result.stdout).toContain("问题：错误 0 个，警告 1 个");

    const report = reportSchema.parse(JSON.parse(readFileSync(json, "utf8")));
    expect(report).toMatchObject({
      schemaVersion: 1,
      file: "department-education-2024.xlsx",
      profile: "department",
      total: { score: 98.36, max: 100, complete: true },
      rating: "优",
      budget: null,
    });
    expect(report.groups.find((g) => g.path.join("/") === "管理效能/信息公开")).toMatchObject({
      score: 4,
      max: 4,
    });
    // 预算执行率: 4 × 91.3/95 = 3.84 computed; the entered 3 is kept and the difference reported
    const budgetLine = report.indicators.find((i) => i.name === "预算执行率")!;
    expect(budgetLine).toMatchObject({
      score: 3,
      computedScore: 3.84,
      scoreSource: "entered",
      cells: { score: "G11" },
    });
    expect(report.problems).toEqual([
      expect.objectContaining({ code: "score-differs", severity: "warning", cell: "G11" }),
    ]);

    const scored = await load(out);
    expect(scored.worksheets.map((s) => s.name)).toEqual([
      "部门整体支出绩效自评表",
      "评分结果",
      "自评表说明",
    ]);
    const sheet = scored.getWorksheet("部门整体支出绩效自评表")!;
    expect(fillOf(sheet.getCell("G11"))).toBe("FFFFEB9C");
    expect(noteOf(sheet.getCell("G11"))).toContain("3.84");
    expect(fillOf(sheet.getCell("G10"))).toBeUndefined();
  });

  it("keeps every cell of the input as it was", async () => {
    const dir = scratch();
    const out = path.join(dir, "scored.xlsx");
    await run("score", department, "--out", out);
    const before = await load(department);
    const after = await load(out);
    const original = before.worksheets[0];
    const copy = after.getWorksheet(original.name)!;
    original.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        expect(copy.getCell(r, c).value).toEqual(cell.value);
        expect(copy.getCell(r, c).numFmt).toEqual(cell.numFmt);
      });
    });
    expect(copy.getCell("G17").value).toEqual({ formula: "SUM(G4:G16)", result: 98.36 });
  });
});

describe("selfeval score on the project example", () => {
  it("flags the empty actual, computes 师生满意度 and scores the budget line, exiting 1", async () => {
    const dir = scratch();
    const out = path.join(dir, "scored.xlsx");
    const json = path.join(dir, "report.json");
    const result = await run("score", project, "--out", out, "--json", json);
    expect(result.code).toBe(1);
    const report = JSON.parse(readFileSync(json, "utf8"));
    expect(report.profile).toBe("project");
    // 722 / 760 = 95% → 9.5 of 10
    expect(report.budget).toMatchObject({
      row: 6,
      max: 10,
      rate: 0.95,
      score: 9.5,
      cells: { score: "H6" },
    });
    // 10 × 88/90 = 9.78, no entered score
    expect(report.indicators.find((i: { name: string }) => i.name === "师生满意度")).toMatchObject({
      score: 9.78,
      computedScore: 9.78,
      scoreSource: "computed",
    });
    const cells = report.problems.map((p: { code: string; cell: string }) => p.code + "@" + p.cell);
    expect(cells).toEqual(expect.arrayContaining(["missing-value@F14", "reason-missing@I18"]));
    // 9.5 + 14.25 + 15 + 10 + 15 + 15 + 9.78; 项目按期完成率 undetermined
    expect(report.total).toEqual({ score: 88.53, max: 100, complete: false });
    expect(report.rating).toBe("良");
    expect(report.groups[0]).toMatchObject({ path: ["预算执行率"], score: 9.5, max: 10 });

    const sheet = (await load(out)).getWorksheet("项目自评表")!;
    expect(fillOf(sheet.getCell("F14"))).toBe("FFFFC7CE");
    expect(noteOf(sheet.getCell("F14"))).toContain("实际完成值");
  });

  it("uses the profile the user asks for", async () => {
    const dir = scratch();
    const json = path.join(dir, "report.json");
    await run("score", project, "--json", json, "--profile", "department");
    expect(JSON.parse(readFileSync(json, "utf8")).profile).toBe("department");
  });
});

describe("selfeval score refuses, with exit 2, one line and nothing written", () => {
  async function refuses(argv: string[], message: RegExp, written: string[] = []) {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    for (const file of written) expect(existsSync(file)).toBe(false);
  }

  it("a file that does not exist", async () => {
    const out = path.join(scratch(), "o.xlsx");
    await refuses(["score", "nope.xlsx", "--out", out], /文件不存在/, [out]);
  });

  it("an .xls or .et file", async () => {
    const dir = scratch();
    const xls = path.join(dir, "old.xls");
    writeFileSync(xls, "x");
    await refuses(["score", xls, "--out", path.join(dir, "o.xlsx")], /另存为 \.xlsx/, [
      path.join(dir, "o.xlsx"),
    ]);
    await refuses(["score", path.join(dir, "wps.et")], /另存为 \.xlsx/);
  });

  it("an old binary workbook renamed to .xlsx", async () => {
    const dir = scratch();
    const file = path.join(dir, "renamed.xlsx");
    writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    await refuses(["score", file, "--json", path.join(dir, "r.json")], /另存为 \.xlsx/, [
      path.join(dir, "r.json"),
    ]);
  });

  it("a device, which would never end (/dev/zero)", async () => {
    if (!existsSync("/dev/zero")) return;
    await refuses(["score", "/dev/zero"], /这是一个设备，不是工作簿文件/);
  });

  it("a file that is not a workbook", async () => {
    const dir = scratch();
    const file = path.join(dir, "notes.xlsx");
    writeFileSync(file, "这不是工作簿");
    await refuses(["score", file, "--out", path.join(dir, "o.xlsx")], /不是有效的 \.xlsx/, [
      path.join(dir, "o.xlsx"),
    ]);
    const zip = new JSZip();
    zip.file("hello.txt", "a zip, but not a workbook");
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    await refuses(["score", file], /不是有效的 \.xlsx/);
  });

  it("a workbook without an indicator table", async () => {
    const dir = scratch();
    const file = path.join(dir, "instructions.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook
      .addWorksheet("填表说明")
      .addRow(["请按财政局要求填写绩效自评表，分值、得分保留两位小数。"]);
    await workbook.xlsx.writeFile(file);
    await refuses(["score", file, "--out", path.join(dir, "o.xlsx")], /未找到绩效指标表/, [
      path.join(dir, "o.xlsx"),
    ]);
  });

  it("--out or --json naming the input, which is never overwritten", async () => {
    const dir = scratch();
    const input = path.join(dir, "mine.xlsx");
    copyFileSync(department, input);
    const before = readFileSync(input);
    await refuses(["score", input, "--out", input], /不会覆盖输入文件/);
    await refuses(["score", input, "--json", path.join(dir, ".", "mine.xlsx")], /不会覆盖输入文件/);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("bad arguments", async () => {
    await refuses(["score", department, "--profile", "school"], /--profile/);
    await refuses(["score", department, "--colour"], /参数错误/);
    await refuses(["grade", department], /未知命令/);
    await refuses(["score"], /缺少要评分的/);
    await refuses(["score", department, "--out"], /参数错误/);
  });

  it("an output folder that does not exist, leaving no partial file", async () => {
    const dir = scratch();
    const json = path.join(dir, "r.json");
    await refuses(
      ["score", department, "--json", json, "--out", path.join(dir, "missing", "o.xlsx")],
      /目标文件夹不存在/,
      [json]
    );
  });
});

describe("scoring a scored copy again", () => {
  it("replaces the tool's own sheets instead of adding new ones", async () => {
    const dir = scratch();
    const first = path.join(dir, "first.xlsx");
    const second = path.join(dir, "second.xlsx");
    await run("score", project, "--out", first);
    await run("score", first, "--out", second);
    expect((await load(second)).worksheets.map((s) => s.name)).toEqual([
      "项目自评表",
      "评分结果",
      "自评表说明",
    ]);
  });

  it("keeps a narrative sheet the user edited and writes the new one beside it", async () => {
    // The user edits the narrative; the tool's hidden mark stays on the sheet.
    const { second } = await rescoreAfter(async (zip) => {
      const part = await sheetPartOf(zip, "自评表说明");
      const sheetXml = await zip.file(part)!.async("string");
      zip.file(part, sheetXml.replace(/(<t[^>]*>)([^<]*评级为优)/, "$1$2（经局党组审议通过）"));
    });
    const names = (await load(second)).worksheets.map((s) => s.name);
    expect(names).toEqual(["部门整体支出绩效自评表", "评分结果", "自评表说明", "自评表说明 (2)"]);
    const kept = (await load(second)).getWorksheet("自评表说明")!;
    const texts: string[] = [];
    kept.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text))));
    expect(texts.join("")).toContain("经局党组审议通过");
  });
});

describe("text copied from cells stays text", () => {
  it("writes formula-like indicator names into the results sheet as text", async () => {
    const dir = scratch();
    const input = path.join(dir, "formula-names.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("项目自评表");
    sheet.addRow(PROJECT_HEADER);
    sheet.addRow(["产出指标", "数量指标", "=1+1", "≥10个", "10个", 50, 50, null]);
    sheet.addRow(["效益指标", "社会效益指标", "+SUM(A1:A2)", "≥90%", "95%", 30, 30, null]);
    sheet.addRow([
      "满意度指标",
      "服务对象满意度指标",
      "@满意度",
      "≥90%",
      "80%",
      20,
      null,
      '-HYPERLINK("x")',
    ]);
    await workbook.xlsx.writeFile(input);
    const out = path.join(dir, "out.xlsx");
    await run("score", input, "--out", out);

    const zip = await JSZip.loadAsync(readFileSync(out));
    const partNames = Object.keys(zip.files).filter((name) =>
      /^xl\/worksheets\/sheet\d+\.xml$/.test(name)
    );
    let seen = 0;
    for (const name of partNames) {
      const xml = await zip.file(name)!.async("string");
      for (const text of ["=1+1", "+SUM(A1:A2)", "@满意度"]) {
        const escaped = text.replace(/"/g, "&quot;");
        if (xml.indexOf(escaped) >= 0 && xml.indexOf("inlineStr") >= 0) seen++;
      }
      expect(xml).not.toMatch(/<f>[^<]*1\+1/);
      expect(xml).not.toMatch(/<f>[^<]*SUM\(A1:A2\)/);
    }
    expect(seen).toBeGreaterThanOrEqual(3);
    const results = (await load(out)).getWorksheet("评分结果")!;
    const values: unknown[] = [];
    results.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(
      values.filter((v) => typeof v === "object" && v !== null && "formula" in (v as object))
    ).toEqual([]);
    const narrative: unknown[] = [];
    (await load(out))
      .getWorksheet("自评表说明")!
      .eachRow((row) => row.eachCell((cell) => narrative.push(cell.value)));
    // The goals table's target column starts with the indicator's name: "=1+1≥10个。"
    expect(narrative).toContain("=1+1≥10个。");
    expect(
      narrative.filter((v) => typeof v === "object" && v !== null && "formula" in (v as object))
    ).toEqual([]);
  });
});

describe("selfeval score --docx and --narrative", () => {
  it("write the 自评表说明 as a Word document and as text, the same narrative as the sheet", async () => {
    const dir = scratch();
    const docx = path.join(dir, "说明.docx");
    const markdown = path.join(dir, "说明.md");
    const { code, stdout } = await run(
      "score",
      department,
      "--docx",
      docx,
      "--narrative",
      markdown
    );
    expect(code).toBe(0);
    expect(stdout).toContain("已写出自评表说明（Word）：" + docx);
    expect(stdout).toContain("已写出自评表说明（文本）：" + markdown);
    expect(readFileSync(markdown, "utf8")).toBe(
      readFileSync(path.join(fixtures, "narratives", "department-education-2024.md"), "utf8")
    );
    const zip = await JSZip.loadAsync(readFileSync(docx));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toContain("某区教育局2024年度部门整体支出绩效自评表说明");
    expect(xml).toContain("（1）预算编制，分值3分，自评得分3分。预算编制准确性年度指标值为准确");
    expect(xml).toContain("部门整体支出绩效自评得分98.36分，评级为优。");
  });

  it("use a finance bureau's own wording from --narrative-template, in the sheet too", async () => {
    const dir = scratch();
    const template = path.join(dir, "措辞.json");
    writeFileSync(
      template,
      "\uFEFF" + JSON.stringify({ sections: { problems: "二、存在的问题" } }),
      "utf8"
    );
    const markdown = path.join(dir, "说明.md");
    const out = path.join(dir, "out.xlsx");
    const args = ["score", department, "--narrative", markdown, "--out", out];
    expect((await run(...args, "--narrative-template", template)).code).toBe(0);
    expect(readFileSync(markdown, "utf8")).toContain("## 二、存在的问题\n");
    const texts: unknown[] = [];
    (await load(out))
      .getWorksheet("自评表说明")!
      .eachRow((row) => row.eachCell((cell) => texts.push(cell.value)));
    expect(texts).toContain("二、存在的问题");
  });

  it("refuse a template with a typo, naming the key, and write nothing", async () => {
    const dir = scratch();
    const template = path.join(dir, "措辞.json");
    writeFileSync(template, JSON.stringify({ conclusion: { score: "得分{socre}分" } }));
    const markdown = path.join(dir, "说明.md");
    const result = await run(
      "score",
      department,
      "--narrative",
      markdown,
      "--narrative-template",
      template
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "措辞模板 " + template + " 有误：未知的占位符：conclusion.score 中的 {socre}。"
    );
    expect(existsSync(markdown)).toBe(false);
  });

  it("refuse an output naming the wording file, which is read too", async () => {
    const dir = scratch();
    const template = path.join(dir, "措辞.json");
    writeFileSync(template, JSON.stringify({ sections: { problems: "二、存在的问题" } }));
    const result = await run(
      "score",
      department,
      "--narrative-template",
      template,
      "--json",
      template
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("就是输入文件");
    expect(JSON.parse(readFileSync(template, "utf8"))).toEqual({
      sections: { problems: "二、存在的问题" },
    });
  });

  it("refuse two outputs naming the same file", async () => {
    const dir = scratch();
    const file = path.join(dir, "same");
    const result = await run("score", department, "--docx", file, "--narrative", file);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("--docx 和 --narrative 不能是同一个文件。");
    expect(existsSync(file)).toBe(false);
  });
});

describe("bin/selfeval.js", () => {
  const bin = path.join(__dirname, "..", "..", "bin", "selfeval.js");
  beforeAll(() => {
    buildCli();
  }, 180000);

  it("runs with node and exits with the run's code", () => {
    const ok = spawnSync(process.execPath, [bin, "score", department], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("评级 优");
    const bad = spawnSync(process.execPath, [bin, "score", "missing.xlsx"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 on a failure even when stderr is a pipe nobody reads", async () => {
    const child = spawn(process.execPath, [bin, "score", "missing.xlsx"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr!.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(2);
  });

  it('writes "-" and /dev/stdout to standard output, the summary to stderr', () => {
    for (const target of process.platform === "win32" ? ["-"] : ["-", "/dev/stdout"]) {
      const run = spawnSync(process.execPath, [bin, "score", department, "--json", target], {
        encoding: "utf8",
      });
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout).rating).toBe("优");
      expect(run.stderr).toContain("评级 优");
      expect(run.stderr).not.toContain("Excel 中打开");
    }
    const copy = spawnSync(process.execPath, [bin, "score", department, "--out", "-"]);
    expect(copy.status).toBe(0);
    expect(copy.stdout.subarray(0, 2).toString()).toBe("PK");
  });
});

describe("selfeval speaks the user's language when the system fails", () => {
  it("names a folder given as --out, and leaves no temporary file", async () => {
    const dir = scratch();
    const folder = path.join(dir, "out");
    require("fs").mkdirSync(folder);
    const result = await run("score", department, "--out", folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("无法写出 " + folder + "：这是一个文件夹，请给出文件名。");
    expect(require("fs").readdirSync(dir)).toEqual(["out"]);
  });

  it("explains unknown options and missing values in Chinese", async () => {
    expect((await run("score", department, "--colour")).stderr).toContain("未知选项 --colour");
    expect((await run("score", department, "--out")).stderr).toContain("选项 --out 需要一个值");
  });
});

describe("scoring a corrected copy", () => {
  it("takes back the marks of problems the user has fixed", async () => {
    const { first, second, result } = await rescoreAfter(async (zip) => {
      // The officer types the score the rule gives; Excel recalculates the 合计 (98.36 − 3 + 3.84)…
      const sheetPart = await sheetPartOf(zip, "部门整体支出绩效自评表");
      const xml = await zip.file(sheetPart)!.async("string");
      const edited = xml
        .replace(/(<c r="G11"[^>]*>)<v>3<\/v>/, "$1<v>3.84</v>")
        .replace(/(<c r="G17"[^>]*><f>[^<]*<\/f>)<v>98.36<\/v>/, "$1<v>99.2</v>");
      expect(edited).not.toBe(xml);
      zip.file(sheetPart, edited);
      // …and renames the sheet: the tool still knows the marks it made there.
      const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
      zip.file(
        "xl/workbook.xml",
        workbookXml.replace('name="部门整体支出绩效自评表"', 'name="2024自评表（定稿）"')
      );
    });
    expect(fillOf((await load(first)).worksheets[0].getCell("G11"))).toBe("FFFFEB9C");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("问题：错误 0 个，警告 0 个");
    const renamed = (await load(second)).worksheets[0];
    expect(renamed.name).toBe("2024自评表（定稿）");
    const cell = renamed.getCell("G11");
    expect(cell.value).toBe(3.84);
    expect(fillOf(cell)).toBeUndefined();
    expect(noteOf(cell)).toBe("");
  });
});

describe("a note the user typed into", () => {
  it("is kept when the copy is scored again, even though the tool wrote it first", async () => {
    const { second } = await rescoreAfter(async (zip) => {
      const commentsPart = Object.keys(zip.files).find((name) =>
        /^xl\/comments\d*\.xml$/.test(name)
      )!;
      const comments = await zip.file(commentsPart)!.async("string");
      const withReply = comments.replace(
        /(<comment ref="G11"[\s\S]*?)(<\/t><\/r>)/,
        "$1\n局里已核实，按3分上报。$2"
      );
      expect(withReply).not.toBe(comments);
      zip.file(commentsPart, withReply);
    });
    expect(noteOf((await load(second)).worksheets[0].getCell("G11"))).toContain(
      "局里已核实，按3分上报。"
    );
  });
});

describe("the tool's own sheet the user added to", () => {
  it("is kept, with what the user added, and the new results go beside it", async () => {
    let relsPart = "";
    const { second } = await rescoreAfter(async (zip) => {
      const part = await sheetPartOf(zip, "评分结果");
      relsPart = part.replace(/([^/]+)$/, "_rels/$1.rels");
      // A hyperlink the user put on the results sheet: the sheet now holds something of theirs.
      zip.file(
        relsPart,
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>'
      );
    });
    const names = (await load(second)).worksheets.map((sheet) => sheet.name);
    expect(names).toEqual(["部门整体支出绩效自评表", "评分结果", "自评表说明", "评分结果 (2)"]);
    const out = await JSZip.loadAsync(readFileSync(second));
    expect(await out.file(relsPart)!.async("string")).toContain("https://example.org/");
  });
});

describe("what an adversarial run of the CLI found (issue 15)", () => {
  const RLO = "\u202e";

  /** Scores a workbook built with ExcelJS from rows under the project header. */
  async function projectWorkbook(dir: string, rows: unknown[][], name = "in.xlsx") {
    const file = path.join(dir, name);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("项目自评表");
    sheet.addRow(PROJECT_HEADER);
    for (const row of rows) sheet.addRow(row);
    await workbook.xlsx.writeFile(file);
    return file;
  }

  it("keeps a note whose first line the user reworded, and one extended on the same line", async () => {
    const reworded = "【错误】「项目按期完成率」实际完成值已于12月补报财政局，见附件。";
    const dir = scratch();
    const first = path.join(dir, "first.xlsx");
    const edited = path.join(dir, "edited.xlsx");
    const second = path.join(dir, "second.xlsx");
    await run("score", project, "--out", first);
    const zip = await JSZip.loadAsync(readFileSync(first));
    const commentsPart = Object.keys(zip.files).find((name) =>
      /^xl\/comments\d*\.xml$/.test(name)
    )!;
    const comments = await zip.file(commentsPart)!.async("string");
    const changed = comments
      .replace(/(<comment ref="F14"[\s\S]*?<t(?:\s[^>]*)?>)[^<]*/, "$1" + reworded)
      .replace(/(<comment ref="I18"[\s\S]*?偏差原因分析及改进措施。)/, "$1用户备注：原因见第3页");
    expect(changed).toContain(reworded);
    expect(changed).toContain("用户备注：原因见第3页");
    zip.file(commentsPart, changed);
    writeFileSync(edited, await zip.generateAsync({ type: "nodebuffer" }));
    await run("score", edited, "--out", second);
    const sheet = (await load(second)).getWorksheet("项目自评表")!;
    expect(noteOf(sheet.getCell("F14"))).toBe(reworded);
    expect(noteOf(sheet.getCell("I18"))).toBe(
      "【警告】「师生满意度」得分9.78分（分值10分）有扣分，但未填写偏差原因分析及改进措施。用户备注：原因见第3页"
    );
    // The notes the user left alone are the tool's, replaced by this run's: one per cell.
    expect(noteOf(sheet.getCell("H14"))).toMatch(/^【错误】/);
  });

  it("exit 2 leaves an earlier output as it was when a later one cannot be written (immutable)", async () => {
    const dir = scratch();
    const out = path.join(dir, "o.xlsx");
    const json = path.join(dir, "j.json");
    writeFileSync(out, "earlier copy");
    writeFileSync(json, "earlier report");
    let immutable = true;
    try {
      execFileSync("chattr", ["+i", json], { stdio: "ignore" });
    } catch {
      immutable = false; // not root, or no such attribute here: writeOutputs.test.ts injects it
    }
    if (!immutable) return;
    try {
      const result = await run("score", department, "--out", out, "--json", json);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("无法写出 " + json);
    } finally {
      execFileSync("chattr", ["-i", json]);
    }
    expect(readFileSync(out, "utf8")).toBe("earlier copy");
  });

  it('"-" writes the report to standard output and the summary to stderr', async () => {
    const written: Array<Uint8Array | string> = [];
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await main(["score", department, "--json", "-"], {
      stdout: (text) => stdout.push(text),
      stderr: (text) => stderr.push(text),
      writeStandardOutput: async (bytes) => {
        written.push(bytes);
      },
    });
    expect(code).toBe(0);
    expect(stdout).toEqual([]);
    expect(JSON.parse(String(written[0])).rating).toBe("优");
    expect(stderr.join("\n")).toContain("已写出报告（JSON）：标准输出");
  });

  it("an output whose folder is a file is worded, not an internal error", async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, "file"), "x");
    const result = await run("score", department, "--out", path.join(dir, "file", "o.xlsx"));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "无法写出 " + path.join(dir, "file", "o.xlsx") + "：路径中有一段是文件而不是文件夹。"
    );
  });

  it("the last-resort handler never throws, even when stderr does", async () => {
    const code = await main(["score", "missing.xlsx"], {
      stdout: () => undefined,
      stderr: () => {
        throw Object.assign(new Error("write EPIPE"), { code: "EPIPE" });
      },
    });
    expect(code).toBe(2);
  });

  it("a package without [Content_Types].xml: the copy is refused in Chinese, nothing written", async () => {
    const dir = scratch();
    const zip = await JSZip.loadAsync(readFileSync(project));
    zip.remove("[Content_Types].xml");
    const input = path.join(dir, "no-types.xlsx");
    writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
    const json = path.join(dir, "r.json");
    const result = await run("score", input, "--out", path.join(dir, "o.xlsx"), "--json", json);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^无法(写出评分副本|读取)/);
    expect(result.stderr).not.toContain("内部错误");
    expect(existsSync(json)).toBe(false);
  });

  it("a macro-enabled workbook keeps its extension: --out x.xlsx is refused, x.xlsm is written", async () => {
    const dir = scratch();
    const zip = await JSZip.loadAsync(readFileSync(project));
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      types.replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
      )
    );
    const input = path.join(dir, "macro.xlsm");
    writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
    const refused = await run("score", input, "--out", path.join(dir, "copy.xlsx"));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("启用宏的工作簿（.xlsm）");
    expect(existsSync(path.join(dir, "copy.xlsx"))).toBe(false);
    const kept = await run("score", input, "--out", path.join(dir, "copy.xlsm"));
    expect(kept.code).toBe(1);
    const copy = await JSZip.loadAsync(readFileSync(path.join(dir, "copy.xlsm")));
    expect(await copy.file("[Content_Types].xml")!.async("string")).toContain("macroEnabled.main");
  });

  it("a copy named .txt or .xls is refused before anything is written: the copy is an .xlsx package", async () => {
    const dir = scratch();
    for (const name of ["copy.txt", "copy.xls", "COPY.ET"]) {
      const json = path.join(dir, name + ".json");
      const refused = await run("score", project, "--out", path.join(dir, name), "--json", json);
      expect([name, refused.code]).toEqual([name, 2]);
      expect(refused.stderr).toContain("的扩展名不对");
      expect(refused.stderr).toContain("请改用以 .xlsx 结尾的文件名");
      expect(existsSync(path.join(dir, name))).toBe(false);
      expect(existsSync(json)).toBe(false);
    }
    expect((await run("score", project, "--out", path.join(dir, "copy.xls"))).stderr).toContain(
      "不能保存为旧版 .xls 格式"
    );
  });

  it("a Strict OOXML workbook gets no half-transitional copy", async () => {
    const dir = scratch();
    const zip = await JSZip.loadAsync(readFileSync(project));
    for (const name of Object.keys(zip.files)) {
      if (zip.files[name].dir || !/\.(xml|rels)$/.test(name)) continue;
      const text = await zip.file(name)!.async("string");
      zip.file(
        name,
        text
          .replace(
            /http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g,
            "http://purl.oclc.org/ooxml/spreadsheetml/main"
          )
          .replace(
            /http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships/g,
            "http://purl.oclc.org/ooxml/officeDocument/relationships"
          )
      );
    }
    const input = path.join(dir, "strict.xlsx");
    writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
    const out = path.join(dir, "o.xlsx");
    const result = await run("score", input, "--out", out);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/严格 OOXML|无法读取/);
    expect(existsSync(out)).toBe(false);
  });

  it("four 20,000-character reasons: no cell of the copy exceeds Excel's 32,767, and nothing is lost", async () => {
    const dir = scratch();
    const reason = (n: number): string =>
      ("原因" + n + "：" + "因故延期。".repeat(4000)).slice(0, 20000);
    const input = await projectWorkbook(dir, [
      ["产出指标", "数量指标", "培训人次", "≥100人次", "80人次", 25, 20, reason(1)],
      ["产出指标", "质量指标", "培训合格率", "≥95%", "80%", 25, 21.05, reason(2)],
      ["效益指标", "社会效益指标", "政策知晓率", "≥90%", "60%", 25, 16.67, reason(3)],
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "45%", 25, 12.5, reason(4)],
    ]);
    const out = path.join(dir, "o.xlsx");
    const markdown = path.join(dir, "n.md");
    expect((await run("score", input, "--out", out, "--narrative", markdown)).code).toBeLessThan(2);
    const copy = await JSZip.loadAsync(readFileSync(out));
    let longest = 0;
    let narrativeText = "";
    for (const name of Object.keys(copy.files).filter((n) =>
      /^xl\/(worksheets|comments)/.test(n)
    )) {
      const file = copy.file(name);
      if (!file) continue;
      const xml = await file.async("string");
      for (const match of xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) {
        const text = match[1].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
        longest = Math.max(longest, text.length);
        narrativeText += text;
      }
      for (const match of xml.matchAll(/ ht="([\d.]+)"/g))
        expect(Number(match[1])).toBeLessThanOrEqual(409);
    }
    expect(longest).toBeLessThanOrEqual(32767);
    // Each reason is quoted whole somewhere in the copy (the narrative continues across rows).
    const markdownText = readFileSync(markdown, "utf8");
    expect(markdownText.length).toBeGreaterThan(60000);
    expect(narrativeText.replace(/\s/g, "")).toContain("因故延期；".repeat(3000));
  });

  it("escapes & in the Markdown, and makes a right-to-left override visible in every output", async () => {
    const dir = scratch();
    const input = await projectWorkbook(dir, [
      ["产出指标", "数量指标", "R&D&lt;b&gt;" + RLO + "反向", "≥100人次", "80人次", 50, 40, null],
      ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 50, 50, null],
    ]);
    const files = {
      out: path.join(dir, "o.xlsx"),
      json: path.join(dir, "r.json"),
      docx: path.join(dir, "n.docx"),
      narrative: path.join(dir, "n.md"),
    };
    const result = await run(
      "score",
      input,
      ...Object.entries(files).flatMap(([option, file]) => ["--" + option, file])
    );
    expect(result.code).toBeLessThan(2);
    const markdown = readFileSync(files.narrative, "utf8");
    expect(markdown).toContain("R\\&D\\&lt;b\\&gt;\\[U+202E\\]反向");
    expect(markdown).not.toContain(RLO);
    expect(readFileSync(files.json, "utf8")).not.toContain(RLO);
    expect(result.stdout).not.toContain(RLO);
    // What the tool wrote; the user's own cells in the copy keep the character, untouched.
    const original = await JSZip.loadAsync(readFileSync(input));
    for (const file of [files.out, files.docx]) {
      const zip = await JSZip.loadAsync(readFileSync(file));
      for (const name of Object.keys(zip.files)) {
        if (zip.files[name].dir) continue;
        const text = await zip.file(name)!.async("string");
        if (file === files.out && text === (await original.file(name)?.async("string"))) continue;
        expect(text).not.toContain(RLO);
      }
    }
    const report = JSON.parse(readFileSync(files.json, "utf8"));
    expect(report.indicators.map((i: { name: string }) => i.name)).toContain(
      "R&D&lt;b&gt;[U+202E]反向"
    );
  });

  it("a sheet name with a right-to-left override: shown in the terminal, escaped in the JSON", async () => {
    const dir = scratch();
    const input = path.join(dir, "in.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("自评表" + RLO + "5202");
    sheet.addRow(PROJECT_HEADER);
    sheet.addRow(["产出指标", "数量指标", "培训人次", "≥100人次", "80人次", 50, 40, null]);
    sheet.addRow(["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 50, 50, null]);
    await workbook.xlsx.writeFile(input);
    const json = path.join(dir, "r.json");
    const result = await run("score", input, "--json", json, "--out", path.join(dir, "o.xlsx"));
    expect(result.code).toBeLessThan(2);
    expect(result.stdout).toContain("自评表[U+202E]5202");
    expect(result.stdout).not.toContain(RLO);
    const text = readFileSync(json, "utf8");
    expect(text).not.toContain(RLO);
    expect(text).toContain("自评表\\u202e5202");
    expect(JSON.parse(text).problems[0].sheet).toBe("自评表" + RLO + "5202");
    const results: string[] = [];
    (await load(path.join(dir, "o.xlsx")))
      .getWorksheet("评分结果")!
      .eachRow((row) => row.eachCell((cell) => results.push(String(cell.value))));
    expect(results.join("")).toContain("自评表[U+202E]5202");
    expect(results.join("")).not.toContain(RLO);
  });
});
