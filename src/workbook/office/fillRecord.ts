/**
 * The record of the cells the tool highlighted, kept in a document setting so that clearing or
 * re-scoring takes back exactly the tool's own marks, even in a later session:
 *
 *   "SelfEval.Marks.v1": { "<worksheet id>": { "name": "项目自评表",
 *       "cells": [{ "cell": "F14", "original": null, "mark": "#FFC7CE", "note": "…" }] } }
 *
 * Keyed by the worksheet's id, which renaming or moving the sheet leaves alone.
 */
import type { SettingsStore } from "./officeHost";

export const MARK_RECORD_SETTING = "SelfEval.Marks.v1";

export interface RecordedFill {
  /** A1 address, no sheet. */
  readonly cell: string;
  /** The fill before the mark, "#RRGGBB", or null for no fill. */
  readonly original: string | null;
  /** The fill the tool gave it. */
  readonly mark: string;
  /** The note the tool added to the cell, if it added one. */
  readonly note?: string;
}

export interface RecordedSheet {
  readonly name: string;
  readonly cells: readonly RecordedFill[];
}

export type FillRecord = Readonly<Record<string, RecordedSheet>>;

function isRecordedFill(value: unknown): value is RecordedFill {
  if (!value || typeof value !== "object") return false;
  const cell = value as Record<string, unknown>;
  return (
    typeof cell.cell === "string" &&
    typeof cell.mark === "string" &&
    (cell.original === null || typeof cell.original === "string") &&
    (cell.note === undefined || typeof cell.note === "string")
  );
}

/** The record as stored; anything unreadable in it is skipped. */
export function readFillRecord(settings: SettingsStore): FillRecord {
  const stored = settings.get(MARK_RECORD_SETTING);
  const record: Record<string, RecordedSheet> = {};
  if (!stored || typeof stored !== "object") return record;
  const sheets = stored as Record<string, unknown>;
  Object.keys(sheets).forEach((id) => {
    const sheet = sheets[id] as { name?: unknown; cells?: unknown } | null;
    if (!sheet || typeof sheet.name !== "string" || !Array.isArray(sheet.cells)) return;
    record[id] = { name: sheet.name, cells: sheet.cells.filter(isRecordedFill) };
  });
  return record;
}

/** Stores the record in memory (saved with the document by `saveAsync`); an empty one is removed. */
export function storeFillRecord(settings: SettingsStore, record: FillRecord): void {
  const ids = Object.keys(record).filter((id) => record[id].cells.length > 0);
  if (ids.length === 0) {
    settings.remove(MARK_RECORD_SETTING);
    return;
  }
  const kept: Record<string, RecordedSheet> = {};
  ids.forEach((id) => (kept[id] = record[id]));
  settings.set(MARK_RECORD_SETTING, kept);
}

/** Excel gives colours as "#RRGGBB" in either case; compare them one way. */
export function normaliseColour(colour: string | null | undefined): string | null {
  if (!colour) return null;
  const hex = colour.replace(/^#/, "").toUpperCase();
  return /^[0-9A-F]{6}$/.test(hex) ? "#" + hex : colour;
}
