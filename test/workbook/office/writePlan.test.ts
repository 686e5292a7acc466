/**
 * Writing a scoring run back into the open workbook: highlights, output sheets, notes, the
 * record of original fills, all-or-nothing writes — on a host with every API set and on one with
 * ExcelApi 1.1 only. Every assertion is on the fake workbook's state.
 */
import { MARK_FILL_COLOURS } from "../../../src/engine/output/outputStyles";
import type { OutputSheet, WritePlan } from "../../../src/engine/output/types";
import { scoreOpenWorkbook } from "../../../src/workbook/scoreOpenWorkbook";
import { WorkbookPortError } from "../../../src/workbook/port";
import { MARK_RECORD_SETTING } from "../../../src/workbook/office/fillRecord";
import { OWNER_RECORD_SETTING, type OwnerEntry } from "../../../src/workbook/office/settingsOwners";
import { cellAt, setCell, setRows, type FakeSheetState } from "../../helpers/fakeExcel";
import {
  HOSTS,
  fakeHost,
  fixturePath,
  seedFromXlsx,
  seedLargeDepartmentTable,
} from "./officeTestKit";

const RED = "#" + MARK_FILL_COLOURS.error;
const YELLOW = "#" + MARK_FILL_COLOURS.warning;
const PROJECT = fixturePath("project-school-safety-2024");
const PROJECT_SHEET = "项目自评表";

function filledCells(sheet: FakeSheetState): Record<string, string | null> {
  const fills: Record<string, string | null> = {};
  sheet.cells.forEach((cell, k) => {
    if (cell.fill !== null) fills[String(k)] = cell.fill;
  });
  return fills;
}

function outputSheet(rows: OutputSheet["rows"], fingerprint = "00000001"): OutputSheet {
  return {
    owner: "results",
    preferredName: "评分结果",
    columnWidths: [20, 12],
    rows,
    printFitWidth: true,
    landscape: true,
    fingerprint,
  };
}

