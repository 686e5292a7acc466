import { narrativeNameFor, planMirroredNames } from "../../../src/engine/batch/planOutputNames";

describe("planMirroredNames", () => {
  it("mirrors paths relative to the folder given", () => {
    expect(
      planMirroredNames([
        { display: "a/x.xlsx", kind: "workbook" },
        { display: "b/c/y.xlsm", kind: "workbook" },
      ])
    ).toEqual(["a/x.xlsx", "b/c/y.xlsm"]);
  });

  it("keeps a file named outside the folder from climbing out: its bare name", () => {
    expect(
      planMirroredNames([
        { display: "../up/x.xlsx", kind: "workbook" },
        { display: "/abs/y.xlsx", kind: "workbook" },
        { display: "./z.xlsx", kind: "workbook" },
      ])
    ).toEqual(["x.xlsx", "y.xlsx", "z.xlsx"]);
  });

  it("gives an old-format file's copy the .xlsx extension, and tells clashes apart whatever the case", () => {
    expect(
      planMirroredNames([
        { display: "x.xlsx", kind: "workbook" },
        { display: "x.xls", kind: "legacy" },
        { display: "X.XLSX", kind: "workbook" },
        { display: "../x.xlsx", kind: "workbook" },
      ])
    ).toEqual(["x.xlsx", "x (2).xlsx", "X (3).XLSX", "x (4).xlsx"]);
  });
});

describe("narrativeNameFor", () => {
  it("names the 自评表说明 beside the copy", () => {
    expect(narrativeNameFor("a/x.xlsx")).toBe("a/x-自评表说明.docx");
  });
});

describe("planMirroredNames on Windows paths", () => {
  it("takes the bare name of a drive path and mirrors backslashed folders", () => {
    expect(
      planMirroredNames([
        { display: "C:\\表\\x.xlsx", kind: "workbook" },
        { display: "a\\y.xlsx", kind: "workbook" },
      ])
    ).toEqual(["x.xlsx", "a/y.xlsx"]);
  });
});
