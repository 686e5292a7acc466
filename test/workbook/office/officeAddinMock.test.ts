/**
 * The adapter against office-addin-mock's objects, whose properties read as an error until they
 * are loaded and synced: a simple read and a simple write on an ExcelApi 1.1 host.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock takes only the OfficeApp enum from office-addin-manifest, whose package
// entry pulls in an ES module jest cannot require; the enum's own file is plain CommonJS.
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));
import { MARK_FILL_COLOURS } from "../../../src/engine/output/outputStyles";
import { OfficeWorkbookPort } from "../../../src/workbook/office/officeWorkbookPort";
import { FakeSettings } from "../../helpers/fakeExcel";

type Mock = OfficeMockObject & Record<string, any>;

/**
 * A sheet as office-addin-mock objects. The mock cannot load a collection's `items/…` paths, so
 * the collection is a plain object whose items are mocks already loaded; everything the adapter
 * loads itself (ranges, fills) goes through the mock's load/sync.
 */
async function mockSheet(name: string, id: string, cells: unknown[][]): Promise<Mock> {
  const sheet = new OfficeMockObject({
    name,
    id,
    position: 0,
    usedRange: {
      rowIndex: 0,
      columnIndex: 0,
      rowCount: cells.length,
      columnCount: cells[0].length,
    },
    block: {
      formulas: cells,
      text: cells.map((row) => row.map(String)),
      numberFormat: cells.map((row) => row.map(() => "General")),
    },
    cell: { format: { fill: { color: "#FFFFFF", clear: () => undefined } } },
    getUsedRange: function (this: Mock) {
      return this.usedRange;
    },
    getRange: function (this: Mock, address: string) {
      return address.includes(":") ? this.block : this.cell;
    },
  }) as Mock;
  sheet.load("name,id,position");
  await sheet.sync();
  return sheet;
}

function mockHost(sheets: Mock[]): ConstructorParameters<typeof OfficeWorkbookPort>[0] {
  const context = {
    workbook: { worksheets: { items: sheets, load: () => undefined } },
    sync: async () => {
      for (const sheet of sheets) await sheet.sync();
    },
  };
  return (batch) => batch(context as unknown as Excel.RequestContext);
}

const API_1_1 = { isSetSupported: (_name: string, version?: string) => version === "1.1" };

test("reads a sheet's cells through office-addin-mock's load and sync", async () => {
  const sheet = await mockSheet("项目自评表", "{1}", [
    ["一级指标", "分值"],
    ["产出指标", 10],
  ]);
  const port = new OfficeWorkbookPort(mockHost([sheet]), API_1_1, new FakeSettings());
  const grid = await port.read();
  expect(grid.sheets).toHaveLength(1);
  const read = grid.sheets[0];
  expect(read.name).toBe("项目自评表");
  expect(read.cell(1, 1)).toMatchObject({ value: "一级指标", text: "一级指标" });
  expect(read.cell(2, 2)).toMatchObject({ value: 10, text: "10", numberFormat: "General" });
  expect(read.rowCount).toBe(2);
});

test("paints a marked cell and records its original fill through office-addin-mock", async () => {
  const sheet = await mockSheet("项目自评表", "{1}", [["x"]]);
  const settings = new FakeSettings();
  const port = new OfficeWorkbookPort(mockHost([sheet]), API_1_1, settings);
  const outcome = await port.write({
    marks: [
      { sheet: "项目自评表", cell: "F14", severity: "error", note: "【错误】缺少实际完成值" },
    ],
    sheets: [],
  });
  expect(sheet.cell.format.fill.color).toBe("#" + MARK_FILL_COLOURS.error);
  expect(outcome.marked).toBe(1);
  expect(settings.saved["SelfEval.Marks.v1"]).toEqual({
    "{1}": {
      name: "项目自评表",
      id: "{1}",
      cells: [{ cell: "F14", original: null, mark: "#" + MARK_FILL_COLOURS.error }],
    },
  });
});
