/**
 * A scored copy saved by LibreOffice Calc (test/fixtures/libreoffice/, made by make-fixture.js
 * there): Calc keeps our custom XML record (linking it from the package root) and the cells'
 * fill colours, but renumbers every style, drops the notes' author and splits note text into
 * runs. The user had filled in E2 and corrected G4 (35 → 30, a cell they had filled light blue
 * before scoring) and added words to H3's note. Scoring it again must take back exactly the
 * tool's stale marks, recognised by what the record holds, not by style index or author.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "fs";
import path from "path";
import { buildWritePlan } from "../../../src/engine/output/buildWritePlan";
import { scoreWorkbook, type ScoreResult } from "../../../src/engine/scoreWorkbook";
import { readXlsxGrid } from "../../../src/workbook/xlsx/readXlsxGrid";
import { writeScoredCopy } from "../../../src/workbook/xlsx/writeScoredCopy";
import { partText, unzipParts } from "./packageInspection";

const FIXTURE = path.join(__dirname, "../../fixtures/libreoffice/libreoffice-saved-copy.xlsx");
const SHEET = "项目自评表";
const RED = "FFFFC7CE";
const YELLOW = "FFFFEB9C";
const USER_BLUE = "FFDDEBF7";

interface Seen {
  fill: string | undefined;
  note: string | null;
  font: string;
  border: string;
}

async function look(bytes: Uint8Array, cells: readonly string[]): Promise<Record<string, Seen>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(SHEET)!;
  const seen: Record<string, Seen> = {};
  for (const reference of cells) {
    const cell = sheet.getCell(reference);
    const fill = cell.fill as ExcelJS.FillPattern | undefined;
    const note = cell.note as unknown as { texts?: Array<{ text: string }> } | string | undefined;
    seen[reference] = {
      fill: fill && fill.pattern === "solid" ? fill.fgColor?.argb : undefined,
      note:
        note === undefined
          ? null
          : typeof note === "string"
            ? note
            : (note.texts ?? []).map((run) => run.text).join(""),
      font: JSON.stringify(cell.font ?? {}),
      border: JSON.stringify(cell.border ?? {}),
    };
  }
  return seen;
}

describe("re-scoring a copy LibreOffice saved", () => {
  let input: Uint8Array;
  let result: ScoreResult;
  let output: Uint8Array;
  let before: Record<string, Seen>;
  let after: Record<string, Seen>;
  const cells = ["E2", "E3", "G3", "H3", "G4", "G5"];

  beforeAll(async () => {
    input = new Uint8Array(readFileSync(FIXTURE));
    const workbook = await readXlsxGrid(input);
    result = scoreWorkbook(workbook.grid, { fileName: "x.xlsx" });
    output = await writeScoredCopy(input, buildWritePlan(result, workbook.grid));
    before = await look(input, cells);
    after = await look(output, cells);
  });

  it("is the file the test is about: Calc renumbered the styles and dropped the notes' author", async () => {
    const parts = await unzipParts(input);
    const record = partText(parts, "customXml/item1.xml");
    // The record says E2 was marked with xf 7, but Calc saved E2 with another index.
    expect(record).toMatch(/<c r="E2" s="\d+" m="7" f="FFFFC7CE">/);
    expect(partText(parts, "xl/worksheets/sheet1.xml")).toMatch(/<c r="E2" s="6"/);
    expect(partText(parts, "xl/comments1.xml")).toContain("<author> </author>");
    expect(partText(parts, "_rels/.rels")).toContain("customXml/item1.xml");
    expect(before.E2.fill).toBe(RED);
    expect(before.G4.fill).toBe(RED);
  });

  it("the report lists no problem at the cells the user fixed", () => {
    const cellsWithProblems = result.problems.map((problem) => problem.cell);
    expect(cellsWithProblems).not.toContain("E2");
    expect(cellsWithProblems).not.toContain("G4");
    expect(cellsWithProblems).toEqual(expect.arrayContaining(["G3", "H3"]));
  });

  it("takes the stale red fill and 【错误】 note off the fixed cells", () => {
    expect(after.E2.fill).toBeUndefined();
    expect(after.E2.note).toBeNull();
    expect(after.G4.note).toBeNull();
  });

  it("gives back the fill the user had under the mark, and changes nothing else of the cell", () => {
    expect(after.G4.fill).toBe(USER_BLUE);
    expect(after.G4.font).toBe(before.G4.font);
    expect(after.G4.border).toBe(before.G4.border);
    expect(after.E2.border).toBe(before.E2.border);
  });

  it("a cell still in trouble keeps one mark and its font, and gets its note once", () => {
    expect(after.G3.fill).toBe(YELLOW);
    expect(after.G3.font).toBe(before.G3.font);
    expect(after.G3.font).toBe(after.G5.font);
    expect(after.G3.note).toBe(
      "【警告】「培训合格率」填写的自评得分为20分，按评分规则计算应为18.95分。已采用填写的得分，请核实。"
    );
  });

  it("keeps the note the user added words to, as they left it", () => {
    expect(after.H3.note).toBe(
      "【警告】「培训合格率」未完成年度指标值，但未填写偏差原因分析及改进措施。\n用户备注：原因见第3页"
    );
    expect(after.H3.fill).toBe(YELLOW);
  });

  it("puts no markup from a tampered record into styles.xml", async () => {
    const zip = await JSZip.loadAsync(input);
    const record = await zip.file("customXml/item1.xml")!.async("string");
    const tampered = record.replace(
      /(<c r="G4"[^>]*><fill>)[^<]*(<\/fill>)/,
      "$1&lt;fill&gt;&lt;/fill&gt;&lt;/fills&gt;&lt;evil/&gt;&lt;fills&gt;&lt;fill&gt;&lt;/fill&gt;$2"
    );
    expect(tampered).not.toBe(record);
    zip.file("customXml/item1.xml", tampered);
    const bytes = await zip.generateAsync({ type: "uint8array" });
    const workbook = await readXlsxGrid(bytes);
    const copy = await writeScoredCopy(
      bytes,
      buildWritePlan(scoreWorkbook(workbook.grid, { fileName: "x.xlsx" }), workbook.grid)
    );
    expect(partText(await unzipParts(copy), "xl/styles.xml")).not.toContain("evil");
    // The cell whose fill cannot be trusted keeps the mark rather than get a guessed fill.
    expect((await look(copy, ["G4"])).G4.fill).toBe(RED);
  });

  it("updates the record where Calc left it, and scoring once more changes nothing", async () => {
    const parts = await unzipParts(output);
    const records = Array.from(parts.keys()).filter((name) =>
      partText(parts, name).includes("urn:selfeval:marks:v1")
    );
    expect(records).toEqual(["customXml/item1.xml"]);
    const record = partText(parts, "customXml/item1.xml");
    expect(record).not.toContain('r="E2"');
    expect(record).not.toContain('r="G4"');
    const workbook = await readXlsxGrid(output);
    const again = await writeScoredCopy(
      output,
      buildWritePlan(scoreWorkbook(workbook.grid, { fileName: "x.xlsx" }), workbook.grid)
    );
    expect(await look(again, cells)).toEqual(after);
  });
});
