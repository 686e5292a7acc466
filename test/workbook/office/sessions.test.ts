/**
 * The records the adapter keeps in document settings across sessions and add-in instances:
 * worksheet ids rebuilt from positions when Office 2016 reopens the file, the task pane and the
 * ribbon command each holding their own copy of the settings, two runs overlapping, protection,
 * patterned fills. Every assertion is on the fake workbook's and the fake settings' state.
 */
import type { WritePlan } from "../../../src/engine/output/types";
import { MARK_FILL_COLOURS } from "../../../src/engine/output/outputStyles";
import { scoreOpenWorkbook } from "../../../src/workbook/scoreOpenWorkbook";
import { WorkbookPortError } from "../../../src/workbook/port";
import { MARK_RECORD_SETTING } from "../../../src/workbook/office/fillRecord";
import { OfficeWorkbookPort } from "../../../src/workbook/office/officeWorkbookPort";
import { OWNER_RECORD_SETTING } from "../../../src/workbook/office/settingsOwners";
import {
  cellAt,
  setCell,
  setRows,
  type FakeSettings,
  type FakeSheetState,
  type FakeWorkbook,
} from "../../helpers/fakeExcel";
import { HOSTS, fakeHost, fixturePath, seedFromXlsx } from "./officeTestKit";

const PROJECT = fixturePath("project-school-safety-2024");
const DEPARTMENT = fixturePath("department-education-2024");
const PROJECT_SHEET = "项目自评表";
const DEPARTMENT_SHEET = "部门整体支出绩效自评表";
const RED = "#" + MARK_FILL_COLOURS.error;
const YELLOW = "#" + MARK_FILL_COLOURS.warning;

/** The port of another add-in instance on the same document (the ribbon command beside the pane). */
function portFor(book: FakeWorkbook, settings: FakeSettings): OfficeWorkbookPort {
  return new OfficeWorkbookPort(book.run, { isSetSupported: book.isSetSupported }, settings);
}

/** Save, close, open again: new ids, and a new add-in instance with what the document saved. */
function reopen(book: FakeWorkbook, settings: FakeSettings): OfficeWorkbookPort {
  book.reopen();
  settings.reopen();
  return portFor(book, settings);
}

function sheetSnapshot(book: FakeWorkbook, name: string): unknown {
  const snapshot = book.snapshot() as Array<{ name: string; id: string }>;
  const sheet = snapshot.find((candidate) => candidate.name === name);
  return sheet ? { ...sheet, id: null } : undefined;
}

function at(sheet: FakeSheetState, address: string, fill: Partial<Parameters<typeof setCell>[3]>) {
  const match = /^([A-Z]+)(\d+)$/.exec(address)!;
  setCell(sheet, Number(match[2]), match[1].charCodeAt(0) - 64, fill);
}

function markPlan(
  sheet: string,
  cells: readonly string[],
  severity: "error" | "warning"
): WritePlan {
  return {
    marks: cells.map((cell) => ({ sheet, cell, severity, note: "【测试】" + cell })),
    sheets: [],
  };
}

