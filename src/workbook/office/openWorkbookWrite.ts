/**
 * What writing into an open workbook decides and records, whichever object model holds it
 * (Excel through Office.js, WPS 表格 through ET; it lives beside the Office adapter, whose
 * record code the WPS adapter shares): which of the user's sheets a write touches (the
 * ones an earlier run marked, by the record, and the ones marked now), where each output sheet
 * goes, which cells 清除标记 gives back, and the records stored once the workbook holds what
 * they describe. The adapters (writePlan.ts, wps/writeEtPlan.ts, and their clears) do only
 * what their host needs: load the cells' state, make the calls, undo them on a failure.
 */
import {
  type CellMark,
  MARK_FILL_COLOURS,
  marksBySheet,
  type PlacedMark,
  type PlacedOutputSheet,
  type SheetOwner,
} from "../../engine";
import {
  fillRecordRefs,
  mergeFillRecord,
  readFillRecord,
  storeFillRecord,
  type FillRecord,
  type RecordedFill,
  type RecordedSheet,
} from "./fillRecord";
import { showsMark, type CellState } from "./inspectCells";
import type { SettingsStore } from "./officeHost";
import { resolveRecordedSheets, type LiveSheet } from "./recordedSheets";
import { refreshSettings, saveSettings, type SaveFailure } from "./saveSettings";
import {
  mergeOwnerRecord,
  ownerFromMarkText,
  ownerMarkText,
  ownerRecordRefs,
  readOwnerRecord,
  storeOwnerRecord,
} from "./settingsOwners";
import { freeSheetName, sameSheetName } from "./sheetNames";
import { WorkbookPortError, type HostName, type ProtectedAction } from "../port";

/** Names a new output sheet carries until it is complete, and the old one until it is dropped. */
export const TEMPORARY_SHEET_NAME = "SelfEval 写入中";
export const BACKUP_SHEET_NAME = "SelfEval 旧表";

/** A cell the write changes, with its state before: its new fill (pattern: null for solid) and note. */
export interface CellChange {
  readonly cell: string;
  readonly before: CellState;
  readonly fill: string | null;
  readonly pattern: string | null;
  readonly patternColor: string | null;
  readonly note: string | null;
}

/** Two fills that look the same: colour, pattern and pattern colour. */
export function sameFill(
  a: Pick<CellState, "fill" | "pattern" | "patternColor">,
  b: Pick<CellState, "fill" | "pattern" | "patternColor">
): boolean {
  return a.fill === b.fill && a.pattern === b.pattern && a.patternColor === b.patternColor;
}

/** A sheet by name: exactly, else as Excel compares names (ignoring case). */
export function findSheet<S extends { readonly name: string }>(
  sheets: readonly S[],
  name: string
): S | undefined {
  return (
    sheets.find((sheet) => sheet.name === name) ??
    sheets.find((sheet) => sameSheetName(sheet.name, name))
  );
}

export function protectedSheetError(
  host: HostName,
  sheet: string,
  action: ProtectedAction
): WorkbookPortError {
  return new WorkbookPortError("sheet-protected", { code: "sheet-protected", host, sheet, action });
}

/** One of the user's sheets a write changes. */
export interface TouchedSheet<S extends LiveSheet> {
  readonly info: S;
  /** The key of the earlier run's entry for this sheet in the fill record, if it has one. */
  recordKey: string | null;
  /** The earlier run's record of this sheet, first entry per cell. */
  readonly recorded: Map<string, RecordedFill>;
  readonly marks: PlacedMark[];
  changes: CellChange[];
  recordedNow: RecordedFill[];
}

/**
 * The sheets whose cells change: those the earlier run marked and those marked now. Record
 * entries whose sheet is not found stay in the record for a later run (see recordedSheets.ts).
 */
