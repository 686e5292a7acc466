/// <reference types="et-jsapi-declare/lib.et" />
/**
 * Writes a plan into the workbook open in WPS 表格, whole or not at all, with the same decisions
 * as the Office.js adapter (writePlan.ts: which marks are taken back, what each cell's original
 * fill is, where each output sheet goes) and the same records, kept in the workbook's custom
 * properties (documentStore.ts). ET has no transactions either, so: everything that can be
 * checked is checked first (workbook structure and sheet protection, names taken since scoring,
 * whether a sheet to replace is still the tool's own); then each change is written and logged;
 * if WPS refuses one, the log is undone — new sheets deleted, renamed sheets renamed back, fills
 * and notes put back — before WorkbookPortError. A replaced sheet is renamed aside and deleted
 * only once its successor is complete.
 */
import type { PlacedOutputSheet, WritePlan } from "../../engine";
import {
  BACKUP_SHEET_NAME,
  TEMPORARY_SHEET_NAME,
  cellsToInspect,
  decideCellChanges,
  findSheet,
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
} from "../office/openWorkbookWrite";
import { OWNER_MARK_NAME, formatOwnerMark } from "../ownerMark";
import { WorkbookPortError, noticesOf, type WriteNotice, type WriteOutcome } from "../port";
import { readFillRecord } from "../office/fillRecord";
import type { SettingsStore } from "../office/officeHost";
import { errorDetail, refreshSettings } from "../office/saveSettings";
import { freeSheetName } from "../office/sheetNames";
import { cellAreas, packAreaLists } from "../office/paintFills";
import { applyFills, inspectCells, readNotes } from "./etCells";
import { applyPrintLayout, renderEtOutputSheet } from "./etOutputSheet";
import { worksheetAt } from "./etValues";
import { ownerMarkOf } from "./readEtGrid";

/**
 * A worksheet as the records know it. ET has no worksheet ids: a sheet is its name, which is
 * what the Office adapter falls back on across sessions too (recordedSheets.ts).
 */
export interface EtSheetInfo {
  readonly sheet: Et.Worksheet;
  readonly name: string;
  readonly id: string;
  /** 1-based. */
  readonly index: number;
}

export function listSheets(book: Et.Workbook): EtSheetInfo[] {
  const count = book.Worksheets.Count;
  const sheets: EtSheetInfo[] = [];
  for (let index = 1; index <= count; index++) {
    const sheet = worksheetAt(book, index);
    const name = String(sheet.Name);
    sheets.push({ sheet, name, id: name, index });
  }
  return sheets;
}

type TouchedSheet = OpenTouchedSheet<EtSheetInfo>;
type Placement = OpenPlacement<EtSheetInfo>;

/** What was done, in order, so that a failed write can be undone. */
type LoggedStep =
  | { readonly kind: "cells"; readonly sheet: Et.Worksheet; readonly changes: CellChange[] }
  | { readonly kind: "added"; readonly sheet: Et.Worksheet }
  | { readonly kind: "renamed"; readonly sheet: Et.Worksheet; readonly from: string };

/** Application flags set for a write and put back after it. */
export function withQuietApplication<T>(app: Et.Application, action: () => T): T {
  let screenUpdating: boolean | null = null;
  let displayAlerts: boolean | null = null;
  try {
    screenUpdating = app.ScreenUpdating;
    app.ScreenUpdating = false;
  } catch {
    screenUpdating = null;
  }
  try {
    // Deleting a sheet asks the user to confirm unless alerts are off.
    displayAlerts = app.DisplayAlerts;
    app.DisplayAlerts = false;
  } catch {
    displayAlerts = null;
  }
  try {
    return action();
  } finally {
    try {
      if (displayAlerts !== null) app.DisplayAlerts = displayAlerts;
      if (screenUpdating !== null) app.ScreenUpdating = screenUpdating;
    } catch {
      // Nothing to put back on a build that refused the flags.
    }
  }
}

/** Applies cell changes: fills grouped, then notes one by one; `undo` puts back `before`. */
export function applyCellChanges(
  sheet: Et.Worksheet,
  changes: readonly CellChange[],
  undo = false
): void {
  const fills = changes
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
  applyFills(sheet, fills);
  const current = undo ? readNotes(sheet) : null;
  // Notes that go or change are cleared together (one call per list of areas); the new ones
  // are added one by one: ET has no call that adds many.
  const cleared: string[] = [];
  const added: Array<{ cell: string; text: string }> = [];
  for (const change of changes) {
    const now = current ? (current.get(change.cell) ?? null) : change.before.note;
    const wanted = undo ? change.before.note : change.note;
    if (now === wanted) continue;
    if (now !== null) cleared.push(change.cell);
    if (wanted !== null) added.push({ cell: change.cell, text: wanted });
  }
  for (const address of packAreaLists(cellAreas(cleared))) sheet.Range(address).ClearComments();
  for (const { cell, text } of added) sheet.Range(cell).AddComment(text);
}

