/**
 * Writes a plan into the open workbook whole or not at all. Office.js batches are not
 * transactions, so: everything that can be checked is checked first (protected sheets, names
 * taken since scoring, whether a sheet to replace is still the tool's own); then everything is
 * written in one batch (more only past the payload budget); and if Excel still refuses part of
 * it, what was written is undone — new sheets deleted, fills and notes put back, a replaced sheet
 * renamed back (it is only deleted after its successor is complete) — before WorkbookPortError.
 */
import type { PlacedOutputSheet, WritePlan } from "../../engine";
import {
  BACKUP_SHEET_NAME,
  TEMPORARY_SHEET_NAME,
  cellsToInspect,
  findSheet,
  decideCellChanges,
  markedCount,
  placeOutputSheets,
  protectedSheetError,
  recordedOwners,
  sameFill,
  storeWriteRecords,
  touchedSheets,
  writtenSheets,
  type CellChange,
  type Placement as OpenPlacement,
  type TouchedSheet as OpenTouchedSheet,
} from "./openWorkbookWrite";
import { OWNER_MARK_NAME, formatOwnerMark } from "../ownerMark";
import { WorkbookPortError, noticesOf, type WriteNotice, type WriteOutcome } from "../port";
import type { ApiSupport } from "./apiSupport";
import { readFillRecord } from "./fillRecord";
import { inspectSheet, setNote, type SheetInspection } from "./inspectCells";
import type { SettingsStore } from "./officeHost";
import { applyFills, fillColour, fillPattern, loadFill, type CellFill } from "./paintFills";
import { isAccessDenied } from "./protection";
import { queuePrintLayout, renderOutputSheet } from "./renderOutputSheet";
import { OPERATION_BYTES, RequestBudget, jsonBytes } from "./requestBudget";
import { errorDetail, refreshSettings, type SaveFailure } from "./saveSettings";
import { ownerFromMarkText } from "./settingsOwners";
import { freeSheetName } from "./sheetNames";

export interface SheetInfo {
  readonly sheet: Excel.Worksheet;
  readonly name: string;
  readonly id: string;
  readonly position: number;
}

type TouchedSheet = OpenTouchedSheet<SheetInfo> & { inspection?: SheetInspection };
type Placement = OpenPlacement<SheetInfo>;

interface WrittenSheet {
  readonly sheet: Excel.Worksheet;
  readonly placement: Placement;
}

/** Loads the workbook's worksheets (one sync). */
export async function loadSheets(context: Excel.RequestContext): Promise<SheetInfo[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id,items/position");
  await context.sync();
  return worksheets.items.map((sheet) => ({
    sheet,
    name: sheet.name,
    id: sheet.id,
    position: sheet.position,
  }));
}

/**
 * The worksheets, and whether the workbook's structure is protected (ExcelApi 1.7; false where
 * it cannot be told), in one sync.
 */
export async function loadWorkbookState(
  context: Excel.RequestContext,
  support: ApiSupport
): Promise<{ sheets: SheetInfo[]; structureProtected: boolean }> {
  const protection = support.workbookProtection ? context.workbook.protection : null;
  if (protection) protection.load("protected");
  const sheets = await loadSheets(context);
  return { sheets, structureProtected: protection ? protection.protected : false };
}

export async function writePlan(
  context: Excel.RequestContext,
  support: ApiSupport,
  settings: SettingsStore,
  plan: WritePlan
): Promise<WriteOutcome> {
  // The ribbon command and the pane each hold their own copy of the settings: start from what
  // the document holds, not from what this instance loaded when it started.
  await refreshSettings(settings);
  const { sheets, structureProtected } = await loadWorkbookState(context, support);
  // Output sheets cannot be added to a workbook whose structure is protected: stop before any
  // highlight is painted, so that nothing is half done.
  if (structureProtected && plan.sheets.length > 0)
    throw new WorkbookPortError("sheet-protected", { code: "workbook-protected", host: "excel" });
  const owners = recordedOwners(settings, sheets);
  const touched: TouchedSheet[] = touchedSheets(sheets, readFillRecord(settings), plan.marks);

  // One request loads the state of every cell to touch and of every sheet to replace.
  const budget = new RequestBudget(context);
  for (const entry of touched)
    entry.inspection = await inspectSheet(entry.info.sheet, cellsToInspect(entry), support, budget);
  const replaceChecks = plan.sheets.map((placed) => {
    const info = placed.mode === "replace" ? findSheet(sheets, placed.name) : undefined;
    if (!info) return null;
    const protection = support.formatting ? info.sheet.protection : null;
    if (protection) protection.load("protected");
    const mark = support.scopedNames ? info.sheet.names.getItemOrNullObject(OWNER_MARK_NAME) : null;
    if (mark) mark.load("value");
    return { info, protection, mark };
  });
  await budget.reserve(OPERATION_BYTES);
  await budget.sync();

  for (const entry of touched) {
    entry.inspection!.settle();
    decideChanges(entry, support);
    if (entry.changes.length > 0 && entry.inspection!.isProtected())
      throw protectedSheetError("excel", entry.info.name, "mark");
  }

  const taken = sheets.map((sheet) => sheet.name);
  const placements = placeOutputSheets<SheetInfo>(
    "excel",
    plan.sheets,
    (_placed, index) => {
      const check = replaceChecks[index];
      if (!check) return null;
      return {
        info: check.info,
        owner:
          (check.mark && !check.mark.isNullObject
            ? ownerFromMarkText(String(check.mark.value))
            : null) ?? owners.ownerOf(check.info.id),
        protected: check.protection ? check.protection.protected : false,
      };
    },
    taken
  );

  const { written, leftBehind } = await writeBatch(
    context,
    support,
    touched,
    placements,
    sheets,
    taken
  );

  // The records go into the document only once the workbook holds what they describe.
  const saveFailure = await storeWriteRecords(
    settings,
    touched,
    owners.sheets,
    placements,
    written.map(({ sheet, placement }) => ({ id: sheet.id, placement }))
  );
  const marked = markedCount(touched);
  return {
    marked,
    sheets: writtenSheets(placements),
    ...noticesOf(
      notices(support, placements, marked, saveFailure).concat(
        leftBehind.map((sheet) => ({ code: "old-sheet-kept" as const, sheet }))
      )
    ),
  };
}

