import { readFileSync } from "fs";
import * as path from "path";
import type { WorkbookGrid } from "../../../../src/engine/grid/types";
import { readXlsxGrid } from "../../../../src/workbook/xlsx/readXlsxGrid";

export const LAYOUTS_DIR = path.join(__dirname, "..", "..", "..", "fixtures", "layouts");
export const FIXTURES_DIR = path.join(__dirname, "..", "..", "..", "fixtures");

/** Reads an .xlsx through the xlsx adapter, as the CLI does, into the engine's grid. */
export async function loadWorkbookGrid(file: string): Promise<WorkbookGrid> {
  return (await readXlsxGrid(readFileSync(file))).grid;
}

/** A fixture of test/fixtures/layouts by its base name. */
export function loadLayout(name: string): Promise<WorkbookGrid> {
  return loadWorkbookGrid(path.join(LAYOUTS_DIR, name + ".xlsx"));
}
