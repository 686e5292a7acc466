/**
 * Shared by the WPS adapter's tests: a fake WPS 表格 (fakeEt.ts) over the same workbook state as
 * the fake Excel, seeded from the same fixtures, and the WPS port over it. Every behaviour is
 * checked on the shapes WPS builds are reported to give: errors as COM codes or as text, bulk
 * reads as arrays or as Item(r, c) objects.
 */
import type { WorkbookGrid } from "../../../src/engine/grid/types";
import { FakeEtHost, type FakeEtOptions } from "../../helpers/fakeEt";
import { gridDigest } from "../office/officeTestKit";
import { WpsWorkbookPort } from "../../../src/workbook/wps/wpsWorkbookPort";

export const WPS_HOSTS: ReadonlyArray<{ readonly label: string; readonly options: FakeEtOptions }> =
  [
    { label: "errors as codes, arrays", options: {} },
    {
      label: "errors as text, Item(r, c) reads, no IsError",
      options: { errors: "text", value2: "item", isError: false },
    },
  ];

export interface FakeWps {
  readonly host: FakeEtHost;
  readonly port: WpsWorkbookPort;
}

export function fakeWps(options: FakeEtOptions = {}): FakeWps {
  const host = new FakeEtHost(options);
  return { host, port: new WpsWorkbookPort(() => host.application) };
}

/** The records the port keeps in the workbook's custom properties, as parsed JSON. */
export function storedSetting(host: FakeEtHost, name: string): unknown {
  const count = Number(host.properties.get(name + ".n"));
  if (!count) return null;
  let text = "";
  for (let index = 0; index < count; index++) text += host.properties.get(name + "." + index);
  return JSON.parse(text);
}

/** gridDigest with merged areas in reading order: a file lists them as it likes, WPS is searched. */
export function sortedDigest(grid: WorkbookGrid): unknown {
  return (gridDigest(grid) as Array<{ merges: number[][] | null }>).map((sheet) => ({
    ...sheet,
    merges: sheet.merges ? sheet.merges.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]) : null,
  }));
}