export async function writeEtPlan(
  app: Et.Application,
  settings: SettingsStore,
  plan: WritePlan
): Promise<WriteOutcome> {
  await refreshSettings(settings);
  const book = app.ActiveWorkbook;
  const sheets = listSheets(book);
  if (book.ProtectStructure && plan.sheets.length > 0)
    throw new WorkbookPortError("sheet-protected", { code: "workbook-protected", host: "wps" });
  const owners = recordedOwners(settings, sheets);
  const touched: TouchedSheet[] = touchedSheets(sheets, readFillRecord(settings), plan.marks);
  for (const entry of touched) {
    const decided = decideCellChanges({
      recorded: entry.recorded,
      marks: entry.marks,
      states: inspectCells(entry.info.sheet, cellsToInspect(entry)),
      notes: true,
    });
    entry.changes = decided.changes;
    entry.recordedNow = decided.recordedNow;
    if (entry.changes.length > 0 && entry.info.sheet.ProtectContents)
      throw protectedSheetError("wps", entry.info.name, "mark");
  }

  const taken = sheets.map((sheet) => sheet.name);
  const placements = placeOutputSheets<EtSheetInfo>(
    "wps",
    plan.sheets,
    (placed) => {
      const info = findSheet(sheets, placed.name);
      if (!info) return null;
      return {
        info,
        owner: ownerMarkOf(info.sheet) ?? owners.ownerOf(info.id),
        protected: Boolean(info.sheet.ProtectContents),
      };
    },
    taken
  );

  const { written, leftBehind } = withQuietApplication(app, () =>
    writeLogged(app, touched, placements, taken)
  );

  // The records go into the workbook only once it holds what they describe.
  const saveFailure = await storeWriteRecords(
    settings,
    touched,
    owners.sheets,
    placements,
    written.map(({ placement }) => ({ id: placement.name, placement }))
  );
  const notices: WriteNotice[] = leftBehind.map((sheet) => ({
    code: "old-sheet-kept" as const,
    sheet,
  }));
  if (saveFailure !== null) notices.push({ code: "record-not-saved", host: "wps", ...saveFailure });
  return { marked: markedCount(touched), sheets: writtenSheets(placements), ...noticesOf(notices) };
}

function markOwner(sheet: Et.Worksheet, placed: PlacedOutputSheet): void {
  // Hidden and scoped to the sheet, as the CLI writes it: the sheet's own Names collection.
  sheet.Names.Add(
    OWNER_MARK_NAME,
    "=" + formatOwnerMark(placed.sheet.owner, placed.sheet.fingerprint),
    false
  );
}

function writeLogged(
  app: Et.Application,
  touched: readonly TouchedSheet[],
  placements: readonly Placement[],
  taken: string[]
): { written: Array<{ sheet: Et.Worksheet; placement: Placement }>; leftBehind: string[] } {
  const book = app.ActiveWorkbook;
  const log: LoggedStep[] = [];
  const backups: Array<{ name: string; sheet: Et.Worksheet }> = [];
  const written: Array<{ sheet: Et.Worksheet; placement: Placement }> = [];
  try {
    for (const entry of touched) {
      if (entry.changes.length === 0) continue;
      // Logged before the calls: a call WPS refuses halfway may have changed part of the cells.
      log.push({ kind: "cells", sheet: entry.info.sheet, changes: entry.changes });
      applyCellChanges(entry.info.sheet, entry.changes);
    }
    for (const placement of placements) {
      const old = placement.replaces;
      const worksheets = book.Worksheets;
      const last = worksheetAt(book, worksheets.Count);
      const sheet = worksheets.Add(undefined, last) as Et.Worksheet;
      log.push({ kind: "added", sheet });
      const temporary = old ? freeSheetName(TEMPORARY_SHEET_NAME, taken) : placement.name;
      if (old) taken.push(temporary);
      sheet.Name = temporary;
      renderEtOutputSheet(sheet, placement.placed.sheet);
      markOwner(sheet, placement.placed);
      if (old) {
        // The old sheet is renamed aside, not deleted, until its successor holds its name.
        const backup = freeSheetName(BACKUP_SHEET_NAME, taken);
        taken.push(backup);
        log.push({ kind: "renamed", sheet: old.sheet, from: old.name });
        old.sheet.Name = backup;
        backups.push({ name: backup, sheet: old.sheet });
        log.push({ kind: "renamed", sheet, from: temporary });
        sheet.Name = placement.name;
        sheet.Move(old.sheet);
      }
      written.push({ sheet, placement });
    }
  } catch (error) {
    const undone = undoLog(log);
    const names = placements
      .map((placement) => placement.name)
      .concat(touched.filter((entry) => entry.changes.length > 0).map((entry) => entry.info.name));
    throw new WorkbookPortError("write-failed", {
      code: "write-refused",
      host: "wps",
      involved: names,
      detail: errorDetail(error),
      undoFailure: undone === null ? null : errorDetail(undone),
    });
  }
  // Everything is in place; only now do the replaced sheets go. Should WPS refuse, the new
  // sheets stand and the old ones stay aside under their temporary names.
  const leftBehind: string[] = [];
  for (const backup of backups) {
    try {
      backup.sheet.Delete();
    } catch {
      leftBehind.push(backup.name);
    }
  }
  for (const { sheet, placement } of written) {
    try {
      applyPrintLayout(sheet, placement.placed.sheet);
    } catch (error) {
      console.warn("绩效自评助手: 打印设置未能写入", error);
    }
  }
  return { written, leftBehind };
}

/** Undoes a write's logged steps, last first. Returns null when done, or what stopped it. */
function undoLog(log: readonly LoggedStep[]): unknown {
  try {
    for (let index = log.length - 1; index >= 0; index--) {
      const step = log[index];
      if (step.kind === "added") step.sheet.Delete();
      else if (step.kind === "renamed") step.sheet.Name = step.from;
      else applyCellChanges(step.sheet, step.changes, true);
    }
    return null;
  } catch (error) {
    return error;
  }
}
