/**
 * The record of the cells the tool highlighted, kept in a document setting so that clearing or
 * re-scoring takes back exactly the tool's own marks, even in a later session:
 *
 *   "SelfEval.Marks.v1": { "<key>": { "name": "项目自评表", "id": "<worksheet id>",
 *       "cells": [{ "cell": "F14", "original": null, "mark": "#FFC7CE", "note": "…" }] } }
 *
 * The key is the worksheet's id when the entry was made (entries written before "id" was stored
 * have only that). Ids are rebuilt when Office 2016 opens the file, so an entry is matched to a
 * sheet by id and name, or by name (see recordedSheets.ts), and an entry whose sheet is not found
 * is kept. On ExcelApi 1.9+ a patterned original fill also keeps its pattern and pattern colour.
 */
import type { SettingsStore } from "../settingsStore";
import { freeRecordKey, type RecordedSheetRef } from "./recordedSheets";

export const MARK_RECORD_SETTING = "SelfEval.Marks.v1";

export interface RecordedFill {
  /** A1 address, no sheet. */
  readonly cell: string;
  /** The fill before the mark, "#RRGGBB", or null for no fill. */
  readonly original: string | null;
  /** The original fill's pattern when not solid ("LightDown"; ExcelApi 1.9+), and its colour. */
  readonly originalPattern?: string;
  readonly originalPatternColor?: string;
  /** The fill the tool gave it. */
  readonly mark: string;
  /** The note the tool added to the cell, if it added one. */
  readonly note?: string;
}

export interface RecordedSheet {
  readonly name: string;
  /** The worksheet's id when recorded: valid in that session only. */
  readonly id: string;
  readonly cells: readonly RecordedFill[];
}

export type FillRecord = Readonly<Record<string, RecordedSheet>>;

const optionalString = (value: unknown): boolean =>
  value === undefined || typeof value === "string";

function isRecordedFill(value: unknown): value is RecordedFill {
  if (!value || typeof value !== "object") return false;
  const cell = value as Record<string, unknown>;
  return (
    typeof cell.cell === "string" &&
    typeof cell.mark === "string" &&
    (cell.original === null || typeof cell.original === "string") &&
    optionalString(cell.note) &&
    optionalString(cell.originalPattern) &&
    optionalString(cell.originalPatternColor)
  );
}

/** The record as stored; anything unreadable in it is skipped. */
export function readFillRecord(settings: SettingsStore): FillRecord {
  return parseFillRecord(settings.get(MARK_RECORD_SETTING));
}

/**
 * A record from its stored value (the setting's JSON, parsed), wherever it was kept: Office's
 * document settings, WPS's custom properties, or either as a saved .xlsx holds them.
 */
export function parseFillRecord(stored: unknown): FillRecord {
  const record: Record<string, RecordedSheet> = {};
  if (!stored || typeof stored !== "object") return record;
  const sheets = stored as Record<string, unknown>;
  Object.keys(sheets).forEach((key) => {
    const sheet = sheets[key] as { name?: unknown; id?: unknown; cells?: unknown } | null;
    if (!sheet || typeof sheet.name !== "string" || !Array.isArray(sheet.cells)) return;
    record[key] = {
      name: sheet.name,
      id: typeof sheet.id === "string" ? sheet.id : key,
      cells: sheet.cells.filter(isRecordedFill),
    };
  });
  return record;
}

/** The entries as references to resolve against the workbook's sheets. */
export function fillRecordRefs(record: FillRecord): RecordedSheetRef[] {
  return Object.keys(record).map((key) => ({ key, id: record[key].id, name: record[key].name }));
}

/** Stores the record in memory (saved with the document by `saveAsync`); an empty one is removed. */
export function storeFillRecord(settings: SettingsStore, record: FillRecord): void {
  const keys = Object.keys(record).filter((key) => record[key].cells.length > 0);
  if (keys.length === 0) {
    settings.remove(MARK_RECORD_SETTING);
    return;
  }
  const kept: Record<string, RecordedSheet> = {};
  keys.forEach((key) => (kept[key] = record[key]));
  settings.set(MARK_RECORD_SETTING, kept);
}

/** What one run did to one sheet's entry. */
export interface SheetRecordUpdate {
  /** The entry's key as the run found it, or null when the sheet had none. */
  readonly key: string | null;
  /** The sheet as it is now: the entry takes its current name and id. */
  readonly sheet: { readonly id: string; readonly name: string };
  /** Cells of the entry the run dealt with (restored, re-marked or left to the user): dropped. */
  readonly settled: readonly string[];
  /** The cells the run marked, with their original fills. */
  readonly cells: readonly RecordedFill[];
}

/**
 * The record to store after a run: the record as the document holds it now (`stored`, read after
 * a refresh — another instance, the pane or the ribbon command, may have saved since this run
 * began) with this run's changes applied. Entries and cells the run did not deal with stay.
 * When both the stored entry and the run recorded a cell, the run's mark wins, but an original
 * that is only the other run's mark is replaced by that run's original: a cell is never
 * remembered as having been in the tool's own colour.
 */
export function mergeFillRecord(
  stored: FillRecord,
  updates: readonly SheetRecordUpdate[]
): FillRecord {
  const merged: Record<string, RecordedSheet> = {};
  Object.keys(stored).forEach((key) => (merged[key] = stored[key]));
  for (const update of updates) {
    const key =
      update.key ??
      Object.keys(merged).filter(
        (candidate) =>
          merged[candidate].id === update.sheet.id && merged[candidate].name === update.sheet.name
      )[0] ??
      freeRecordKey(update.sheet.id, (candidate) => candidate in merged);
    const existing = merged[key];
    const settled = new Set(update.settled);
    const recordedNow = new Set(update.cells.map((cell) => cell.cell));
    const kept = existing
      ? existing.cells.filter((cell) => !settled.has(cell.cell) && !recordedNow.has(cell.cell))
      : [];
    const cells = kept.concat(
      update.cells.map((cell) => {
        const earlier = existing
          ? existing.cells.filter((candidate) => candidate.cell === cell.cell)[0]
          : undefined;
        if (!earlier || settled.has(cell.cell)) return cell;
        if (normaliseColour(cell.original) !== normaliseColour(earlier.mark)) return cell;
        return { ...withoutOriginal(cell), ...originalOf(earlier) };
      })
    );
    if (cells.length === 0) delete merged[key];
    else merged[key] = { name: update.sheet.name, id: update.sheet.id, cells };
  }
  return merged;
}

function withoutOriginal(cell: RecordedFill): RecordedFill {
  const copy: { -readonly [K in keyof RecordedFill]: RecordedFill[K] } = { ...cell };
  delete copy.originalPattern;
  delete copy.originalPatternColor;
  return copy;
}

function originalOf(
  cell: RecordedFill
): Pick<RecordedFill, "original" | "originalPattern" | "originalPatternColor"> {
  return {
    original: cell.original,
    ...(cell.originalPattern !== undefined ? { originalPattern: cell.originalPattern } : {}),
    ...(cell.originalPatternColor !== undefined
      ? { originalPatternColor: cell.originalPatternColor }
      : {}),
  };
}

/** Excel gives colours as "#RRGGBB" in either case; compare them one way. */
export function normaliseColour(colour: string | null | undefined): string | null {
  if (!colour) return null;
  const hex = colour.replace(/^#/, "").toUpperCase();
  return /^[0-9A-F]{6}$/.test(hex) ? "#" + hex : colour;
}
