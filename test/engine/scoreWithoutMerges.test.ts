import { promises as fs } from "fs";
import * as path from "path";
import { readXlsxGrid } from "../../src/workbook/xlsx/readXlsxGrid";
import { scoreWorkbook } from "../../src/engine/scoreWorkbook";
import type { SheetGrid, WorkbookGrid } from "../../src/engine/grid/types";

/**
 * Excel 2016/2019 (below ExcelApi 1.13) cannot tell the add-in which cells are merged: it sees
 * only the merge's top-left value and blanks. The engine must read the same forms either way.
 */
function withoutMergeInformation(workbook: WorkbookGrid): WorkbookGrid {
  return {
    ...workbook,
    sheets: workbook.sheets.map((sheet): SheetGrid => {
      const blind = Object.create(sheet) as SheetGrid;
      Object.defineProperty(blind, "merges", { value: [] });
      return blind;
    }),
  };
}

const FIXTURES = path.join(__dirname, "..", "fixtures");

async function fixtureFiles(): Promise<string[]> {
  const files: string[] = [];
  for (const dir of [FIXTURES, path.join(FIXTURES, "layouts")])
    for (const file of await fs.readdir(dir))
      if (file.endsWith(".xlsx")) files.push(path.join(dir, file));
  return files;
}

describe("scoring without merge information", () => {
  it("gives every fixture the same forms, scores, problems and narrative facts", async () => {
    const files = await fixtureFiles();
    expect(files.length).toBeGreaterThanOrEqual(13);
    for (const file of files) {
      const grid = (await readXlsxGrid(await fs.readFile(file))).grid;
      const withMerges = scoreWorkbook(grid);
      const blind = scoreWorkbook(withoutMergeInformation(grid));
      expect({ file, report: blind.report, info: blind.forms.map((f) => f.detected.info) }).toEqual(
        {
          file,
          report: withMerges.report,
          info: withMerges.forms.map((f) => f.detected.info),
        }
      );
    }
  });
});