describe.each(HOSTS)("across sessions on a host with $label", ({ maxApi }) => {
  test("score, save & reopen (ids rebuilt), 清除标记 restores every original fill", async () => {
    const { book, settings, port } = fakeHost(maxApi);
    await seedFromXlsx(book, PROJECT);
    const before = sheetSnapshot(book, PROJECT_SHEET);
    const { written } = await scoreOpenWorkbook(port);
    const idBefore = book.sheet(PROJECT_SHEET).id;
    const reopened = reopen(book, settings);
    expect(book.sheet(PROJECT_SHEET).id).not.toBe(idBefore);
    expect(await reopened.clearMarks()).toBe(written!.marked);
    expect(sheetSnapshot(book, PROJECT_SHEET)).toEqual(before);
    expect(settings.saved[MARK_RECORD_SETTING]).toBeUndefined();
  });

  test("score, save & reopen, score again: the tool's own sheets are replaced, not added as (2)", async () => {
    const { book, settings, port } = fakeHost(maxApi);
    await seedFromXlsx(book, PROJECT);
    await scoreOpenWorkbook(port);
    const reopened = reopen(book, settings);
    const { written } = await scoreOpenWorkbook(reopened);
    expect(written!.sheets).toEqual([
      { name: "评分结果", mode: "replace" },
      { name: "自评表说明", mode: "replace" },
    ]);
    expect(book.sheets.map((sheet) => sheet.name)).toEqual([
      PROJECT_SHEET,
      "评分结果",
      "自评表说明",
    ]);
    // The ownership record follows the new sheets and ids: a third session replaces them again.
    const owners = settings.saved[OWNER_RECORD_SETTING] as Record<string, { name: string }>;
    expect(
      Object.keys(owners)
        .map((key) => owners[key].name)
        .sort()
    ).toEqual(["自评表说明", "评分结果"].sort());
    const third = reopen(book, settings);
    expect((await scoreOpenWorkbook(third)).written!.sheets.map((sheet) => sheet.mode)).toEqual([
      "replace",
      "replace",
    ]);
    expect(book.sheets).toHaveLength(3);
  });

  test("sheets reordered between sessions: the marks come off their own sheet, never another", async () => {
    const { book, settings } = fakeHost(maxApi);
    // A file last opened on Office 2016: ids already built from positions.
    await seedFromXlsx(book, PROJECT);
    const other = book.addSheet("其他");
    setRows(other, [["用户自己的表"]]);
    let port = reopen(book, settings);
    const { result } = await scoreOpenWorkbook(port, { readOnly: true });
    const cells = Array.from(new Set(result.problems.map((problem) => problem.cell)));
    // On the other sheet, the user's own cells styled with Excel's "Bad" and "Neutral", at the
    // very addresses the tool will mark on the form.
    at(other, cells[0], { fill: RED });
    at(other, cells[1], { fill: YELLOW });
    const otherBefore = sheetSnapshot(book, "其他");
    const formBefore = sheetSnapshot(book, PROJECT_SHEET);
    const { written } = await scoreOpenWorkbook(port);
    // The user moves 其他 to the front and saves: on reopening it has the form's old id.
    const formId = book.sheet(PROJECT_SHEET).id;
    book.sheets.splice(book.sheets.indexOf(other), 1);
    book.sheets.unshift(other);
    port = reopen(book, settings);
    expect(other.id).toBe(formId);
    expect(await port.clearMarks()).toBe(written!.marked);
    expect(sheetSnapshot(book, "其他")).toEqual(otherBefore);
    expect(sheetSnapshot(book, PROJECT_SHEET)).toEqual(formBefore);
  });

  test("a marked sheet renamed between sessions keeps its record until it is found again", async () => {
    const { book, settings, port } = fakeHost(maxApi);
    await seedFromXlsx(book, PROJECT);
    const before = sheetSnapshot(book, PROJECT_SHEET);
    await scoreOpenWorkbook(port);
    book.sheet(PROJECT_SHEET).name = "项目自评表（改）";
    let reopened = reopen(book, settings);
    const error = await reopened.clearMarks().catch((caught: unknown) => caught);
    expect((error as WorkbookPortError).code).toBe("sheet-missing");
    expect((error as WorkbookPortError).message).toContain("“" + PROJECT_SHEET + "”");
    // Kept in the document, not dropped.
    expect(settings.saved[MARK_RECORD_SETTING]).toBeDefined();
    book.sheet("项目自评表（改）").name = PROJECT_SHEET;
    reopened = reopen(book, settings);
    expect(await reopened.clearMarks()).toBeGreaterThan(0);
    expect(sheetSnapshot(book, PROJECT_SHEET)).toEqual(before);
  });

  test("an entry for a sheet not found survives a write for another sheet", async () => {
    const { book, settings, port } = fakeHost(maxApi);
    setRows(book.addSheet("甲"), [["x"]]);
    setRows(book.addSheet("乙"), [["x"]]);
    await port.write(markPlan("甲", ["B2"], "error"));
    book.sheet("甲").name = "甲2";
    const reopened = reopen(book, settings);
    await reopened.write(markPlan("乙", ["C3"], "warning"));
    const names = Object.values(
      settings.saved[MARK_RECORD_SETTING] as Record<string, { name: string }>
    ).map((entry) => entry.name);
    expect(names.sort()).toEqual(["甲", "乙"].sort());
  });
});

