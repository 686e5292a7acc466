/**
 * 清除标记: every cell the tool highlighted that still shows its mark gets its recorded original
 * fill back (and loses the tool's note); cells the user has restyled since keep theirs. The
 * record is forgotten.
 */
import type { ApiSupport } from "./apiSupport";
import { normaliseColour, readFillRecord, storeFillRecord } from "./fillRecord";
import { inspectSheet, type SheetInspection } from "./inspectCells";
import type { SettingsStore } from "./officeHost";
import { RequestBudget } from "./requestBudget";
import { WorkbookPortError } from "../port";
import { errorDetail, saveSettings } from "./saveSettings";
import { loadSheets, queueCellChanges, type CellChange, type SheetInfo } from "./writePlan";

export async function clearMarks(
  context: Excel.RequestContext,
  support: ApiSupport,
  settings: SettingsStore
): Promise<number> {
  const record = readFillRecord(settings);
  const ids = Object.keys(record);
  if (ids.length === 0) return 0;
  const sheets = await loadSheets(context);

  const budget = new RequestBudget(context);
  const inspected: Array<{ info: SheetInfo; id: string; inspection: SheetInspection }> = [];
  for (const id of ids) {
    const info = sheets.find((sheet) => sheet.id === id);
    if (!info) continue; // the sheet is gone, and its marks with it
    const cells = record[id].cells.map((cell) => cell.cell);
    inspected.push({
      info,
      id,
      inspection: await inspectSheet(info.sheet, cells, support, budget),
    });
  }
  await budget.sync();

  let restored = 0;
  const changesBySheet: Array<{ info: SheetInfo; changes: CellChange[] }> = [];
  for (const { info, id, inspection } of inspected) {
    inspection.settle();
    const changes: CellChange[] = [];
    const seen: { [cell: string]: true } = {};
    for (const recorded of record[id].cells) {
      // The first entry of a cell holds its fill from before any mark.
      if (seen[recorded.cell]) continue;
      seen[recorded.cell] = true;
      const state = inspection.cells.get(recorded.cell)!;
      const ownFill = state.fill === normaliseColour(recorded.mark);
      const ownNote = recorded.note !== undefined && state.note === recorded.note;
      if (!ownFill && !ownNote) continue;
      if (ownFill) restored++;
      changes.push({
        cell: recorded.cell,
        before: state,
        fill: ownFill ? recorded.original : state.fill,
        note: ownNote ? null : state.note,
      });
    }
    if (changes.length === 0) continue;
    if (inspection.isProtected()) {
      throw new WorkbookPortError(
        "sheet-protected",
        "工作表“" + info.name + "”受保护，无法清除评分标记。请先撤销工作表保护，再重试。"
      );
    }
    changesBySheet.push({ info, changes });
  }

  try {
    const writeBudget = new RequestBudget(context);
    for (const { info, changes } of changesBySheet) {
      await queueCellChanges(info.sheet, changes, support, writeBudget);
    }
    await writeBudget.sync();
  } catch (error) {
    // The record stays: clearing again finishes the job, skipping cells already restored.
    throw new WorkbookPortError(
      "write-failed",
      "清除标记失败：Excel 拒绝了对工作表“" +
        changesBySheet.map((entry) => entry.info.name).join("”“") +
        "”的修改（" +
        errorDetail(error) +
        "）。请重试。"
    );
  }
  storeFillRecord(settings, {});
  await saveSettings(settings);
  return restored;
}
