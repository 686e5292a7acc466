/** select(), and the port outside Excel. */
import { WorkbookPortError } from "../../../src/workbook/port";
import { createOfficeWorkbookPort } from "../../../src/workbook/office/officeWorkbookPort";
import { setRows } from "../../helpers/fakeExcel";
import { HOSTS, fakeHost } from "./officeTestKit";

describe.each(HOSTS)("select on a host with $label", ({ maxApi }) => {
  test("activates the sheet and selects the cell", async () => {
    const { book, port } = fakeHost(maxApi);
    setRows(book.addSheet("封面"), [["x"]]);
    const sheet = book.addSheet("项目自评表");
    await port.select("项目自评表", "F14");
    expect(book.activeSheetId).toBe(sheet.id);
    expect(book.selection).toBe("'项目自评表'!F14");
  });

  test("a sheet renamed or deleted since scoring is sheet-missing, in Chinese", async () => {
    const { book, port } = fakeHost(maxApi);
    book.addSheet("封面");
    const error = await port.select("项目自评表", "F14").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkbookPortError);
    expect((error as WorkbookPortError).code).toBe("sheet-missing");
    expect((error as WorkbookPortError).message).toContain("“项目自评表”");
    expect((error as WorkbookPortError).message).toContain("F14");
    expect(book.activeSheetId).toBeNull();
  });
});

describe("createOfficeWorkbookPort outside Excel", () => {
  const globals = global as unknown as Record<string, unknown>;
  afterEach(() => {
    delete globals.Office;
    delete globals.Excel;
  });

  test("without Office every method rejects with not-in-excel, and Excel is never touched", async () => {
    let touched = false;
    Object.defineProperty(globals, "Excel", {
      configurable: true,
      get: () => {
        touched = true;
        return {};
      },
    });
    const port = createOfficeWorkbookPort();
    for (const call of [
      () => port.read(),
      () => port.write({ marks: [], sheets: [] }),
      () => port.clearMarks(),
      () => port.select("表", "A1"),
    ]) {
      const error = await call().catch((caught: unknown) => caught);
      expect((error as WorkbookPortError).code).toBe("not-in-excel");
    }
    expect(touched).toBe(false);
  });

  test("office.js loaded in a plain browser page (no context) is not Excel either", async () => {
    globals.Office = { context: undefined };
    const error = await createOfficeWorkbookPort()
      .read()
      .catch((caught: unknown) => caught);
    expect((error as WorkbookPortError).code).toBe("not-in-excel");
  });

  test("inside Excel the port runs its batches through Excel.run", async () => {
    const { book } = fakeHost("1.1");
    setRows(book.addSheet("表1"), [["一级指标"]]);
    const stored: Record<string, unknown> = {};
    globals.Office = {
      context: {
        requirements: { isSetSupported: book.isSetSupported },
        document: {
          settings: {
            get: (name: string) => stored[name] ?? null,
            set: (name: string, value: unknown) => (stored[name] = value),
            remove: (name: string) => delete stored[name],
            saveAsync: (callback: (result: { status: string }) => void) =>
              callback({ status: "succeeded" }),
          },
        },
      },
    };
    globals.Excel = { run: book.run };
    const grid = await createOfficeWorkbookPort().read();
    expect(grid.sheets.map((sheet) => sheet.name)).toEqual(["表1"]);
    expect(book.syncCount).toBeGreaterThan(0);
  });
});
