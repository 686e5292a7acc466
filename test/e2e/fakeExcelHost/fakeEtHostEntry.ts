/**
 * Stands in for WPS 表格 in the browser tests of the WPS add-in: `window.Application` is the fake
 * ET model the WPS adapter's unit tests use (test/helpers/fakeEt.ts), seeded from a fixture. The
 * real pane, ribbon page and WPS adapter run against it in Chromium, from file:// as WPS runs an
 * offline add-in.
 */
import { FakeEtHost } from "../../helpers/fakeEt";
import { cellAt, setCell } from "../../helpers/fakeExcel";
import type { SeedSheet } from "./seed";

interface HostWindow {
  __SELFEVAL_SEED__?: SeedSheet[];
  __fakeEt?: FakeEtHost;
  __cellFill?: (sheet: string, address: string) => string | null;
  Application?: unknown;
}

const scope = window as unknown as HostWindow;
const host = new FakeEtHost();
for (const seeded of scope.__SELFEVAL_SEED__ ?? []) {
  const sheet = host.book.addSheet(seeded.name);
  for (const cell of seeded.cells) setCell(sheet, cell.row, cell.column, cell.state);
  for (const merge of seeded.merges) sheet.merges.push(merge);
}
scope.__fakeEt = host;
scope.__cellFill = (sheetName, address) => {
  const sheet = host.book.sheets.find((candidate) => candidate.name === sheetName);
  return sheet ? cellAt(sheet, address).fill : null;
};
scope.Application = host.application;