/** What changes in a sheet's cells, and what is recorded for the next run. */
function decideChanges(entry: TouchedSheet, support: ApiSupport): void {
  const decided = decideCellChanges({
    recorded: entry.recorded,
    marks: entry.marks,
    states: entry.inspection!.cells,
    notes: support.notes,
  });
  entry.changes = decided.changes;
  entry.recordedNow = decided.recordedNow;
}

/** Queues fills and notes of changed cells, to their new state or (`undo`) their old one. */
export async function queueCellChanges(
  sheet: Excel.Worksheet,
  changes: readonly CellChange[],
  support: ApiSupport,
  budget: RequestBudget,
  currentNotes: ReadonlyMap<string, string | null> | null = null,
  undo = false
): Promise<void> {
  const fills: CellFill[] = changes
    .filter((change) => undo || !sameFill(change, change.before))
    .map((change) => {
      const target = undo ? change.before : change;
      return {
        cell: change.cell,
        fill: target.fill,
        pattern: target.pattern,
        patternColor: target.patternColor,
      };
    });
  await applyFills(sheet, fills, support, budget);
  if (!support.notes) return;
  for (const change of changes) {
    const current = currentNotes ? (currentNotes.get(change.cell) ?? null) : change.before.note;
    const wanted = undo ? change.before.note : change.note;
    if (current === wanted) continue;
    await budget.reserve(OPERATION_BYTES + jsonBytes(wanted));
    setNote(sheet, change.cell, current, wanted);
  }
}

function markOwner(
  worksheet: Excel.Worksheet,
  placed: PlacedOutputSheet,
  support: ApiSupport
): void {
  if (!support.scopedNames) return;
  const mark = worksheet.names.add(
    OWNER_MARK_NAME,
    "=" + formatOwnerMark(placed.sheet.owner, placed.sheet.fingerprint)
  );
  mark.visible = false;
}

async function writeBatch(
  context: Excel.RequestContext,
  support: ApiSupport,
  touched: readonly TouchedSheet[],
  placements: readonly Placement[],
  sheetsBefore: readonly SheetInfo[],
  taken: string[]
): Promise<{ written: WrittenSheet[]; leftBehind: string[] }> {
  const backups: Array<{ backup: string; original: string; sheet: Excel.Worksheet }> = [];
  const written: WrittenSheet[] = [];
  const budget = new RequestBudget(context);
  try {
    for (const entry of touched) {
      await queueCellChanges(entry.info.sheet, entry.changes, support, budget);
    }
    // The user's cells in one request, the output sheets in the next: a fixed number of syncs,
    // each of them under the limit for a 20,000-row table.
    await budget.sync();
    const worksheets = context.workbook.worksheets;
    for (const placement of placements) {
      const old = placement.replaces;
      const temporary = old ? freeSheetName(TEMPORARY_SHEET_NAME, taken) : placement.name;
      if (old) taken.push(temporary);
      await budget.reserve(OPERATION_BYTES);
      const sheet = worksheets.add(temporary);
      await renderOutputSheet(sheet, placement.placed.sheet, support, budget);
      markOwner(sheet, placement.placed, support);
      if (old) {
        // The old sheet is renamed aside, not deleted, until its successor holds its name.
        const backup = freeSheetName(BACKUP_SHEET_NAME, taken);
        taken.push(backup);
        backups.push({ backup, original: old.name, sheet: old.sheet });
        old.sheet.name = backup;
        sheet.name = placement.name;
        sheet.position = old.position;
      }
      sheet.load("id");
      written.push({ sheet, placement });
    }
    await budget.sync();
  } catch (error) {
    const undone = await undoWrite(context, support, touched, sheetsBefore, backups);
    const changedSheets = touched
      .filter((entry) => entry.changes.length > 0)
      .map((entry) => entry.info.name);
    const involved = placements.map((placement) => placement.name).concat(changedSheets);
    const undoFailure = undone === null ? null : errorDetail(undone);
    if (isAccessDenied(error))
      throw new WorkbookPortError("sheet-protected", {
        code: "write-protected",
        sheets: changedSheets,
        involved,
        undoFailure,
      });
    throw new WorkbookPortError("write-failed", {
      code: "write-refused",
      host: "excel",
      involved,
      detail: errorDetail(error),
      undoFailure,
    });
  }
  // Everything is in place; only now do the replaced sheets go. Should Excel refuse, the new
  // sheets stand and the old ones stay aside under their temporary names.
  let leftBehind: string[] = [];
  if (backups.length > 0) {
    try {
      for (const backup of backups) backup.sheet.delete();
      await context.sync();
    } catch {
      leftBehind = backups.map((backup) => backup.backup);
    }
  }
  await applyPrintLayouts(context, written, support);
  return { written, leftBehind };
}