export function touchedSheets<S extends LiveSheet>(
  sheets: readonly S[],
  earlier: FillRecord,
  marks: readonly CellMark[]
): TouchedSheet<S>[] {
  const touched = new Map<string, TouchedSheet<S>>();
  const touch = (info: S): TouchedSheet<S> => {
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
  resolveRecordedSheets(sheets, fillRecordRefs(earlier)).forEach((info, key) => {
    const entry = touch(info);
    entry.recordKey = key;
    for (const cell of earlier[key].cells)
      if (!entry.recorded.has(cell.cell)) entry.recorded.set(cell.cell, cell);
  });
  marksBySheet(marks).forEach((sheetMarks, name) => {
    const info = findSheet(sheets, name);
    if (info) touch(info).marks.push(...sheetMarks);
  });
  return Array.from(touched.values());
}

/** The cells of a touched sheet whose fill and note the write must know. */
export function cellsToInspect(entry: TouchedSheet<LiveSheet>): string[] {
  const cells = Array.from(entry.recorded.keys());
  for (const mark of entry.marks) if (!entry.recorded.has(mark.cell)) cells.push(mark.cell);
  return cells;
}

/** Cells highlighted by a write. */
export function markedCount(touched: readonly TouchedSheet<LiveSheet>[]): number {
  let marked = 0;
  for (const entry of touched) marked += entry.marks.length;
  return marked;
}

/** Where an output sheet goes: a new sheet of this name, or over `replaces`. */
export interface Placement<S> {
  readonly placed: PlacedOutputSheet;
  readonly name: string;
  readonly replaces: S | null;
}

/** A sheet the plan would replace, as the host found it now. */
export interface ReplaceCandidate<S> {
  readonly info: S;
  /** The ownership mark it carries (its hidden name, else the document's record). */
  readonly owner: SheetOwner | null;
  readonly protected: boolean;
}

/** The owner records' sheets, and the mark the record holds for a sheet (by its id). */
export function recordedOwners<S extends LiveSheet>(
  settings: SettingsStore,
  sheets: readonly S[]
): { readonly sheets: Map<string, S>; ownerOf(id: string): SheetOwner | null } {
  const owners = readOwnerRecord(settings);
  const resolved = resolveRecordedSheets(sheets, ownerRecordRefs(owners));
  const marks = new Map<string, string>();
  resolved.forEach((info, key) => marks.set(info.id, owners[key].mark));
  return {
    sheets: resolved,
    ownerOf: (id) => {
      const mark = marks.get(id);
      return mark === undefined ? null : ownerFromMarkText(mark);
    },
  };
}

/**
 * Where each output sheet goes, checked against the workbook as it is now: over the tool's own
 * sheet of the same kind when the plan says so and it still is one (a protected one stops the
 * write), else under a name no sheet has — a name the user took since scoring is never reused.
 * `taken` (the workbook's sheet names) gets the new names.
 */
export function placeOutputSheets<S extends LiveSheet>(
  host: HostName,
  outputs: readonly PlacedOutputSheet[],
  candidate: (placed: PlacedOutputSheet, index: number) => ReplaceCandidate<S> | null,
  taken: string[]
): Placement<S>[] {
  return outputs.map((placed, index) => {
    const found = placed.mode === "replace" ? candidate(placed, index) : null;
    if (found && found.owner && found.owner.kind === placed.sheet.owner) {
      if (found.protected) throw protectedSheetError(host, found.info.name, "replace");
      return { placed, name: found.info.name, replaces: found.info };
    }
    const name = freeSheetName(
      placed.mode === "create" ? placed.name : placed.sheet.preferredName,
      taken
    );
    taken.push(name);
    return { placed, name, replaces: null };
  });
}

/** The outcome's list of sheets. */
export function writtenSheets(
  placements: readonly Placement<unknown>[]
): Array<{ name: string; mode: "create" | "replace" }> {
  return placements.map((placement) => ({
    name: placement.name,
    mode: placement.replaces ? ("replace" as const) : ("create" as const),
  }));
}

/**
 * Stores what a write did: the fills it painted over what the document's record holds now
 * (another instance — the pane beside the ribbon command — may have saved since this write
 * began, and saving replaces the whole), and the sheets it owns. Called only once the workbook
 * holds what the records describe. Returns why saving failed, or null.
 */
export async function storeWriteRecords<S extends LiveSheet>(
  settings: SettingsStore,
  touched: readonly TouchedSheet<S>[],
  ownerSheets: ReadonlyMap<string, S>,
  placements: readonly Placement<S>[],
  written: ReadonlyArray<{ readonly id: string; readonly placement: Placement<S> }>
): Promise<SaveFailure | null> {
  await refreshSettings(settings);
  storeFillRecord(
    settings,
    mergeFillRecord(
      readFillRecord(settings),
      touched.map((entry) => ({
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
  const found: Array<{ key: string; sheet: { id: string; name: string } }> = [];
  const replaced: string[] = [];
  ownerSheets.forEach((info, key) => {
    if (replacedIds.indexOf(info.id) >= 0) replaced.push(key);
    else found.push({ key, sheet: { id: info.id, name: info.name } });
  });
  storeOwnerRecord(
    settings,
    mergeOwnerRecord(readOwnerRecord(settings), {
      found,
      replaced,
      written: written.map(({ id, placement }) => ({
        id,
        name: placement.name,
        mark: ownerMarkText(placement.placed.sheet.owner, placement.placed.sheet.fingerprint),
      })),
    })
  );
  return saveSettings(settings);
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
export function keptFill(state: CellState): Pick<CellChange, "fill" | "pattern" | "patternColor"> {
  return { fill: state.fill, pattern: state.pattern, patternColor: state.patternColor };
}

/**
 * What 清除标记 changes on one recorded sheet: every cell still showing the very mark the tool
 * painted gets its recorded fill back, every note still reading as the tool wrote it goes; a cell
 * the user styled since — even with Excel's own 差/适中, the same colours — keeps its fill.
 * `restored` counts the fills given back.
 */
export function clearChanges(
  entry: RecordedSheet,
  states: ReadonlyMap<string, CellState>
): { changes: CellChange[]; restored: number } {
  const changes: CellChange[] = [];
  let restored = 0;
  const seen: { [cell: string]: true } = {};
  for (const recorded of entry.cells) {
    // The first entry of a cell holds its fill from before any mark.
    if (seen[recorded.cell]) continue;
    seen[recorded.cell] = true;
    const state = states.get(recorded.cell)!;
    const ownFill = showsMark(state, recorded.mark);
    const ownNote = recorded.note !== undefined && state.note === recorded.note;
    if (!ownFill && !ownNote) continue;
    if (ownFill) restored++;
    changes.push({
      cell: recorded.cell,
      before: state,
      ...(ownFill ? restoredFill(recorded) : keptFill(state)),
      note: ownNote ? null : state.note,
    });
  }
  return { changes, restored };
}

/** 清除标记 found nothing to change, and the record names sheets it cannot find: say where they are. */
export function missingMarkedSheets(
  record: FillRecord,
  resolved: ReadonlyMap<string, unknown>
): WorkbookPortError | null {
  const missing = Object.keys(record)
    .filter((key) => !resolved.has(key))
    .map((key) => record[key].name);
  return missing.length === 0
    ? null
    : new WorkbookPortError("sheet-missing", { code: "marked-sheets-missing", sheets: missing });
}

/**
 * After 清除标记: the entries of the sheets found are forgotten — only the cells this clear saw,
 * merged into what the document holds now, which another instance may have changed.
 */
export async function forgetClearedSheets<S extends LiveSheet>(
  settings: SettingsStore,
  record: FillRecord,
  resolved: ReadonlyMap<string, S>
): Promise<void> {
  await refreshSettings(settings);
  const updates: Parameters<typeof mergeFillRecord>[1][number][] = [];
  resolved.forEach((info, key) =>
    updates.push({
      key,
      sheet: { id: info.id, name: info.name },
      settled: record[key].cells.map((cell) => cell.cell),
      cells: [],
    })
  );
  storeFillRecord(settings, mergeFillRecord(readFillRecord(settings), updates));
  await saveSettings(settings);
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
 * writes them (Office.js, WPS's ET model): the earlier marks still
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
