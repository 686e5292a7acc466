/**
 * Writes a plan into the open workbook whole or not at all. Office.js batches are not
 * transactions, so: everything that can be checked is checked first (protected sheets, names
 * taken since scoring, whether a sheet to replace is still the tool's own); then everything is
 * written in one batch (more only past the payload budget); and if Excel still refuses part of
 * it, what was written is undone — new sheets deleted, fills and notes put back, a replaced sheet
 * renamed back (it is only deleted after its successor is complete) — before WorkbookPortError.
 */
import { MARK_FILL_COLOURS } from "../../engine/output/outputStyles";
import type { PlacedOutputSheet, WritePlan } from "../../engine/output/types";
import { OWNER_MARK_NAME, formatOwnerMark } from "../ownerMark";
import {
  WorkbookPortError,
  noticesOf,
  type ProtectedAction,
  type WriteNotice,
  type WriteOutcome,
} from "../port";
import type { ApiSupport } from "./apiSupport";
import {
  fillRecordRefs,
  mergeFillRecord,
  readFillRecord,
  storeFillRecord,
  type RecordedFill,
} from "./fillRecord";
import { marksBySheet, type PlacedMark } from "../../engine/output/cellMarks";
import {
  inspectSheet,
  setNote,
  showsMark,
  type CellState,
  type SheetInspection,
} from "./inspectCells";
import type { SettingsStore } from "./officeHost";
import { applyFills, fillColour, fillPattern, loadFill, type CellFill } from "./paintFills";
import { isAccessDenied } from "./protection";
import { resolveRecordedSheets } from "./recordedSheets";
import { queuePrintLayout, renderOutputSheet } from "./renderOutputSheet";
import { OPERATION_BYTES, RequestBudget, jsonBytes } from "./requestBudget";
import { errorDetail, refreshSettings, saveSettings, type SaveFailure } from "./saveSettings";
import { freeSheetName, sameSheetName } from "./sheetNames";
import {
  mergeOwnerRecord,
  ownerFromMarkText,
  ownerMarkText,
  ownerRecordRefs,
  readOwnerRecord,
  storeOwnerRecord,
} from "./settingsOwners";

/** Names the new sheet carries until it is complete, and the old one until it is dropped. */
const TEMPORARY_NAME = "SelfEval 写入中";
const BACKUP_NAME = "SelfEval 旧表";

export interface SheetInfo {
  readonly sheet: Excel.Worksheet;
  readonly name: string;
  readonly id: string;
  readonly position: number;
}

/** A cell the write changes, with its state before: its new fill (pattern: null for solid) and note. */
export interface CellChange {
  readonly cell: string;
  readonly before: CellState;
  readonly fill: string | null;
  readonly pattern: string | null;
  readonly patternColor: string | null;
  readonly note: string | null;
}

/** The change that gives a cell back the fill a record remembers. */
export function restoredFill(
  recorded: RecordedFill
): Pick<CellChange, "fill" | "pattern" | "patternColor"> {
  return {
    fill: recorded.original,
    pattern: recorded.original === null ? null : (recorded.originalPattern ?? null),
    patternColor: recorded.original === null ? null : (recorded.originalPatternColor ?? null),
  };
}

/** The change that leaves a cell's fill as it is. */
function keptFill(state: CellState): Pick<CellChange, "fill" | "pattern" | "patternColor"> {
  return { fill: state.fill, pattern: state.pattern, patternColor: state.patternColor };
}

interface TouchedSheet {
  readonly info: SheetInfo;
  /** The key of the earlier run's entry for this sheet in the fill record, if it has one. */
  recordKey: string | null;
  /** The earlier run's record of this sheet, first entry per cell. */
  readonly recorded: Map<string, RecordedFill>;
  readonly marks: PlacedMark[];
  inspection?: SheetInspection;
  changes: CellChange[];
  recordedNow: RecordedFill[];
}

interface WrittenSheet {
  readonly sheet: Excel.Worksheet;
  readonly placement: Placement;
}

