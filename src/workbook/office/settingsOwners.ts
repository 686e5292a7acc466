/**
 * Ownership of the tool's sheets kept in a document setting, for hosts without worksheet-scoped
 * names (ExcelApi 1.4):
 *
 *   "SelfEval.Owners.v1": { "<key>": { "name": "评分结果", "id": "<worksheet id>",
 *       "mark": "results:1a2b3c4d" } }
 *
 * The same "kind:fingerprint" text as the defined name SelfEval.Owner the CLI writes (see
 * ownerMark.ts). Entries written before names were recorded are `"<worksheet id>": "results:…"`
 * and still read. As for the fill record, an entry is matched to a sheet by id and name, or by
 * name (ids change between sessions; see recordedSheets.ts), and kept while its sheet is not found.
 */
import type { SheetOwner, SheetOwnerKind } from "../../engine";
import { parseOwnerMark } from "../ownerMark";
import type { SettingsStore } from "./officeHost";
import { freeRecordKey, type RecordedSheetRef } from "./recordedSheets";
import { sameSheetName } from "./sheetNames";

export const OWNER_RECORD_SETTING = "SelfEval.Owners.v1";

export interface OwnerEntry {
  /** Null for an entry written before names were recorded. */
  readonly name: string | null;
  readonly id: string;
  /** "results:1a2b3c4d" */
  readonly mark: string;
}

export type OwnerRecord = Readonly<Record<string, OwnerEntry>>;

export function readOwnerRecord(settings: SettingsStore): OwnerRecord {
  const stored = settings.get(OWNER_RECORD_SETTING);
  const record: Record<string, OwnerEntry> = {};
  if (!stored || typeof stored !== "object") return record;
  const entries = stored as Record<string, unknown>;
  Object.keys(entries).forEach((key) => {
    const entry = entries[key];
    if (typeof entry === "string") {
      if (ownerFromMarkText(entry)) record[key] = { name: null, id: key, mark: entry };
      return;
    }
    if (!entry || typeof entry !== "object") return;
    const { name, id, mark } = entry as { name?: unknown; id?: unknown; mark?: unknown };
    if (typeof name !== "string" || typeof mark !== "string" || !ownerFromMarkText(mark)) return;
    record[key] = { name, id: typeof id === "string" ? id : key, mark };
  });
  return record;
}

export function ownerRecordRefs(record: OwnerRecord): RecordedSheetRef[] {
  return Object.keys(record).map((key) => ({ key, id: record[key].id, name: record[key].name }));
}

export function storeOwnerRecord(settings: SettingsStore, record: OwnerRecord): void {
  if (Object.keys(record).length === 0) settings.remove(OWNER_RECORD_SETTING);
  else settings.set(OWNER_RECORD_SETTING, record);
}

/** What a write did to the ownership record. */
export interface OwnerRecordUpdate {
  /** Entries (by key, as read when the write began) of the sheets it found, with the sheet now. */
  readonly found: ReadonlyArray<{ readonly key: string; readonly sheet: OwnedSheet }>;
  /** Keys of the entries of the sheets it replaced (and deleted). */
  readonly replaced: readonly string[];
  /** The sheets it wrote. */
  readonly written: readonly OwnedSheet[];
}

export interface OwnedSheet {
  readonly id: string;
  readonly name: string;
  readonly mark?: string;
}

/**
 * The ownership record after a write, applied to the record as the document holds it now (read
 * after a refresh: another instance may have saved since the write began). Entries of sheets the
 * write found take the sheets' current names and ids; entries of sheets not found stay.
 */
export function mergeOwnerRecord(stored: OwnerRecord, update: OwnerRecordUpdate): OwnerRecord {
  const merged: Record<string, OwnerEntry> = {};
  Object.keys(stored).forEach((key) => (merged[key] = stored[key]));
  for (const key of update.replaced) delete merged[key];
  for (const { key, sheet } of update.found) {
    const entry = merged[key];
    if (entry) merged[key] = { name: sheet.name, id: sheet.id, mark: entry.mark };
  }
  for (const sheet of update.written) {
    if (!sheet.mark) continue;
    // An entry kept for a sheet of this name that was not found (the user deleted it) would be
    // matched by name to the sheet just written, with a stale fingerprint: it goes.
    Object.keys(merged).forEach((key) => {
      const name = merged[key].name;
      if (name !== null && sameSheetName(name, sheet.name)) delete merged[key];
    });
    const key = freeRecordKey(sheet.id, (candidate) => candidate in merged);
    merged[key] = { name: sheet.name, id: sheet.id, mark: sheet.mark };
  }
  return merged;
}

/** "results:1a2b3c4d" as a setting holds it. */
export function ownerMarkText(kind: SheetOwnerKind, fingerprint: string): string {
  return kind + ":" + fingerprint;
}

/**
 * A mark read back from a setting or from a name's value: Excel gives a name's value without
 * its quotes ("results:1a2b…"), a formula with them; both are accepted.
 */
export function ownerFromMarkText(text: string): SheetOwner | null {
  const trimmed = text.trim();
  return parseOwnerMark(
    trimmed.charAt(0) === '"' || trimmed.charAt(0) === "=" ? trimmed : '"' + trimmed + '"'
  );
}