describe.each(HOSTS)("two add-in instances on a host with $label", ({ maxApi }) => {
  test("the pane clears what the ribbon command marked, and re-scores over the command's sheets", async () => {
    const { book, settings: paneSettings, port: pane } = fakeHost(maxApi);
    await seedFromXlsx(book, PROJECT);
    await seedFromXlsx(book, DEPARTMENT);
    const forms = () => [sheetSnapshot(book, PROJECT_SHEET), sheetSnapshot(book, DEPARTMENT_SHEET)];
    const before = forms();
    // Both instances started with the document as it was: neither has a record.
    const command = portFor(book, paneSettings.otherInstance());
    const { written } = await scoreOpenWorkbook(command);
    expect(await pane.clearMarks()).toBe(written!.marked);
    expect(forms()).toEqual(before);
    expect(paneSettings.saved[MARK_RECORD_SETTING]).toBeUndefined();
    // The command's ownership record (all a 1.1 host has) reaches the pane too.
    const again = await scoreOpenWorkbook(pane);
    expect(again.written!.sheets.map((sheet) => sheet.mode)).toEqual(["replace", "replace"]);
    expect(book.sheets).toHaveLength(4);
  });

  test("a write merges its record into the one the other instance saved", async () => {
    const { book, settings: paneSettings, port: pane } = fakeHost(maxApi);
    setRows(book.addSheet("甲"), [["x"]]);
    const commandSettings = paneSettings.otherInstance();
    const command = portFor(book, commandSettings);
    await pane.write(markPlan("甲", ["B2"], "error"));
    // The command's run began before the pane's save reached it: it sees no record of B2.
    commandSettings.refreshFailures = 1;
    await command.write(markPlan("甲", ["B2", "C3"], "error"));
    const cells = Object.values(
      paneSettings.saved[MARK_RECORD_SETTING] as Record<string, { cells: Array<{ cell: string }> }>
    ).flatMap((entry) => entry.cells.map((cell) => cell.cell));
    expect(cells.sort()).toEqual(["B2", "C3"]);
    expect(await pane.clearMarks()).toBe(2);
    expect(cellAt(book.sheet("甲"), "B2").fill).toBeNull();
  });

  test("a refused refresh is ignored: the instance works from its own copy", async () => {
    const { book, settings, port } = fakeHost(maxApi);
    setRows(book.addSheet("甲"), [["x"]]);
    settings.refreshFailures = 10;
    await port.write(markPlan("甲", ["B2"], "error"));
    expect(await port.clearMarks()).toBe(1);
    expect(cellAt(book.sheet("甲"), "B2").fill).toBeNull();
  });

  test("overlapping runs: a cell one run painted is never remembered as the other's original", async () => {
    const { book, settings: commandSettings, port: command } = fakeHost(maxApi);
    const sheet = book.addSheet("甲");
    setRows(sheet, [["x"]]);
    at(sheet, "B2", { fill: "#00B050" });
    const paneSettings = commandSettings.otherInstance();
    const pane = portFor(book, paneSettings);
    // The command paints B2 red and saves; the pane's run began before that save reached it
    // (its first refresh is refused), so it sees B2 red with no record, and paints it yellow.
    await command.write(markPlan("甲", ["B2"], "error"));
    paneSettings.refreshFailures = 1;
    await pane.write(markPlan("甲", ["B2", "C3"], "warning"));
    expect(cellAt(sheet, "B2").fill).toBe(YELLOW);
    expect(await command.clearMarks()).toBe(2);
    expect(cellAt(sheet, "B2").fill).toBe("#00B050");
    expect(cellAt(sheet, "C3").fill).toBeNull();
  });
});

