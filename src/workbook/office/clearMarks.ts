/**
 * 清除标记: every cell the tool highlighted that still shows its mark gets its recorded original
 * fill back (and loses the tool's note); cells the user has restyled since keep theirs. The
 * entries of the sheets dealt with are forgotten; entries whose sheet is not found (renamed, or
 * recorded in a session whose ids no longer hold and under another name) are kept for later.
 */
import {
  clearChanges,
  forgetClearedSheets,
  missingMarkedSheets,
  protectedSheetError,
  type CellChange,
} from "./openWorkbookWrite";
import { WorkbookPortError } from "../port";
import type { ApiSupport } from "./apiSupport";
import { fillRecordRefs, readFillRecord, type RecordedSheet } from "./fillRecord";
import { inspectSheet, type SheetInspection } from "./inspectCells";
import type { SettingsStore } from "./officeHost";
import { isAccessDenied } from "./protection";
import { resolveRecordedSheets } from "./recordedSheets";
import { RequestBudget } from "./requestBudget";
import { errorDetail, refreshSettings } from "./saveSettings";
import { loadSheets, queueCellChanges, type SheetInfo } from "./writePlan";

export async function clearMarks(
  context: Excel.RequestContext,
  support: ApiSupport,
  settings: SettingsStore
): Promise<number> {
  // The marks may have been painted by the other instance (the ribbon command, or the pane).
  await refreshSettings(settings);
  const record = readFillRecord(settings);
  if (Object.keys(record).length === 0) return 0;
  const sheets = await loadSheets(context);
  const resolved = resolveRecordedSheets(sheets, fillRecordRefs(record));

  const budget = new RequestBudget(context);
  const inspected: Array<{ info: SheetInfo; entry: RecordedSheet; inspection: SheetInspection }> =
    [];
  const keys = Array.from(resolved.keys());
  for (const key of keys) {
    const info = resolved.get(key)!;
    const cells = record[key].cells.map((cell) => cell.cell);
    inspected.push({
      info,
      entry: record[key],
      inspection: await inspectSheet(info.sheet, cells, support, budget),
    });
  }
  await budget.sync();

  let restored = 0;
  const changesBySheet: Array<{ info: SheetInfo; changes: CellChange[] }> = [];
  for (const { info, entry, inspection } of inspected) {
    inspection.settle();
    const cleared = clearChanges(entry, inspection.cells);
    if (cleared.changes.length === 0) continue;
    if (inspection.isProtected()) throw protectedSheetError("excel", info.name, "clear");
    restored += cleared.restored;
    changesBySheet.push({ info, changes: cleared.changes });
  }

  // "已清除 0 处标记" would hide that the marks are still there: say where they are.
  const missing = missingMarkedSheets(record, resolved);
  if (changesBySheet.length === 0 && missing) throw missing;

  try {
    const writeBudget = new RequestBudget(context);
    for (const { info, changes } of changesBySheet) {
      await queueCellChanges(info.sheet, changes, support, writeBudget);
    }
    await writeBudget.sync();
  } catch (error) {
    // The record stays: clearing again finishes the job, skipping cells already restored.
    const names = changesBySheet.map((entry) => entry.info.name);
    if (isAccessDenied(error))
      throw new WorkbookPortError("sheet-protected", { code: "clear-protected", sheets: names });
    throw new WorkbookPortError("write-failed", {
      code: "clear-refused",
      host: "excel",
      sheets: names,
      detail: errorDetail(error),
    });
  }
  await forgetClearedSheets(settings, record, resolved);
  return restored;
}
