/// <reference types="et-jsapi-declare/lib.et" />
/**
 * The workbook port over WPS 表格's ET object model (WPS 加载项 JSAPI): the workbook open in WPS
 * read into the engine's grid and written back, as OfficeWorkbookPort does in Excel. ET calls
 * are synchronous; the port's methods stay promises so that the pane and the ribbon page use it
 * exactly as they use the Office port.
 */
import type { WorkbookGrid, WritePlan } from "../../engine";
import { MARK_RECORD_SETTING } from "../office/fillRecord";
import type { SettingsStore } from "../office/officeHost";
import { errorDetail } from "../office/saveSettings";
import { OWNER_RECORD_SETTING } from "../office/settingsOwners";
import { WorkbookPortError, asPortError, type WorkbookPort, type WriteOutcome } from "../port";
import { clearEtMarks } from "./clearEtMarks";
import { DocumentPropertyStore } from "./documentStore";
import { readEtGrid } from "./readEtGrid";
import { findSheet } from "../office/openWorkbookWrite";
import { listSheets, writeEtPlan } from "./writeEtPlan";

/** The records the port keeps in the workbook's custom properties. */
export const WPS_RECORD_SETTINGS: readonly string[] = [MARK_RECORD_SETTING, OWNER_RECORD_SETTING];

export class WpsWorkbookPort implements WorkbookPort {
  private readonly settings: SettingsStore;

  constructor(
    private readonly application: () => Et.Application,
    settings?: SettingsStore
  ) {
    this.settings =
      settings ?? new DocumentPropertyStore(() => this.workbook(), WPS_RECORD_SETTINGS);
  }

  private app(): Et.Application {
    const app = this.application();
    if (!app || !app.ActiveWorkbook)
      throw new WorkbookPortError("read-failed", { code: "no-workbook" });
    return app;
  }

  private workbook(): Et.Workbook {
    return this.app().ActiveWorkbook;
  }

  read(): Promise<WorkbookGrid> {
    return attempt(
      () => readEtGrid(this.app(), this.settings),
      (error) =>
        asPortError(error, "read-failed", { code: "read-failed", detail: errorDetail(error) })
    );
  }

  write(plan: WritePlan): Promise<WriteOutcome> {
    return attempt(
      () => writeEtPlan(this.app(), this.settings, plan),
      (error) =>
        asPortError(error, "write-failed", { code: "write-failed", detail: errorDetail(error) })
    );
  }

  clearMarks(): Promise<number> {
    return attempt(
      () => clearEtMarks(this.app(), this.settings),
      (error) =>
        asPortError(error, "write-failed", { code: "clear-failed", detail: errorDetail(error) })
    );
  }

  select(sheet: string, cell: string): Promise<void> {
    return attempt(
      async () => {
        const found = findSheet(listSheets(this.workbook()), sheet);
        if (!found) {
          throw new WorkbookPortError("sheet-missing", { code: "sheet-missing", sheet, cell });
        }
        found.sheet.Activate();
        found.sheet.Range(cell).Select();
      },
      (error) =>
        asPortError(error, "read-failed", {
          code: "select-failed",
          sheet,
          cell,
          detail: errorDetail(error),
        })
    );
  }
}

/** Runs a step, synchronous throws included, as a promise with failures made port errors. */
function attempt<T>(step: () => Promise<T>, failure: (error: unknown) => Error): Promise<T> {
  let running: Promise<T>;
  try {
    running = step();
  } catch (error) {
    return Promise.reject(failure(error));
  }
  return running.catch((error: unknown) => {
    throw failure(error);
  });
}

interface WpsGlobals {
  Application?: unknown;
  wps?: { EtApplication?: unknown };
}

/**
 * WPS 表格's Application in this page, or null outside WPS. Kingsoft's current documents name the
 * global `Application`; older builds and samples reach it as `wps.EtApplication()`.
 */
export function findEtApplication(scope: unknown): Et.Application | null {
  const globals = (scope || {}) as WpsGlobals;
  const direct = globals.Application as Et.Application | undefined;
  if (direct && typeof direct === "object" && "ActiveWorkbook" in direct) return direct;
  const legacy = globals.wps && globals.wps.EtApplication;
  if (typeof legacy === "function") {
    try {
      const app = (legacy as () => Et.Application)();
      if (app && typeof app === "object") return app;
    } catch {
      return null;
    }
  }
  return null;
}
