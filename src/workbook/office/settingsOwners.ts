/**
 * Ownership of the tool's sheets kept in a document setting, for hosts without worksheet-scoped
 * names (ExcelApi 1.4): "SelfEval.Owners.v1": { "<worksheet id>": "results:1a2b3c4d" }. The same
 * "kind:fingerprint" text as the defined name SelfEval.Owner the CLI writes (see ownerMark.ts).
 */
import type { SheetOwner, SheetOwnerKind } from "../../engine/grid/types";
import { parseOwnerMark } from "../ownerMark";
import type { SettingsStore } from "./officeHost";

export const OWNER_RECORD_SETTING = "SelfEval.Owners.v1";

export type OwnerRecord = Readonly<Record<string, string>>;

export function readOwnerRecord(settings: SettingsStore): OwnerRecord {
  const stored = settings.get(OWNER_RECORD_SETTING);
  const record: Record<string, string> = {};
  if (!stored || typeof stored !== "object") return record;
  const entries = stored as Record<string, unknown>;
  Object.keys(entries).forEach((id) => {
    const mark = entries[id];
    if (typeof mark === "string" && ownerFromMarkText(mark)) record[id] = mark;
  });
  return record;
}

export function storeOwnerRecord(settings: SettingsStore, record: OwnerRecord): void {
  if (Object.keys(record).length === 0) settings.remove(OWNER_RECORD_SETTING);
  else settings.set(OWNER_RECORD_SETTING, record);
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
