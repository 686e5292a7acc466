import { planOutputSheets } from "../../../src/engine/output/planOutputSheets";
import { fingerprintTexts } from "../../../src/engine/output/fingerprintTexts";
import { outputSheetTexts } from "../../../src/engine/output/outputSheetTexts";
import type { OutputRow, OutputSheet } from "../../../src/engine/output/types";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";

const rows: OutputRow[] = [
  { cells: [{ text: "绩效自评评分结果", style: "title" }] },
  { cells: [{ text: "总分" }, { number: 98.36 }] },
];
const results: OutputSheet = {
  owner: "results",
  preferredName: "评分结果",
  columnWidths: [20],
  rows,
  fingerprint: fingerprintTexts(outputSheetTexts(rows)),
};

describe("planOutputSheets", () => {
  it("creates the sheet under its name when no sheet has it", () => {
    const workbook = workbookOf(sheetFromRows("自评表", [["x"]]));
    expect(planOutputSheets(workbook, [results])).toEqual([
      { sheet: results, name: "评分结果", mode: "create" },
    ]);
  });

  it("never reuses a user's sheet name, compared without case", () => {
    const workbook = workbookOf(
      sheetFromRows("评分结果", [["用户自己的表"]]),
      sheetFromRows("评分结果 (2)", [["又一个"]])
    );
    expect(planOutputSheets(workbook, [results])[0]).toMatchObject({
      name: "评分结果 (3)",
      mode: "create",
    });
    const english = { ...results, preferredName: "Results" };
    expect(planOutputSheets(workbookOf(sheetFromRows("RESULTS", [["x"]])), [english])[0].name).toBe(
      "Results (2)"
    );
  });

  it("replaces the tool's own sheet when the user has not edited it", () => {
    const own = sheetFromRows("评分结果", [["绩效自评评分结果"], ["总分", 98.36]], [], {
      kind: "results",
      writtenFingerprint: results.fingerprint,
    });
    expect(planOutputSheets(workbookOf(own), [results])[0]).toMatchObject({
      name: "评分结果",
      mode: "replace",
    });
  });

  it("keeps the tool's sheet the user edited, and writes a new one beside it", () => {
    const edited = sheetFromRows(
      "评分结果",
      [["绩效自评评分结果"], ["总分", 98.36, "用户加的备注"]],
      [],
      {
        kind: "results",
        writtenFingerprint: results.fingerprint,
      }
    );
    expect(planOutputSheets(workbookOf(edited), [results])[0]).toMatchObject({
      name: "评分结果 (2)",
      mode: "create",
    });
  });

  it("keeps sheet names within Excel's 31 characters and without forbidden characters", () => {
    const long = {
      ...results,
      preferredName: "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三:*?",
    };
    const taken = workbookOf(sheetFromRows(long.preferredName.slice(0, 31), [["x"]]));
    const name = planOutputSheets(taken, [long])[0].name;
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[:\\/?*[\]]/);
  });
});

describe("planOutputSheets and sheets the engine does not read", () => {
  it("never takes the name of a chart sheet", () => {
    const workbook = { sheets: [sheetFromRows("自评表", [["x"]])], otherSheetNames: ["评分结果"] };
    expect(planOutputSheets(workbook, [results])[0]).toMatchObject({
      name: "评分结果 (2)",
      mode: "create",
    });
  });
});

describe("planOutputSheets and copies of the tool's sheets", () => {
  it("replaces the sheet under the tool's own name before a renamed copy", () => {
    const owner = { kind: "results" as const, writtenFingerprint: results.fingerprint };
    const archive = sheetFromRows(
      "评分结果（11月存档）",
      [["绩效自评评分结果"], ["总分", 98.36]],
      [],
      owner
    );
    const current = sheetFromRows("评分结果", [["绩效自评评分结果"], ["总分", 98.36]], [], owner);
    expect(planOutputSheets(workbookOf(archive, current), [results])[0]).toMatchObject({
      name: "评分结果",
      mode: "replace",
    });
  });
});