describe.each(HOSTS)("protection on a host with $label", ({ maxApi }) => {
  const everything = maxApi === undefined;

  test("a workbook whose structure is protected is not written to, and the user is told how", async () => {
    const { book, settings, port } = fakeHost(maxApi);
    await seedFromXlsx(book, PROJECT);
    book.structureProtected = true;
    const before = book.snapshot();
    const error = await scoreOpenWorkbook(port).catch((caught: unknown) => caught);
    expect((error as WorkbookPortError).code).toBe("sheet-protected");
    // ExcelApi 1.7 tells beforehand; on older hosts Excel refuses the new sheet and the write is undone.
    if (everything) {
      expect((error as WorkbookPortError).facts).toEqual({
        code: "workbook-protected",
        host: "excel",
      });
      expect((error as WorkbookPortError).message).toBe(
        "工作簿结构受保护，无法添加评分结果工作表。请先在“审阅 › 保护工作簿”中取消保护后再评分。"
      );
    } else expect((error as WorkbookPortError).message).toContain("审阅 › 保护工作簿");
    expect((error as WorkbookPortError).message).not.toContain("AccessDenied");
    expect(book.snapshot()).toEqual(before);
    expect(settings.saved).toEqual({});
  });

  test("清除标记 on a sheet protected since scoring says how to lift it, not to retry", async () => {
    const { book, port } = fakeHost(maxApi);
    await seedFromXlsx(book, PROJECT);
    await scoreOpenWorkbook(port);
    book.sheet(PROJECT_SHEET).protected = true;
    const error = await port.clearMarks().catch((caught: unknown) => caught);
    expect((error as WorkbookPortError).code).toBe("sheet-protected");
    expect((error as WorkbookPortError).message).toContain("“" + PROJECT_SHEET + "”");
    expect((error as WorkbookPortError).message).toContain("审阅 › 撤消工作表保护");
    expect((error as WorkbookPortError).message).not.toContain("请重试");
    expect((error as WorkbookPortError).message).not.toContain("AccessDenied");
    // Once lifted, clearing works: the record was kept.
    book.sheet(PROJECT_SHEET).protected = false;
    expect(await port.clearMarks()).toBeGreaterThan(0);
  });
});

describe("patterned fills", () => {
  test.each(HOSTS)(
    "on a host with $label a patterned fill comes back as it was (1.9+), or its colour (older)",
    async ({ maxApi }) => {
      const { book, port } = fakeHost(maxApi);
      const sheet = book.addSheet("甲");
      setRows(sheet, [["x"]]);
      at(sheet, "B2", { fill: "#DDEBF7", pattern: "LightDown", patternColor: "#FF0000" });
      await port.write(markPlan("甲", ["B2"], "error"));
      expect(cellAt(sheet, "B2")).toMatchObject({ fill: RED });
      expect(cellAt(sheet, "B2").pattern).toBeUndefined();
      // A re-score keeps the true original, pattern included.
      await port.write(markPlan("甲", ["B2"], "warning"));
      await port.clearMarks();
      if (maxApi === undefined) {
        expect(cellAt(sheet, "B2")).toMatchObject({
          fill: "#DDEBF7",
          pattern: "LightDown",
          patternColor: "#FF0000",
        });
      } else {
        expect(cellAt(sheet, "B2")).toMatchObject({ fill: "#DDEBF7" });
      }
    }
  );

  test("a user's patterned fill in the mark's colour is not taken for the mark", async () => {
    const { book, settings, port } = fakeHost();
    const sheet = book.addSheet("甲");
    setRows(sheet, [["x"]]);
    await port.write(markPlan("甲", ["B2"], "error"));
    at(sheet, "B2", { fill: RED, pattern: "Gray25", patternColor: "#000000" });
    expect(await port.clearMarks()).toBe(0);
    expect(cellAt(sheet, "B2")).toMatchObject({ fill: RED, pattern: "Gray25" });
    expect(settings.saved[MARK_RECORD_SETTING]).toBeUndefined();
  });
});
