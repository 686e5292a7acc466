/**
 * Stands in for office.js in the browser tests of the Excel path: `Office` reports an Excel host
 * and `Excel.run` drives the in-memory fake workbook the adapter's unit tests use, seeded from a
 * fixture. The real task pane and the real Office.js adapter run against it in Chromium.
 */
import { cellAt, FakeSettings, FakeWorkbook, setCell } from "../../helpers/fakeExcel";
import type { SeedSheet } from "./seed";

interface HostWindow {
  __SELFEVAL_SEED__?: SeedSheet[];
  /** Office's display language for this page (Chinese when not set). */
  __SELFEVAL_LANGUAGE__?: string;
  __fakeBook?: FakeWorkbook;
  __fakeSettings?: FakeSettings;
  __cellFill?: (sheet: string, address: string) => string | null;
  Office?: unknown;
  Excel?: unknown;
}

const host = window as unknown as HostWindow;
const book = new FakeWorkbook();
const settings = new FakeSettings();
for (const seeded of host.__SELFEVAL_SEED__ ?? []) {
  const sheet = book.addSheet(seeded.name);
  for (const cell of seeded.cells) setCell(sheet, cell.row, cell.column, cell.state);
  for (const merge of seeded.merges) sheet.merges.push(merge);
}
host.__fakeBook = book;
host.__fakeSettings = settings;
host.__cellFill = (sheetName, address) => {
  const sheet = book.sheets.find((candidate) => candidate.name === sheetName);
  return sheet ? cellAt(sheet, address).fill : null;
};

const succeeded = { status: "succeeded" };
host.Excel = { run: book.run };
host.Office = {
  HostType: { Excel: "Excel" },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  context: {
    displayLanguage: host.__SELFEVAL_LANGUAGE__ ?? "zh-CN",
    requirements: { isSetSupported: book.isSetSupported },
    document: {
      settings: {
        get: (name: string) => settings.get(name),
        set: (name: string, value: unknown) => settings.set(name, value),
        remove: (name: string) => settings.remove(name),
        saveAsync: (callback?: (result: typeof succeeded) => void) =>
          settings.saveAsync(() => callback && callback(succeeded)),
        refreshAsync: (callback?: (result: typeof succeeded) => void) => {
          if (callback) callback(succeeded);
        },
      },
    },
  },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: "Excel", platform: "PC" };
    return new Promise((resolve) =>
      setTimeout(() => {
        if (callback) callback(info);
        resolve(info);
      }, 20)
    );
  },
};
