/**
 * The writer against workbooks written by another tool (test/fixtures), and the whole pipeline:
 * read → score → plan → write → read again.
 */
import ExcelJS from "exceljs";
import { readFileSync, readdirSync } from "fs";
import path from "path";
import { fingerprintTexts } from "../../../src/engine/output/fingerprintTexts";
import { buildWritePlan } from "../../../src/engine/output/buildWritePlan";
import { planOutputSheets } from "../../../src/engine/output/planOutputSheets";
import type { CellMark, OutputSheet } from "../../../src/engine/output/types";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { parseA1 } from "../../../src/engine/grid/address";
import { readXlsxGrid } from "../../../src/workbook/xlsx/readXlsxGrid";
import { writeScoredCopy } from "../../../src/workbook/xlsx/writeScoredCopy";
import {
  cellElements,
  partText,
  sameBytes,
  sheetParts,
  unzipParts,
  withoutStyle,
} from "./packageInspection";

/** What ExcelJS reads for a cell: its fill colour and its note's text. */
function seenByExcelJS(
  workbook: ExcelJS.Workbook,
  sheet: string,
  address: string
): { fill: string | undefined; note: string | null } {
  const { row, column } = parseA1(address)!;
  // findCell, not getCell: a marked cell must exist after reading, not be made up on demand.
  const found = workbook.getWorksheet(sheet)!.findCell(row, column);
  const fill = found?.fill as ExcelJS.FillPattern | undefined;
  const note = found?.note as unknown as { texts: Array<{ text: string }> } | undefined;
  return {
    fill: fill?.fgColor?.argb,
    note: note ? note.texts.map((run) => run.text).join("") : null,
  };
}

const FIXTURES = path.join(__dirname, "../../fixtures");

function fixtureFiles(): string[] {
  const top = readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".xlsx"))
    .map((name) => path.join(FIXTURES, name));
  const layouts = readdirSync(path.join(FIXTURES, "layouts"))
    .filter((name) => name.endsWith(".xlsx"))
    .map((name) => path.join(FIXTURES, "layouts", name));
  return top.concat(layouts);
}

const SIMPLE_OUTPUT: OutputSheet = {
  owner: "results",
  preferredName: "评分结果",
  columnWidths: [20, 12],
  rows: [{ cells: [{ text: "评分结果", style: "title" }], mergeAcross: 2 }],
  printFitWidth: true,
  fingerprint: fingerprintTexts(["评分结果"]),
};

describe.each(fixtureFiles().map((file) => [path.relative(FIXTURES, file), file]))(
  "fixture %s",
  (_label, file) => {
    test("marks on existing and missing cells; untouched parts stay byte-identical; ExcelJS reads it", async () => {
      const input = new Uint8Array(readFileSync(file));
      const before = await unzipParts(input);
      const sheets = sheetParts(before);
      const marks: CellMark[] = [];
      for (const [sheet, part] of sheets) {
        const cells = Array.from(cellElements(partText(before, part)).keys());
        cells.forEach((ref, index) => {
          if (index % 3 === 0)
            marks.push({
              sheet,
              cell: ref,
              severity: index % 2 ? "error" : "warning",
              note: "检查 " + ref,
            });
        });
        marks.push({ sheet, cell: "L3", severity: "error", note: "空单元格" });
        marks.push({ sheet, cell: "B500", severity: "warning", note: "表外" });
      }
      const output = await writeScoredCopy(input, {
        marks,
        sheets: [{ sheet: SIMPLE_OUTPUT, name: "评分结果", mode: "create" }],
      });
      const after = await unzipParts(output);
      const touched = new Set([
        "[Content_Types].xml",
        "docProps/app.xml",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
      ]);
      sheets.forEach((part) => touched.add(part));
      for (const [name, bytes] of before) {
        expect(after.has(name)).toBe(true);
        if (!touched.has(name))
          expect({ name, same: sameBytes(bytes, after.get(name)) }).toEqual({ name, same: true });
      }
      for (const part of sheets.values()) {
        const original = cellElements(partText(before, part));
        const written = cellElements(partText(after, part));
        for (const [ref, element] of original)
          expect(withoutStyle(written.get(ref)!)).toBe(withoutStyle(element));
      }

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(output as unknown as ArrayBuffer);
      for (const mark of marks) {
        const seen = seenByExcelJS(workbook, mark.sheet, mark.cell);
        const argb = mark.severity === "error" ? "FFFFC7CE" : "FFFFEB9C";
        expect({ cell: mark.cell, fill: seen.fill, noted: seen.note !== null }).toEqual({
          cell: mark.cell,
          fill: argb,
          noted: true,
        });
      }
      expect(workbook.getWorksheet("评分结果")!.getCell("A1").value).toBe("评分结果");
    });
  }
);

describe.each([["department-education-2024.xlsx"], ["project-school-safety-2024.xlsx"]])(
  "pipeline on %s",
  (name) => {
    test("read → score → write → read: marks are there, and the next run replaces its own sheets", async () => {
      const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, name)));
      const workbook = await readXlsxGrid(bytes);
      const result = scoreWorkbook(workbook.grid, { fileName: name });
      const plan = buildWritePlan(result, workbook.grid);
      expect(plan.sheets.map((placed) => placed.mode)).toEqual(["create", "create"]);
      expect(plan.marks.length).toBeGreaterThan(0);
      const output = await writeScoredCopy(bytes, plan, { zip: workbook.zip });

      const reread = await readXlsxGrid(output);
      for (const placed of plan.sheets) {
        const sheet = reread.grid.sheets.find((candidate) => candidate.name === placed.name);
        expect(sheet?.owner).toEqual({
          kind: placed.sheet.owner,
          writtenFingerprint: placed.sheet.fingerprint,
        });
      }
      const next = planOutputSheets(
        reread.grid,
        plan.sheets.map((placed) => placed.sheet)
      );
      expect(next.map((placed) => placed.mode)).toEqual(plan.sheets.map(() => "replace"));
      // The user's sheets read back the same as before.
      for (const sheet of workbook.grid.sheets) {
        const again = reread.grid.sheets.find((candidate) => candidate.name === sheet.name)!;
        for (let row = 1; row <= sheet.rowCount; row++) {
          for (let column = 1; column <= sheet.columnCount; column++) {
            expect(again.cell(row, column)?.value ?? null).toEqual(
              sheet.cell(row, column)?.value ?? null
            );
          }
        }
      }

      const excel = new ExcelJS.Workbook();
      await excel.xlsx.load(output as unknown as ArrayBuffer);
      for (const mark of plan.marks) {
        expect(seenByExcelJS(excel, mark.sheet, mark.cell).note).toBe(mark.note);
      }

      // Writing again over the copy replaces in place: no third sheet, no "(2)".
      const again = await writeScoredCopy(output, { marks: plan.marks, sheets: next });
      const sheetNames = Array.from(sheetParts(await unzipParts(again)).keys());
      expect(sheetNames).toEqual(Array.from(sheetParts(await unzipParts(output)).keys()));
    });
  }
);
