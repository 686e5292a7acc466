/// <reference types="et-jsapi-declare/lib.et" />
/**
 * 清除标记 in WPS 表格, as in Excel (office/clearMarks.ts): every cell the tool highlighted that
 * still shows its mark gets its recorded original fill back and loses the tool's note; cells the
 * user has restyled since keep theirs. The record comes from the workbook's custom properties,
 * so this works after the file was saved and opened again. Entries whose sheet is not found
 * (renamed) are kept for later.
 */
import { WorkbookPortError } from "../port";
import {
  fillRecordRefs,
  mergeFillRecord,
  readFillRecord,
  storeFillRecord,
} from "../office/fillRecord";
import { showsMark } from "../office/inspectCells";
import type { SettingsStore } from "../office/officeHost";
import { resolveRecordedSheets } from "../office/recordedSheets";
import { errorDetail, refreshSettings, saveSettings } from "../office/saveSettings";
import { restoredFill, type CellChange } from "../office/writePlan";
import { inspectCells } from "./etCells";
import {
  applyCellChanges,
  listSheets,
  withQuietApplication,
  type EtSheetInfo,
} from "./writeEtPlan";

export async function clearEtMarks(app: Et.Application, settings: SettingsStore): Promise<number> {
  await refreshSettings(settings);
  const record = readFillRecord(settings);
  if (Object.keys(record).length === 0) return 0;
  const sheets = listSheets(app.ActiveWorkbook);
  const resolved = resolveRecordedSheets(sheets, fillRecordRefs(record));

  let restored = 0;
  const changesBySheet: Array<{ info: EtSheetInfo; changes: CellChange[] }> = [];
  resolved.forEach((info, key) => {
    const entry = record[key];
    const states = inspectCells(
      info.sheet,
      entry.cells.map((cell) => cell.cell).filter((cell, index, all) => all.indexOf(cell) === index)
    );
    const changes: CellChange[] = [];
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
        ...(ownFill
          ? restoredFill(recorded)
          : { fill: state.fill, pattern: state.pattern, patternColor: state.patternColor }),
        note: ownNote ? null : state.note,
      });
    }
    if (changes.length > 0) changesBySheet.push({ info, changes });
  });
  for (const { info } of changesBySheet) {
    if (info.sheet.ProtectContents)
      throw new WorkbookPortError("sheet-protected", {
        code: "sheet-protected",
        host: "wps",
        sheet: info.name,
        action: "clear",
      });
  }

  const missing = Object.keys(record)
    .filter((key) => !resolved.has(key))
    .map((key) => record[key].name);
  if (changesBySheet.length === 0 && missing.length > 0) {
    throw new WorkbookPortError("sheet-missing", {
      code: "marked-sheets-missing",
      sheets: missing,
    });
  }

  withQuietApplication(app, () => {
    const done: Array<{ info: EtSheetInfo; changes: CellChange[] }> = [];
    try {
      for (const entry of changesBySheet) {
        done.push(entry);
        applyCellChanges(entry.info.sheet, entry.changes);
      }
    } catch (error) {
      // The record stays: clearing again finishes the job, skipping cells already restored.
      throw new WorkbookPortError("write-failed", {
        code: "clear-refused",
        host: "wps",
        sheets: done.map((entry) => entry.info.name),
        detail: errorDetail(error),
      });
    }
  });

  await refreshSettings(settings);
  const dealtWith: string[] = [];
  resolved.forEach((_info, key) => dealtWith.push(key));
  storeFillRecord(
    settings,
    mergeFillRecord(
      readFillRecord(settings),
      dealtWith.map((key) => ({
        key,
        sheet: { id: resolved.get(key)!.name, name: resolved.get(key)!.name },
        settled: record[key].cells.map((cell) => cell.cell),
        cells: [],
      }))
    )
  );
  await saveSettings(settings);
  return restored;
}