/** Print settings last and best-effort: without them the sheets are still whole and correct. */
async function applyPrintLayouts(
  context: Excel.RequestContext,
  written: readonly WrittenSheet[],
  support: ApiSupport
): Promise<void> {
  let queued = false;
  for (const entry of written)
    if (queuePrintLayout(entry.sheet, entry.placement.placed.sheet, support)) queued = true;
  if (!queued) return;
  try {
    await context.sync();
  } catch (error) {
    console.warn("绩效自评助手: 打印设置未能写入", error);
  }
}

/**
 * Puts the workbook back as it was before a failed write: sheets that were not there are
 * deleted, renamed-aside sheets get their names back, changed cells their fills and notes. Only
 * cells that did change are put back: the batch stopped part-way, and a cell it never reached
 * may be on a protected sheet, where writing even its own fill again would fail. Returns null
 * when done, or what stopped it.
 */
async function undoWrite(
  context: Excel.RequestContext,
  support: ApiSupport,
  touched: readonly TouchedSheet[],
  sheetsBefore: readonly SheetInfo[],
  backups: ReadonlyArray<{ backup: string; original: string }>
): Promise<unknown> {
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id");
    const loadBudget = new RequestBudget(context);
    const loads = new Map<
      TouchedSheet,
      Map<string, { fill: ReturnType<typeof loadFill>; note: Excel.Note | null }>
    >();
    for (const entry of touched) {
      const cells = new Map<
        string,
        { fill: ReturnType<typeof loadFill>; note: Excel.Note | null }
      >();
      for (const change of entry.changes) {
        await loadBudget.reserve(OPERATION_BYTES * (support.notes ? 2 : 1));
        let note: Excel.Note | null = null;
        if (support.notes) {
          note = entry.info.sheet.notes.getItemOrNullObject(change.cell);
          note.load("content");
        }
        cells.set(change.cell, { fill: loadFill(entry.info.sheet, change.cell, support), note });
      }
      loads.set(entry, cells);
    }
    await loadBudget.sync();
    const idsBefore = sheetsBefore.map((sheet) => sheet.id);
    for (const sheet of worksheets.items) {
      if (idsBefore.indexOf(sheet.id) < 0) sheet.delete();
    }
    for (const { backup, original } of backups) {
      const sheet = worksheets.items.find((candidate) => candidate.name === backup);
      if (sheet) sheet.name = original;
    }
    const budget = new RequestBudget(context);
    for (const entry of touched) {
      const loaded = loads.get(entry)!;
      const currentNotes = new Map<string, string | null>();
      const changed: CellChange[] = [];
      for (const change of entry.changes) {
        const { fill, note } = loaded.get(change.cell)!;
        const current = { fill: fillColour(fill, support), ...fillPattern(fill, support) };
        const currentNote = note && !note.isNullObject ? note.content : null;
        currentNotes.set(change.cell, currentNote);
        if (!sameFill(current, change.before) || currentNote !== change.before.note)
          changed.push(change);
      }
      await queueCellChanges(entry.info.sheet, changed, support, budget, currentNotes, true);
    }
    await budget.sync();
    return null;
  } catch (error) {
    return error;
  }
}

function notices(
  support: ApiSupport,
  placements: readonly Placement[],
  marked: number,
  saveFailure: SaveFailure | null
): WriteNotice[] {
  const list: WriteNotice[] = [];
  const results = placements.find((placement) => placement.placed.sheet.owner === "results");
  const sheets = placements.map((placement) => placement.name);
  if (!support.notes && marked > 0)
    list.push({ code: "no-notes", resultsSheet: results ? results.name : null });
  if (!support.formatting && placements.length > 0) list.push({ code: "no-formatting", sheets });
  if (!support.rangeAreas && placements.some((placement) => placement.placed.sheet.printFitWidth))
    list.push({ code: "no-page-setup", sheets });
  if (saveFailure !== null) list.push({ code: "record-not-saved", host: "excel", ...saveFailure });
  return list;
}
