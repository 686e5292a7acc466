/**
 * The workbook port over Office.js: the open workbook in Excel (desktop, Mac, web) read into the
 * engine's grid and written back, needing ExcelApi 1.1 only and using newer API sets where the
 * host has them.
 */
import type { WorkbookGrid, WritePlan } from "../../engine";
import { WorkbookPortError, asPortError, type WorkbookPort, type WriteOutcome } from "../port";
import { detectApiSupport, type ApiSupport } from "./apiSupport";
import { clearMarks } from "./clearMarks";
import type { ApiRequirements, ExcelRun, SettingsStore } from "./officeHost";
import { readOfficeGrid } from "./readOfficeGrid";
import { errorDetail } from "./saveSettings";
import { findSheet } from "./openWorkbookWrite";
import { loadSheets, writePlan } from "./writePlan";

export class OfficeWorkbookPort implements WorkbookPort {
  private readonly support: ApiSupport;

  constructor(
    private readonly run: ExcelRun,
    requirements: ApiRequirements,
    private readonly settings: SettingsStore
  ) {
    this.support = detectApiSupport(requirements);
  }

  read(): Promise<WorkbookGrid> {
    return this.run((context) => readOfficeGrid(context, this.support, this.settings)).catch(
      (error: unknown) => {
        throw asPortError(error, "read-failed", {
          code: "read-failed",
          detail: errorDetail(error),
        });
      }
    );
  }

  write(plan: WritePlan): Promise<WriteOutcome> {
    return this.run((context) => writePlan(context, this.support, this.settings, plan)).catch(
      (error: unknown) => {
        throw asPortError(error, "write-failed", {
          code: "write-failed",
          detail: errorDetail(error),
        });
      }
    );
  }

  clearMarks(): Promise<number> {
    return this.run((context) => clearMarks(context, this.support, this.settings)).catch(
      (error: unknown) => {
        throw asPortError(error, "write-failed", {
          code: "clear-failed",
          detail: errorDetail(error),
        });
      }
    );
  }

  select(sheet: string, cell: string): Promise<void> {
    return this.run(async (context) => {
      const found = findSheet(await loadSheets(context), sheet);
      if (!found) {
        throw new WorkbookPortError("sheet-missing", { code: "sheet-missing", sheet, cell });
      }
      found.sheet.activate();
      found.sheet.getRange(cell).select();
      await context.sync();
    }).catch((error: unknown) => {
      throw asPortError(error, "read-failed", {
        code: "select-failed",
        sheet,
        cell,
        detail: errorDetail(error),
      });
    });
  }
}

function notInExcel(): Promise<never> {
  return Promise.reject(new WorkbookPortError("not-in-excel", { code: "not-in-excel" }));
}

/** A port for when there is no Excel host: every method says so. */
class NotInExcelPort implements WorkbookPort {
  read(): Promise<WorkbookGrid> {
    return notInExcel();
  }

  write(): Promise<WriteOutcome> {
    return notInExcel();
  }

  clearMarks(): Promise<number> {
    return notInExcel();
  }

  select(): Promise<void> {
    return notInExcel();
  }
}

/**
 * The port over the running host's globals. Outside Excel (browser mode, or office.js not
 * loaded) `Excel` is never touched and every method rejects with "not-in-excel".
 */
export function createOfficeWorkbookPort(): WorkbookPort {
  const office = typeof Office === "undefined" ? undefined : Office;
  const context = office ? office.context : undefined;
  if (
    !context ||
    !context.requirements ||
    !context.document ||
    !context.document.settings ||
    !context.requirements.isSetSupported("ExcelApi", "1.1") ||
    typeof Excel === "undefined"
  ) {
    return new NotInExcelPort();
  }
  const settings = context.document.settings;
  return new OfficeWorkbookPort((batch) => Excel.run(batch), context.requirements, {
    get: (name) => settings.get(name),
    set: (name, value) => settings.set(name, value),
    remove: (name) => settings.remove(name),
    saveAsync: (callback) =>
      settings.saveAsync((result) =>
        callback?.({ status: String(result.status), error: result.error })
      ),
    // Older office.js builds may lack it; refreshSettings then works from the in-memory copy.
    refreshAsync:
      typeof settings.refreshAsync === "function"
        ? (callback) =>
            settings.refreshAsync((result) =>
              callback?.({ status: String(result.status), error: result.error })
            )
        : undefined,
  });
}
