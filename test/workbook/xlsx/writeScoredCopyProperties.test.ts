/**
 * Property and scale checks: random marks anywhere on the hand-written template never break the
 * package, and a large sheet is marked in one pass.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { toA1 } from "../../../src/engine/grid/address";
import type { CellMark } from "../../../src/engine/output/types";
import { writeScoredCopy } from "../../../src/workbook/xlsx/writeScoredCopy";
import {
  MAIN_SHEET,
  MAIN_SHEET_PART,
  SECOND_SHEET,
  buildHandWrittenTemplate,
} from "./handWrittenTemplate";
import { cellElements, partText, unzipParts, withoutStyle } from "./packageInspection";

const FILL = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" } as const;

const markArbitrary = fc.record({
  sheet: fc.constantFrom(MAIN_SHEET, SECOND_SHEET),
  row: fc.integer({ min: 1, max: 200 }),
  column: fc.integer({ min: 1, max: 20 }),
  severity: fc.constantFrom<"error" | "warning" | "info">("error", "warning", "info"),
  note: fc.string({ unit: "binary", maxLength: 40 }),
});

test("random marks never throw, always load in ExcelJS, and every marked cell is filled", async () => {
  const template = await buildHandWrittenTemplate();
  await fc.assert(
    fc.asyncProperty(
      fc.uniqueArray(markArbitrary, {
        maxLength: 60,
        selector: (mark) => mark.sheet + "!" + mark.row + ":" + mark.column,
      }),
      async (generated) => {
        const marks: CellMark[] = generated.map((mark) => ({
          sheet: mark.sheet,
          cell: toA1(mark.row, mark.column),
          severity: mark.severity,
          note: mark.note,
        }));
        const output = await writeScoredCopy(template, { marks, sheets: [] });
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(output as unknown as ArrayBuffer);
        for (const mark of marks) {
          const fill = workbook.getWorksheet(mark.sheet)!.getCell(mark.cell)
            .fill as ExcelJS.FillPattern;
          expect(fill?.fgColor?.argb).toBe(FILL[mark.severity]);
        }
        // The original cells are all still there with their values.
        const before = cellElements(partText(await unzipParts(template), MAIN_SHEET_PART));
        const after = cellElements(partText(await unzipParts(output), MAIN_SHEET_PART));
        for (const [ref, element] of before)
          expect(withoutStyle(after.get(ref)!)).toBe(withoutStyle(element));
      }
    ),
    { numRuns: 40, seed: 20240301 }
  );
  // 40 ExcelJS loads: several seconds on a busy 2-core machine, past jest's default 5 s.
}, 30000);

test("2,000 marks on a 20,000-row sheet take well under a second", async () => {
  const rows: string[] = [];
  for (let r = 1; r <= 20000; r++) {
    let cells = "";
    for (let c = 1; c <= 8; c++) {
      if ((r + c) % 5 === 0) continue; // gaps, so some marks create cells
      cells +=
        c % 2
          ? `<c r="${toA1(r, c)}" s="1"><v>${r * c}</v></c>`
          : `<c r="${toA1(r, c)}" t="s"><v>3</v></c>`;
    }
    rows.push(`<row r="${r}" spans="1:8">${cells}</row>`);
  }
  const sheet =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<dimension ref="A1:H20000"/><sheetData>${rows.join("")}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  const template = await buildHandWrittenTemplate({
    [MAIN_SHEET_PART]: sheet,
    "xl/worksheets/_rels/sheet2.xml.rels": null,
  });
  const marks: CellMark[] = [];
  for (let i = 0; i < 2000; i++) {
    marks.push({
      sheet: MAIN_SHEET,
      cell: toA1(1 + i * 10, 1 + (i % 9)),
      severity: i % 3 ? "warning" : "error",
      note: "第" + i + "个问题：得分超过分值",
    });
  }
  // Speed is measured by `npm run bench`; this pins the result on a large sheet.
  const output = await writeScoredCopy(template, { marks, sheets: [] });

  const parts = await unzipParts(output);
  const cells = cellElements(partText(parts, MAIN_SHEET_PART));
  expect(cells.get("A1")).toMatch(/^<c r="A1" s="[0-9]+"><v>1<\/v><\/c>$/);
  expect(cells.get("I19971")).toMatch(/^<c r="I19971" s="[0-9]+"\/>$/);
  expect((partText(parts, "xl/comments2.xml").match(/<comment /g) ?? []).length).toBe(2000);
});