interface Placement {
  readonly placed: PlacedOutputSheet;
  readonly name: string;
  readonly replaces: SheetInfo | null;
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

export function findSheet(sheets: readonly SheetInfo[], name: string): SheetInfo | undefined {
  return (
    sheets.find((sheet) => sheet.name === name) ??
    sheets.find((sheet) => sameSheetName(sheet.name, name))
  );
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

function protectedError(sheet: string, action: ProtectedAction): WorkbookPortError {
  return new WorkbookPortError("sheet-protected", {
    code: "sheet-protected",
    host: "excel",
    sheet,
    action,
  });
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
  const earlier = readFillRecord(settings);
  const owners = readOwnerRecord(settings);
  const ownerSheets = resolveRecordedSheets(sheets, ownerRecordRefs(owners));
  const ownerBySheetId = new Map<string, { key: string; mark: string }>();
  ownerSheets.forEach((info, key) => ownerBySheetId.set(info.id, { key, mark: owners[key].mark }));

  // The sheets whose cells change: those the earlier run marked, and those marked now.
  const touched = new Map<string, TouchedSheet>();
  const touch = (info: SheetInfo): TouchedSheet => {
    let entry = touched.get(info.id);
    if (!entry) {
      entry = {
        info,
        recordKey: null,
        recorded: new Map(),
        marks: [],
        changes: [],
        recordedNow: [],
      };
      touched.set(info.id, entry);
    }
    return entry;
  };
  // Entries whose sheet is not found stay in the record for a later run (see recordedSheets.ts).
  resolveRecordedSheets(sheets, fillRecordRefs(earlier)).forEach((info, key) => {
    const entry = touch(info);
    entry.recordKey = key;
    for (const cell of earlier[key].cells) {
      if (!entry.recorded.has(cell.cell)) entry.recorded.set(cell.cell, cell);
    }
  });
  marksBySheet(plan.marks).forEach((marks, name) => {
    const info = findSheet(sheets, name);
    if (info) touch(info).marks.push(...marks);
  });

  // One request loads the state of every cell to touch and of every sheet to replace.
  const budget = new RequestBudget(context);
  const touchedSheets = Array.from(touched.values());
  for (const entry of touchedSheets) {
    const cells = Array.from(entry.recorded.keys());
    for (const mark of entry.marks) if (!entry.recorded.has(mark.cell)) cells.push(mark.cell);
    entry.inspection = await inspectSheet(entry.info.sheet, cells, support, budget);
  }
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

  for (const entry of touchedSheets) {
    entry.inspection!.settle();
    decideChanges(entry, support);
    if (entry.changes.length > 0 && entry.inspection!.isProtected())
      throw protectedError(entry.info.name, "mark");
  }

  // Where each output sheet goes, checked against the workbook as it is now.
  const taken = sheets.map((sheet) => sheet.name);
  const placements: Placement[] = plan.sheets.map((placed, index) => {
    const check = replaceChecks[index];
    if (check) {
      const recorded = ownerBySheetId.get(check.info.id);
      const owner =
        (check.mark && !check.mark.isNullObject
          ? ownerFromMarkText(String(check.mark.value))
          : null) ?? (recorded ? ownerFromMarkText(recorded.mark) : null);
      if (owner && owner.kind === placed.sheet.owner) {
        if (check.protection && check.protection.protected)
          throw protectedError(check.info.name, "replace");
        return { placed, name: check.info.name, replaces: check.info };
      }
    }
    // A name the user has taken since scoring is never reused.
    const name = freeSheetName(
      placed.mode === "create" ? placed.name : placed.sheet.preferredName,
      taken
    );
    taken.push(name);
    return { placed, name, replaces: null };
  });

  const { written, leftBehind } = await writeBatch(
    context,
    support,
    touchedSheets,
    placements,
    sheets,
    taken
  );

  // The records go into the document only once the workbook holds what they describe, merged
  // into what the document holds now: another instance (the pane beside the ribbon command, or
  // the other way round) may have saved since this write began, and saving replaces the whole.
  await refreshSettings(settings);
  storeFillRecord(
    settings,
    mergeFillRecord(
      readFillRecord(settings),
      touchedSheets.map((entry) => ({
        key: entry.recordKey,
        sheet: { id: entry.info.id, name: entry.info.name },
        settled: Array.from(entry.recorded.keys()),
        cells: entry.recordedNow,
      }))
    )
  );
  const replacedIds = placements
    .map((placement) => (placement.replaces ? placement.replaces.id : null))
    .filter((id): id is string => id !== null);
  const found: Array<{ key: string; sheet: SheetInfo }> = [];
  const replaced: string[] = [];
  ownerSheets.forEach((info, key) => {
    if (replacedIds.indexOf(info.id) >= 0) replaced.push(key);
    else found.push({ key, sheet: info });
  });
  storeOwnerRecord(
    settings,
    mergeOwnerRecord(readOwnerRecord(settings), {
      found,
      replaced,
      written: written.map(({ sheet, placement }) => ({
        id: sheet.id,
        name: placement.name,
        mark: ownerMarkText(placement.placed.sheet.owner, placement.placed.sheet.fingerprint),
      })),
    })
  );
  const saveFailure = await saveSettings(settings);

  let marked = 0;
  for (const entry of touchedSheets) marked += entry.marks.length;
  return {
    marked,
    sheets: placements.map((placement) => ({
      name: placement.name,
      mode: placement.replaces ? ("replace" as const) : ("create" as const),
    })),
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

/** What one sheet's cells are now, what the earlier run recorded of them, and what this run marks. */
export interface CellChangeInput {
  /** The earlier run's record of the sheet, first entry per cell. */
  readonly recorded: ReadonlyMap<string, RecordedFill>;
  readonly marks: readonly PlacedMark[];
  /** The state of every recorded or marked cell. */
  readonly states: ReadonlyMap<string, CellState>;
  /** Whether the host can write notes. */
  readonly notes: boolean;
}

/**
 * The changes to a sheet's cells and what to record of them, decided the same way whichever host
 * writes them (Office.js here, WPS's ET model in src/workbook/wps): the earlier marks still
 * showing are taken back, the new ones painted over each cell's true original.
 */
export function decideCellChanges(input: CellChangeInput): {
  changes: CellChange[];
  recordedNow: RecordedFill[];
} {
  const changes: CellChange[] = [];
  const recordedNow: RecordedFill[] = [];
  const states = input.states;
  const marked = new Set(input.marks.map((mark) => mark.cell));
  input.recorded.forEach((recorded, cell) => {
    if (marked.has(cell)) return;
    const state = states.get(cell)!;
    // Only what still shows the tool's own mark is taken back; the user's later changes stay.
    const ownFill = showsMark(state, recorded.mark);
    const ownNote = recorded.note !== undefined && state.note === recorded.note;
    if (ownFill || ownNote) {
      changes.push({
        cell,
        before: state,
        ...(ownFill ? restoredFill(recorded) : keptFill(state)),
        note: ownNote ? null : state.note,
      });
    }
  });
  for (const mark of input.marks) {
    const state = states.get(mark.cell)!;
    const recorded = input.recorded.get(mark.cell);
    const colour = "#" + MARK_FILL_COLOURS[mark.severity];
    const showsEarlierMark = recorded !== undefined && showsMark(state, recorded.mark);
    // Re-scoring does not stack marks: a cell still showing the earlier mark keeps its true original.
    const original: Pick<RecordedFill, "original" | "originalPattern" | "originalPatternColor"> =
      showsEarlierMark
        ? {
            original: recorded.original,
            ...(recorded.originalPattern ? { originalPattern: recorded.originalPattern } : {}),
            ...(recorded.originalPatternColor
              ? { originalPatternColor: recorded.originalPatternColor }
              : {}),
          }
        : {
            original: state.fill,
            ...(state.pattern ? { originalPattern: state.pattern } : {}),
            ...(state.pattern && state.patternColor
              ? { originalPatternColor: state.patternColor }
              : {}),
          };
    const ownNote =
      recorded !== undefined && recorded.note !== undefined && state.note === recorded.note;
    const writesNote = input.notes && (state.note === null || ownNote);
    changes.push({
      cell: mark.cell,
      before: state,
      fill: colour,
      pattern: null,
      patternColor: null,
      note: writesNote ? mark.note : state.note,
    });
    // A cell already showing this very mark with no record of it (the record was lost, or
    // another run painted it and has not saved its record yet) has no other original to
    // remember: it keeps that fill, and needs recording only for its note. When the other run's
    // record arrives, merging keeps its original (mergeFillRecord).
    if (recorded === undefined && showsMark(state, colour) && !writesNote) continue;
    recordedNow.push({
      cell: mark.cell,
      ...original,
      mark: colour,
      ...(writesNote ? { note: mark.note } : {}),
    });
  }
  return { changes, recordedNow };
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

function sameFill(
  a: Pick<CellChange, "fill" | "pattern" | "patternColor">,
  b: Pick<CellChange, "fill" | "pattern" | "patternColor">
): boolean {
  return a.fill === b.fill && a.pattern === b.pattern && a.patternColor === b.patternColor;
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
  touchedSheets: readonly TouchedSheet[],
  placements: readonly Placement[],
  sheetsBefore: readonly SheetInfo[],
  taken: string[]
): Promise<{ written: WrittenSheet[]; leftBehind: string[] }> {
  const backups: Array<{ backup: string; original: string; sheet: Excel.Worksheet }> = [];
  const written: WrittenSheet[] = [];
  const budget = new RequestBudget(context);
  try {
    for (const entry of touchedSheets) {
      await queueCellChanges(entry.info.sheet, entry.changes, support, budget);
    }
    // The user's cells in one request, the output sheets in the next: a fixed number of syncs,
    // each of them under the limit for a 20,000-row table.
    await budget.sync();
    const worksheets = context.workbook.worksheets;
    for (const placement of placements) {
      const old = placement.replaces;
      const temporary = old ? freeSheetName(TEMPORARY_NAME, taken) : placement.name;
      if (old) taken.push(temporary);
      await budget.reserve(OPERATION_BYTES);
      const sheet = worksheets.add(temporary);
      await renderOutputSheet(sheet, placement.placed.sheet, support, budget);
      markOwner(sheet, placement.placed, support);
      if (old) {
        // The old sheet is renamed aside, not deleted, until its successor holds its name.
        const backup = freeSheetName(BACKUP_NAME, taken);
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
    const undone = await undoWrite(context, support, touchedSheets, sheetsBefore, backups);
    const changedSheets = touchedSheets
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
  touchedSheets: readonly TouchedSheet[],
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
    for (const entry of touchedSheets) {
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
    for (const entry of touchedSheets) {
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
