/**
 * The fake WPS 表格 models what the WPS adapter relies on, and refuses the rest: the tests of the
 * adapter are only as good as this stand-in, so its own rules are pinned down here.
 */
import { FakeEtHost } from "./fakeEt";
import { cellAt, setCell, setRows } from "./fakeExcel";

function sheetOf(host: FakeEtHost, index = 1): Et.Worksheet {
  return host.application.ActiveWorkbook.Worksheets.Item(index) as Et.Worksheet;
}

test("collections are 1-based, Address() is a method, one cell reads as a scalar and many as a 2-D array", () => {
  const host = new FakeEtHost();
  setRows(host.book.addSheet("表1"), [
    ["a", 1],
    ["b", 2],
  ]);
  const app = host.application;
  expect(app.ActiveWorkbook.Worksheets.Count).toBe(1);
  expect(() => app.ActiveWorkbook.Worksheets.Item(0)).toThrow();
  const sheet = sheetOf(host);
  expect(sheet.Name).toBe("表1");
  const used = sheet.UsedRange;
  expect(used.Address()).toBe("$A$1:$B$2");
  expect(used.Value2).toEqual([
    ["a", 1],
    ["b", 2],
  ]);
  expect(sheet.Range("B2").Value2).toBe(2);
  expect(sheet.Range("C3").Value2).toBeUndefined();
});

test("properties of many cells give null when the cells differ; colours are BGR; no fill is Pattern -4142", () => {
  const host = new FakeEtHost();
  const state = host.book.addSheet("表1");
  setCell(state, 1, 1, { value: 1, numberFormat: "0.00", fill: "#FF0000" });
  setCell(state, 2, 1, { value: 2, numberFormat: "0.00" });
  const sheet = sheetOf(host);
  expect(sheet.Range("A1:A2").NumberFormat).toBe("0.00");
  expect(sheet.Range("A1,B5").NumberFormat).toBeNull();
  expect(sheet.Range("A1").Interior.Color).toBe(0x0000ff);
  expect(sheet.Range("A2").Interior.Pattern).toBe(-4142);
  expect(sheet.Range("A2").Interior.Color).toBe(0xffffff);
  expect(sheet.Range("A1:A2").Interior.Pattern).toBeNull();
  sheet.Range("A2").Interior.Color = 0x9cebff;
  expect(cellAt(state, "A2").fill).toBe("#FFEB9C");
});

test("multi-area addresses over 255 characters, unknown members and unknown setters are refused", () => {
  const host = new FakeEtHost();
  host.book.addSheet("表1");
  const sheet = sheetOf(host);
  const long = Array.from({ length: 60 }, (_, i) => "A" + (i * 10 + 1)).join(",");
  expect(long.length).toBeGreaterThan(255);
  expect(() => sheet.Range(long)).toThrow(/255/);
  expect(() => (sheet as unknown as { Cells: unknown }).Cells).toThrow(/not modelled/);
  expect(() => {
    (sheet.Range("A1") as unknown as { Style: string }).Style = "好";
  }).toThrow(/not modelled/);
});

test("comments, sheet names, protection, deleting and document properties follow COM's rules", () => {
  const host = new FakeEtHost();
  host.book.addSheet("表1");
  const app = host.application;
  const sheet = sheetOf(host);
  expect(sheet.Range("A1").Comment).toBeNull();
  sheet.Range("A1").AddComment("说明");
  expect(() => sheet.Range("A1").AddComment("又一条")).toThrow();
  expect(sheet.Range("A1").Comment.Text()).toBe("说明");
  expect(sheet.Comments.Count).toBe(1);

  const added = app.ActiveWorkbook.Worksheets.Add(undefined, sheet) as Et.Worksheet;
  expect(added.Name).toBe("Sheet1");
  expect(() => (added.Name = "表1")).toThrow();
  expect(() => (added.Name = "a/b")).toThrow();
  expect(() => (added.Name = "x".repeat(32))).toThrow();
  expect(() => added.Delete()).toThrow(/DisplayAlerts/);
  app.DisplayAlerts = false;
  added.Delete();
  expect(app.ActiveWorkbook.Worksheets.Count).toBe(1);

  host.book.sheet("表1").protected = true;
  expect(() => (sheet.Range("A1").Interior.Color = 0)).toThrow(/protected/);
  host.book.structureProtected = true;
  expect(() => app.ActiveWorkbook.Worksheets.Add()).toThrow(/structure/);

  const properties = app.ActiveWorkbook.CustomDocumentProperties as Kso.DocumentProperties;
  expect(() => properties.Item("无")).toThrow();
  expect(() => properties.Add("长", false, 4, "x".repeat(256))).toThrow(/255/);
  properties.Add("短", false, 4, "值");
  host.reopen();
  expect(
    (app.ActiveWorkbook.CustomDocumentProperties as Kso.DocumentProperties).Item("短").Value
  ).toBe("值");
});

test("errors read as COM codes, or as text on request; sheet-scoped names read back with their sheet", () => {
  for (const errors of ["code", "text"] as const) {
    const host = new FakeEtHost({ errors });
    const state = host.book.addSheet("表1");
    setCell(state, 1, 1, { formula: "=1/0", value: "#DIV/0!", error: true });
    state.names.set("SelfEval.Owner", { formula: '="results:1"', visible: false });
    const sheet = sheetOf(host);
    expect(sheet.Range("A1").Value2).toBe(errors === "code" ? -2146826281 : "#DIV/0!");
    expect(sheet.Range("A1").Formula).toBe("=1/0");
    expect(sheet.Names.Item(1).Name).toBe("'表1'!SelfEval.Owner");
  }
});
