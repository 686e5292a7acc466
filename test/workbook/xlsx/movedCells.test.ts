/**
 * The user inserted a row above marked cells after scoring: every cell below moved down one row,
 * each note with its cell (as Excel and LibreOffice move them), while the record still names
 * the old addresses. The tool's notes, which read word for word as recorded, show where their
 * cells went, so a fixed cell loses its stale mark there and no note is left twice.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildWritePlan } from "../../../src/engine/output/buildWritePlan";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { readXlsxGrid } from "../../../src/workbook/xlsx/readXlsxGrid";
import { writeScoredCopy } from "../../../src/workbook/xlsx/writeScoredCopy";
import { PROJECT_HEADER } from "../../helpers/templateHeaders";

const SHEET = "项目自评表";

async function input(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET);
  sheet.addRow(PROJECT_HEADER);
  sheet.addRow(["产出指标", "数量指标", "培训人次", "≥100人次", null, 20, 20, null]);
  sheet.addRow(["产出指标", "质量指标", "培训合格率", "≥95%", "90%", 20, 20, null]);
  sheet.addRow(["效益指标", "社会效益指标", "政策知晓率", "≥90%", "95%", 30, 35, null]);
  sheet.addRow(["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "92%", 30, 30, null]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function scored(bytes: Uint8Array): Promise<Uint8Array> {
  const workbook = await readXlsxGrid(bytes);
  return writeScoredCopy(
    bytes,
    buildWritePlan(scoreWorkbook(workbook.grid, { fileName: "x.xlsx" }), workbook.grid)
  );
}

/** Inserts a blank row before `at` as a spreadsheet program saves it, and fixes the score now in G5. */
async function insertRowAndFix(bytes: Uint8Array, at: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const shift = (n: string): string => String(Number(n) >= at ? Number(n) + 1 : Number(n));
  const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  let moved = sheetXml
    .replace(/<row r="(\d+)"/g, (_w, n: string) => `<row r="${shift(n)}"`)
    .replace(/<c r="([A-Z]+)(\d+)"/g, (_w, c: string, n: string) => `<c r="${c}${shift(n)}"`);
  moved = moved.replace(/(<c r="G5"[^>]*>)<v>35<\/v>/, "$1<v>30</v>");
  expect(moved).toContain("<v>30</v>");
  zip.file("xl/worksheets/sheet1.xml", moved);
  const commentsName = Object.keys(zip.files).find((n) => /^xl\/comments\d*\.xml$/.test(n))!;
  const comments = await zip.file(commentsName)!.async("string");
  zip.file(
    commentsName,
    comments.replace(/ref="([A-Z]+)(\d+)"/g, (_w, c: string, n: string) => `ref="${c}${shift(n)}"`)
  );
  const vmlName = Object.keys(zip.files).find((n) => /\.vml$/.test(n))!;
  const vml = await zip.file(vmlName)!.async("string");
  zip.file(
    vmlName,
    vml.replace(
      /<x:Row>(\d+)<\/x:Row>/g,
      (_w, n: string) => `<x:Row>${Number(n) >= at - 1 ? Number(n) + 1 : n}</x:Row>`
    )
  );
  return zip.generateAsync({ type: "uint8array" });
}

async function look(bytes: Uint8Array, reference: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const cell = workbook.getWorksheet(SHEET)!.getCell(reference);
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const note = cell.note as unknown as { texts?: Array<{ text: string }> } | undefined;
  return {
    fill: fill && fill.pattern === "solid" ? fill.fgColor?.argb : undefined,
    note: note ? (note.texts ?? []).map((run) => run.text).join("") : null,
  };
}

describe("re-scoring after the user inserted a row above marked cells", () => {
  it("finds the tool's marks where they moved to", async () => {
    const first = await scored(await input());
    expect(await look(first, "G4")).toEqual({
      fill: "FFFFC7CE",
      note: "【错误】「政策知晓率」自评得分35分超过分值30分，得分不能超过该指标分值。",
    });
    const second = await scored(await insertRowAndFix(first, 3));
    // G4 moved to G5 and was fixed: no stale red, no stale note.
    expect(await look(second, "G5")).toEqual({ fill: undefined, note: null });
    // G3 and H3 moved to G4 and H4 and are still warnings: one note each, this run's.
    expect(await look(second, "G4")).toEqual({
      fill: "FFFFEB9C",
      note: "【警告】「培训合格率」填写的自评得分为20分，按评分规则计算应为18.95分。已采用填写的得分，请核实。",
    });
    expect((await look(second, "H4")).fill).toBe("FFFFEB9C");
    // E2 did not move and is still missing.
    expect((await look(second, "E2")).fill).toBe("FFFFC7CE");
    const zip = await JSZip.loadAsync(second);
    const commentsName = Object.keys(zip.files).find((n) => /^xl\/comments\d*\.xml$/.test(n))!;
    const refs = (
      (await zip.file(commentsName)!.async("string")).match(/ref="[A-Z]+\d+"/g) ?? []
    ).sort();
    expect(refs).toEqual(['ref="E2"', 'ref="G4"', 'ref="H4"']);
  });
});