describe.each(HOSTS)("writing on a host with $label", ({ maxApi }) => {
  const everything = maxApi === undefined;

  test("marks the problem cells, writes the results and narrative sheets and owns them", async () => {
    const { book, settings, port } = fakeHost(maxApi);
    await seedFromXlsx(book, PROJECT);
    const { result, written } = await scoreOpenWorkbook(port);
    expect(written).not.toBeNull();
    const sheet = book.sheet(PROJECT_SHEET);
    const marked = result.problems.map((problem) => problem.cell);
    expect(written!.marked).toBe(new Set(marked).size);
    for (const problem of result.problems) {
      const fill = cellAt(sheet, problem.cell).fill;
      if (problem.severity === "error") expect(fill).toBe(RED);
      else expect([RED, YELLOW]).toContain(fill);
    }
    expect(book.sheets.map((s) => s.name)).toEqual([PROJECT_SHEET, "评分结果", "自评表说明"]);
    expect(written!.sheets).toEqual([
      { name: "评分结果", mode: "create" },
      { name: "自评表说明", mode: "create" },
    ]);
    const results = book.sheet("评分结果");
    expect(cellAt(results, "A1").value).toBe("绩效自评评分结果");
    // Ownership: the sheet-scoped name where the host has names (1.4), the setting always.
    const owners = settings.get(OWNER_RECORD_SETTING) as Record<string, OwnerEntry>;
    expect(owners[results.id]).toEqual({
      name: "评分结果",
      id: results.id,
      mark: expect.stringMatching(/^results:[0-9a-f]{8}$/),
    });
    expect(results.names.get("SelfEval.Owner")).toEqual(
      everything ? { formula: '="' + owners[results.id].mark + '"', visible: false } : undefined
    );
    // Notes where the notes API exists (1.18); otherwise a notice says where the problems are.
    const first = result.problems[0];
    if (everything) {
      expect(sheet.notes.get(first.cell)).toContain(first.message);
      expect(written!.notices).toEqual([]);
      expect(results.merges.length).toBeGreaterThan(0);
      expect(results.columnWidths.size).toBeGreaterThan(0);
      expect(results.pageLayout).toMatchObject({ paperSize: "A4", orientation: "Landscape" });
    } else {
      expect(sheet.notes.size).toBe(0);
      expect(written!.notices[0]).toBe(
        "此版本的 Excel 不支持单元格批注，问题仅列于“评分结果”工作表。"
      );
      expect(results.merges).toEqual([]);
      expect(results.pageLayout).toEqual({});
    }
    // The record names the sheet and every cell marked, with the fill it had before.
    const record = settings.saved[MARK_RECORD_SETTING] as Record<
      string,
      { name: string; cells: Array<{ cell: string; original: string | null }> }
    >;
    expect(Object.values(record).map((entry) => entry.name)).toEqual([PROJECT_SHEET]);
    const recorded = Object.values(record)[0].cells;
    expect(new Set(recorded.map((cell) => cell.cell))).toEqual(new Set(marked));
    for (const cell of recorded) expect(cell.original).not.toBe(RED);
    // The user's cells keep their values and formulas.
    expect(cellAt(sheet, "H19")).toMatchObject({ formula: "=SUM(H12:H18)+H6" });
  });

  test("text that looks like a formula or a number is written as text", async () => {
    const { book, port } = fakeHost(maxApi);
    setRows(book.addSheet("表1"), [["x"]]);
    const texts = ["=SUM(A1)", "+1", "-x", "@x", "001"];
    const plan: WritePlan = {
      marks: [],
      sheets: [
        {
          sheet: outputSheet(
            texts.map((text) => ({
              cells: [
                { text, style: "tableCell" },
                { number: 0.5, format: "0.00%" },
              ],
            }))
          ),
          name: "评分结果",
          mode: "create",
        },
      ],
    };
    await port.write(plan);
    const results = book.sheet("评分结果");
    texts.forEach((text, index) => {
      expect(cellAt(results, "A" + (index + 1))).toMatchObject({
        value: text,
        formula: null,
        error: false,
      });
      expect(cellAt(results, "B" + (index + 1))).toMatchObject({
        value: 0.5,
        numberFormat: "0.00%",
      });
    });
    expect(cellAt(results, "A1").borders).toEqual(expect.arrayContaining(["EdgeTop", "EdgeLeft"]));
  });

  test("a user's sheet named 评分结果 is never reused, even when it appears after scoring", async () => {
    const { book, port } = fakeHost(maxApi);
    await seedFromXlsx(book, PROJECT);
    const users = book.addSheet("评分结果");
    setRows(users, [["我的数据"]]);
    await scoreOpenWorkbook(port);
    expect(cellAt(book.sheet("评分结果"), "A1").value).toBe("我的数据");
    expect(cellAt(book.sheet("评分结果 (2)"), "A1").value).toBe("绩效自评评分结果");

    // A name taken between scoring and writing.
    const late = fakeHost(maxApi);
    await seedFromXlsx(late.book, PROJECT);
    const plan: WritePlan = {
      marks: [],
      sheets: [
        { sheet: outputSheet([{ cells: [{ text: "结果" }] }]), name: "评分结果", mode: "create" },
      ],
    };
    setRows(late.book.addSheet("评分结果"), [["后来建的"]]);
    const outcome = await late.port.write(plan);
    expect(outcome.sheets).toEqual([{ name: "评分结果 (2)", mode: "create" }]);
    expect(cellAt(late.book.sheet("评分结果"), "A1").value).toBe("后来建的");
  });

  test("re-scoring replaces the tool's sheets in place and does not stack marks", async () => {
    const { book, settings, port } = fakeHost(maxApi);
    await seedFromXlsx(book, PROJECT);
    const sheet = book.sheet(PROJECT_SHEET);
    const before = filledCells(sheet);
    await scoreOpenWorkbook(port);
    const afterFirst = filledCells(sheet);
    const recordFirst = settings.get(MARK_RECORD_SETTING);
    const idsFirst = book.sheets.map((s) => s.id);
    const second = await scoreOpenWorkbook(port);
    expect(second.written!.sheets).toEqual([
      { name: "评分结果", mode: "replace" },
      { name: "自评表说明", mode: "replace" },
    ]);
    expect(book.sheets.map((s) => s.name)).toEqual([PROJECT_SHEET, "评分结果", "自评表说明"]);
    expect(book.sheets[1].id).not.toBe(idsFirst[1]);
    expect(filledCells(sheet)).toEqual(afterFirst);
    expect(settings.get(MARK_RECORD_SETTING)).toEqual(recordFirst);
    expect(await port.clearMarks()).toBe(
      Object.keys(afterFirst).length - Object.keys(before).length
    );
    expect(filledCells(sheet)).toEqual(before);
  });

  test("清除标记 restores the original fills exactly and forgets the record", async () => {
    const { book, settings, port } = fakeHost(maxApi);
    await seedFromXlsx(book, PROJECT);
    const sheet = book.sheet(PROJECT_SHEET);
    const { result } = await scoreOpenWorkbook(port, { readOnly: true });
    // The user's own fills on two problem cells, one of them white (a real fill with 1.9).
    const [a, b] = result.problems.map((problem) => problem.cell);
    setCell(sheet, Number(a.replace(/\D/g, "")), a.charCodeAt(0) - 64, { fill: "#00B050" });
    setCell(sheet, Number(b.replace(/\D/g, "")), b.charCodeAt(0) - 64, { fill: "#FFFFFF" });
    const before = book.snapshot();
    const written = await scoreOpenWorkbook(port);
    expect(cellAt(sheet, a).fill).not.toBe("#00B050");
    const restored = await port.clearMarks();
    expect(restored).toBe(written.written!.marked);
    if (everything) {
      // Notes went with the marks; the output sheets stay.
      expect(sheet.notes.size).toBe(0);
      expect(cellAt(sheet, b).fill).toBe("#FFFFFF");
    } else {
      // Before ExcelApi 1.9 no fill reads as white: white comes back as no fill.
      expect(cellAt(sheet, b).fill).toBeNull();
      setCell(sheet, Number(b.replace(/\D/g, "")), b.charCodeAt(0) - 64, { fill: "#FFFFFF" });
    }
    expect((book.snapshot() as unknown[])[0]).toEqual((before as unknown[])[0]);
    expect(settings.get(MARK_RECORD_SETTING)).toBeNull();
    expect(settings.saved[MARK_RECORD_SETTING]).toBeUndefined();
    expect(await port.clearMarks()).toBe(0);
  });

  test("a cell the user repainted after marking keeps the user's fill when marks are cleared", async () => {
    const { book, port } = fakeHost(maxApi);
    await seedFromXlsx(book, PROJECT);
    const { result } = await scoreOpenWorkbook(port);
    const cell = result.problems[0].cell;
    const sheet = book.sheet(PROJECT_SHEET);
    setCell(sheet, Number(cell.replace(/\D/g, "")), cell.charCodeAt(0) - 64, { fill: "#0070C0" });
    await port.clearMarks();
    expect(cellAt(sheet, cell).fill).toBe("#0070C0");
  });

  test("a protected sheet leaves the workbook untouched", async () => {
    const { book, settings, port } = fakeHost(maxApi);
    await seedFromXlsx(book, PROJECT);
    book.sheet(PROJECT_SHEET).protected = true;
    const before = book.snapshot();
    const error = await scoreOpenWorkbook(port).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkbookPortError);
    // With ExcelApi 1.2 the protection is seen before writing; on 1.1 Excel refuses and the write
    // is undone. Either way the user is told, in Chinese, which sheet and how to lift it.
    expect((error as WorkbookPortError).code).toBe("sheet-protected");
    expect((error as WorkbookPortError).message).toContain("“" + PROJECT_SHEET + "”");
    expect((error as WorkbookPortError).message).toContain("审阅 › 撤消工作表保护");
    expect((error as WorkbookPortError).message).not.toContain("AccessDenied");
    expect((error as WorkbookPortError).message).toMatch(/工作簿(未作任何修改|保持原样)/);
    expect(book.snapshot()).toEqual(before);
    expect(settings.stored).toEqual({});
  });

  test.each([
    ["the narrative sheet's values", "Range.values", 2],
    ["the second sheet added", "Worksheet.add", 2],
    ["a fill of the output sheet", "RangeFill.color", 3],
  ])("a failure at %s leaves the workbook exactly as it was", async (_label, operation, count) => {
    const { book, settings, port } = fakeHost(maxApi);
    await seedFromXlsx(book, PROJECT);
    const before = book.snapshot();
    book.failWhen = (name, n) => name === operation && n === count;
    const error = await scoreOpenWorkbook(port).catch((caught: unknown) => caught);
    expect((error as WorkbookPortError).code).toBe("write-failed");
    expect((error as WorkbookPortError).message).toMatch(/已撤销本次写入，工作簿保持原样/);
    expect(book.snapshot()).toEqual(before);
    expect(settings.stored).toEqual({});
  });

  test("a failure while replacing the earlier sheets brings them back", async () => {
    const { book, settings, port } = fakeHost(maxApi);
    await seedFromXlsx(book, PROJECT);
    await scoreOpenWorkbook(port);
    const before = book.snapshot();
    const record = JSON.stringify(settings.stored);
    // Renames: old results aside, new results in, old narrative aside, then the new narrative fails.
    book.failWhen = (name, n) => name === "Worksheet.name" && n === 4;
    const error = await scoreOpenWorkbook(port).catch((caught: unknown) => caught);
    expect((error as WorkbookPortError).code).toBe("write-failed");
    expect(book.snapshot()).toEqual(before);
    expect(JSON.stringify(settings.stored)).toBe(record);
  });

  test("when Excel refuses to delete a replaced sheet, the new ones stand and the old is kept aside", async () => {
    const { book, port } = fakeHost(maxApi);
    await seedFromXlsx(book, PROJECT);
    await scoreOpenWorkbook(port);
    book.failWhen = (name) => name === "Worksheet.delete";
    const { written } = await scoreOpenWorkbook(port);
    expect(book.sheets.map((s) => s.name)).toEqual([
      PROJECT_SHEET,
      "评分结果",
      "自评表说明",
      "SelfEval 旧表",
      "SelfEval 旧表 (2)",
    ]);
    expect(written!.notices).toContain(
      "旧的评分表未能删除，已保留为工作表“SelfEval 旧表”，确认新表无误后可手动删除。"
    );
  });

  test("writing 20 or 20,000 rows' results takes the same number of syncs, each under 5 MB", async () => {
    const counts: number[] = [];
    for (const rows of [20, 20000]) {
      const { book, port } = fakeHost(maxApi);
      seedLargeDepartmentTable(book, rows);
      const grid = await port.read();
      book.syncCount = 0;
      const { scoreWorkbook } = await import("../../../src/engine/scoreWorkbook");
      const { buildWritePlan } = await import("../../../src/engine/output/buildWritePlan");
      const plan = buildWritePlan(scoreWorkbook(grid), grid);
      const outcome = await port.write(plan);
      expect(outcome.marked).toBeGreaterThan(rows / 20);
      counts.push(book.syncCount);
      expect(book.largestRequest).toBeLessThan(5 * 1024 * 1024);
      book.syncCount = 0;
      await port.clearMarks();
      counts.push(book.syncCount);
    }
    expect(counts[2]).toBe(counts[0]);
    expect(counts[3]).toBe(counts[1]);
    // Sheet list, checks, the user's cells, the output sheets, then the print settings alone.
    expect(counts[0]).toBeLessThanOrEqual(5);
  });
});

describe("writing on a host without ExcelApi 1.1 features beyond notes", () => {
  test("notes the user wrote are kept, the tool's own are replaced on re-scoring", async () => {
    const { book, port } = fakeHost();
    await seedFromXlsx(book, PROJECT);
    const { result } = await scoreOpenWorkbook(port, { readOnly: true });
    const [userCell, ownCell] = Array.from(new Set(result.problems.map((problem) => problem.cell)));
    const sheet = book.sheet(PROJECT_SHEET);
    sheet.notes.set(userCell, "用户自己的批注");
    await scoreOpenWorkbook(port);
    const ownNote = sheet.notes.get(ownCell);
    expect(sheet.notes.get(userCell)).toBe("用户自己的批注");
    await scoreOpenWorkbook(port);
    expect(sheet.notes.get(ownCell)).toBe(ownNote);
    await port.clearMarks();
    expect(Array.from(sheet.notes.entries())).toEqual([[userCell, "用户自己的批注"]]);
  });
});
