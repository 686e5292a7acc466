/**
 * 清除标记: every cell the tool highlighted that still shows its mark gets its recorded original
 * fill back (and loses the tool's note); cells the user has restyled since keep theirs. The
 * entries of the sheets dealt with are forgotten; entries whose sheet is not found (renamed, or
 * recorded in a session whose ids no longer hold and under another name) are kept for later.
 */
import type { ApiSupport } from "./apiSupport";
import {
  fillRecordRefs,
  mergeFillRecord,
  readFillRecord,
  storeFillRecord,
  type RecordedSheet,
} from "./fillRecord";
import { inspectSheet, showsMark, type SheetInspection } from "./inspectCells";
import type { SettingsStore } from "./officeHost";
import { isAccessDenied } from "./protection";
import { resolveRecordedSheets } from "./recordedSheets";
import { RequestBudget } from "./requestBudget";
import { WorkbookPortError } from "../port";
import { errorDetail, refreshSettings, saveSettings } from "./saveSettings";
import {
  loadSheets,
  queueCellChanges,
  restoredFill,
  type CellChange,
  type SheetInfo,
} from "./writePlan";

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
  const inspected: Array<{
    info: SheetInfo;
    key: string;
    entry: RecordedSheet;
    inspection: SheetInspection;
  }> = [];
  const keys = Array.from(resolved.keys());
  for (const key of keys) {
    const info = resolved.get(key)!;
    const cells = record[key].cells.map((cell) => cell.cell);
    inspected.push({
      info,
      key,
      entry: record[key],
      inspection: await inspectSheet(info.sheet, cells, support, budget),
    });
  }
  await budget.sync();

  let restored = 0;
  const changesBySheet: Array<{ info: SheetInfo; changes: CellChange[] }> = [];
  for (const { info, entry, inspection } of inspected) {
    inspection.settle();
    const changes: CellChange[] = [];
    const seen: { [cell: string]: true } = {};
    for (const recorded of entry.cells) {
      // The first entry of a cell holds its fill from before any mark.
      if (seen[recorded.cell]) continue;
      seen[recorded.cell] = true;
      const state = inspection.cells.get(recorded.cell)!;
      // Only a cell still showing the very mark the tool painted gets its fill back: a cell the
      // user styled since — even with Excel's "Bad"/"Neutral", the same colours — keeps it.
      const ownFill = showsMark(state, recorded.mark);
      const ownNote = recorded.note !== undefined && state.note === recorded.note;
      if (!ownFill && !ownNote) continue;
      if (ownFill) restored++;
      changes.push({
        cell: recorded.cell,
        before: state,
        ...(ownFill
          ? restoredFill(recorded)
          : { fill: state.fill, pattern: state.pattern, patternColor: state.patternColor }),
        note: ownNote ? null : state.note,
      });
    }
    if (changes.length === 0) continue;
    if (inspection.isProtected()) {
      throw new WorkbookPortError("sheet-protected", {
        code: "sheet-protected",
        host: "excel",
        sheet: info.name,
        action: "clear",
      });
    }
    changesBySheet.push({ info, changes });
  }

  const missing = Object.keys(record)
    .filter((key) => !resolved.has(key))
    .map((key) => record[key].name);
  if (changesBySheet.length === 0 && missing.length > 0) {
    // "已清除 0 处标记" would hide that the marks are still there: say where they are.
    throw new WorkbookPortError("sheet-missing", {
      code: "marked-sheets-missing",
      sheets: missing,
    });
  }

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
  // Only the entries of the sheets found are forgotten, and only the cells this clear saw: the
  // record is merged into what the document holds now, which another instance may have changed.
  await refreshSettings(settings);
  storeFillRecord(
    settings,
    mergeFillRecord(
      readFillRecord(settings),
      inspected.map(({ info, key, entry }) => ({
        key,
        sheet: { id: info.id, name: info.name },
        settled: entry.cells.map((cell) => cell.cell),
        cells: [],
      }))
    )
  );
  await saveSettings(settings);
  return restored;
}
