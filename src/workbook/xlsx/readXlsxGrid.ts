import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createSheetGrid, type RawCell } from "../../engine/grid/createSheetGrid";
import type {
  CellValue,
  MergedArea,
  SheetGrid,
  SheetOwner,
  WorkbookGrid,
} from "../../engine/grid/types";
import { formatCellText } from "./formatCellText";
import { parseRelationships, relationshipsPartFor, resolveTarget } from "./opcPackage";
import { readOwnerMarks } from "./readOwnerMarks";
import { readWorkbookSheets } from "./workbookPart";

/** Thrown when the bytes are not an .xlsx package ExcelJS can read. */
export class UnreadableWorkbookError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "UnreadableWorkbookError";
  }
}

export interface XlsxWorkbook {
  readonly grid: WorkbookGrid;
  /** The package, loaded once, for writing the scored copy without unzipping again. */
  readonly zip: JSZip;
}

/** Reads an .xlsx into the engine's grid. Works in Node and in the browser. */
export async function readXlsxGrid(bytes: Uint8Array): Promise<XlsxWorkbook> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new UnreadableWorkbookError("not a zip package: " + String(error));
  }
  const workbookPart = zip.file("xl/workbook.xml");
  if (!workbookPart) throw new UnreadableWorkbookError("no xl/workbook.xml");
  const workbookXml = await workbookPart.async("string");
  const owners = await ownersAsWritten(zip, workbookXml, readOwnerMarks(workbookXml));
  const allSheetNames = readWorkbookSheets(workbookXml).map((sheet) => sheet.name);

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableWorkbookError(String(error));
  }
  const sheets: SheetGrid[] = [];
  workbook.eachSheet((worksheet) => {
    sheets.push(
      createSheetGrid({
        name: worksheet.name,
        cells: rawCells(worksheet),
        merges: mergesOf(worksheet),
        // ExcelJS gives no displayed text; numbers are formatted when the engine asks.
        formatNumber: formatCellText,
        owner: owners.get(worksheet.name) ?? null,
      })
    );
  });
  const read = new Set(sheets.map((sheet) => sheet.name));
  const otherSheetNames = allSheetNames.filter((name) => !read.has(name));
  return { grid: { sheets, otherSheetNames }, zip };
}

/**
 * The tool's own sheets, with the fingerprint of what it wrote — unless the user has since
 * given one notes, pictures or charts (the tool writes none): such a sheet counts as edited,
 * so that re-scoring writes a new sheet beside it instead of dropping what the user added.
 */
async function ownersAsWritten(
  zip: JSZip,
  workbookXml: string,
  owners: Map<string, SheetOwner>
): Promise<Map<string, SheetOwner>> {
  if (owners.size === 0) return owners;
  const relationships = parseRelationships(
    await (zip.file("xl/_rels/workbook.xml.rels")?.async("string") ?? Promise.resolve(null))
  );
  for (const sheet of readWorkbookSheets(workbookXml)) {
    const owner = owners.get(sheet.name);
    if (!owner) continue;
    const relationship = relationships.find((candidate) => candidate.id === sheet.relationshipId);
    if (!relationship) continue;
    const part = resolveTarget("xl/workbook.xml", relationship.target);
    const rels = zip.file(relationshipsPartFor(part));
    if (rels && parseRelationships(await rels.async("string")).length > 0)
      owners.set(sheet.name, { kind: owner.kind, writtenFingerprint: null });
  }
  return owners;
}

function rawCells(worksheet: ExcelJS.Worksheet): RawCell[] {
  const raws: RawCell[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      // Merged non-master cells (ExcelJS repeats the master's value there) are dropped by createSheetGrid.
      const raw = rawCell(cell);
      if (raw) raws.push(raw);
    });
  });
  return raws;
}

function numberFormatOf(cell: ExcelJS.Cell): string {
  return (cell.numFmt as string | undefined) || "General";
}

function plainText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "richText" in value) {
    return (value as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join("");
  }
  return value === null || value === undefined ? "" : String(value);
}

function fromResult(result: unknown): CellValue | undefined {
  if (result === undefined || result === null) return undefined;
  if (typeof result === "number" || typeof result === "boolean") return result;
  if (result instanceof Date) return result.toISOString().slice(0, 10);
  if (typeof result === "object" && "error" in (result as object))
    return { error: String((result as { error: unknown }).error) };
  return plainText(result);
}

function rawCell(cell: ExcelJS.Cell): RawCell | null {
  const row = Number(cell.row);
  const column = Number(cell.col);
  const numberFormat = numberFormatOf(cell);
  const value = cell.value as unknown;
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && !(value instanceof Date)) {
    const object = value as Record<string, unknown>;
    if ("formula" in object || "sharedFormula" in object) {
      return {
        row,
        column,
        value: fromResult(object.result),
        numberFormat,
        formula: String(object.formula ?? object.sharedFormula ?? ""),
        formulaNotCalculated: object.result === undefined,
      };
    }
    if ("error" in object)
      return { row, column, value: { error: String(object.error) }, numberFormat };
    if ("hyperlink" in object) return { row, column, value: plainText(object.text), numberFormat };
    if ("richText" in object) return { row, column, value: plainText(object), numberFormat };
  }
  return { row, column, value: fromResult(value), numberFormat };
}

function mergesOf(worksheet: ExcelJS.Worksheet): MergedArea[] {
  // ExcelJS keeps merges privately; its public `model` would serialise every row to get them.
  const merges =
    (worksheet as unknown as { _merges?: Record<string, { model: MergedArea }> })._merges ?? {};
  return Object.keys(merges).map((key) => {
    const area = merges[key].model;
    return { top: area.top, left: area.left, bottom: area.bottom, right: area.right };
  });
}
