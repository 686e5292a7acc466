/// <reference types="et-jsapi-declare/lib.et" />
/**
 * 清除标记 in WPS 表格, as in Excel (office/clearMarks.ts): every cell the tool highlighted that
 * still shows its mark gets its recorded original fill back and loses the tool's note; cells the
 * user has restyled since keep theirs. The record comes from the workbook's custom properties,
 * so this works after the file was saved and opened again. Entries whose sheet is not found
 * (renamed) are kept for later.
 */
import {
  clearChanges,
  forgetClearedSheets,
  missingMarkedSheets,
  protectedSheetError,
  type CellChange,
} from "../office/openWorkbookWrite";
import { WorkbookPortError } from "../port";
import { fillRecordRefs, readFillRecord } from "../office/fillRecord";
import type { SettingsStore } from "../office/officeHost";
import { resolveRecordedSheets } from "../office/recordedSheets";
import { errorDetail, refreshSettings } from "../office/saveSettings";
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
    const cleared = clearChanges(entry, states);
    restored += cleared.restored;
    if (cleared.changes.length > 0) changesBySheet.push({ info, changes: cleared.changes });
  });
  for (const { info } of changesBySheet)
    if (info.sheet.ProtectContents) throw protectedSheetError("wps", info.name, "clear");

  const missing = missingMarkedSheets(record, resolved);
  if (changesBySheet.length === 0 && missing) throw missing;

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

  await forgetClearedSheets(settings, record, resolved);
  return restored;
}
