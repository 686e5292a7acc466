/**
 * The 列对应 panel's model: what it shows for each sheet after a run, and the map's text it writes
 * back (general with one sheet, per sheet with several), as parseColumnMap reads it.
 */
import { parseColumnMap } from "../../../src/engine/detect/columnMap";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import {
  columnMapSections,
  draftFromText,
  mapsBySheet,
  textFromDraft,
} from "../../../src/taskpane/columnMap/columnMapModel";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";
import { departmentWorkbook, FORM_SHEET, twoFormWorkbook } from "../helpers/departmentForm";
import { unreadableWorkbook, UNREAD_SHEET } from "../helpers/projectForm";

function sectionsOf(grid = departmentWorkbook(), columnMap = "") {
  const result = scoreWorkbook(grid, { columnMap: parseColumnMap(columnMap).map });
  return columnMapSections(result, grid);
}

describe("columnMapSections", () => {
  it("gives a form's sheet every role with the column in use and why, and the header's columns to choose", () => {
    const [section] = sectionsOf();
    expect(section.sheet).toBe(FORM_SHEET);
    expect(section.title).toBe("2024年度部门整体支出绩效自评表");
    expect(section.forms).toBe(1);
    expect(section.misses).toEqual([]);
    expect(section.roles.map((row) => row.roleName)).toEqual([
      "一级指标",
      "二级指标",
      "三级指标",
      "指标名称",
      "指标性质",
      "年度指标值",
      "度量单位",
      "实际完成值",
      "分值",
      "自评得分",
      "偏差原因",
    ]);
    const max = section.roles.filter((row) => row.role === "max")[0];
    expect(max.inUse).toMatchObject({ column: "D", source: "header", reason: "表头“分值”" });
    expect(section.roles.filter((row) => row.role === "unit")[0].inUse).toBeNull();
    expect(section.choices).toEqual([
      { column: "A", header: "一级指标" },
      { column: "B", header: "二级指标" },
      { column: "C", header: "三级指标" },
      { column: "D", header: "分值" },
      { column: "E", header: "年度指标值" },
      { column: "F", header: "实际完成值" },
      { column: "G", header: "自评得分" },
      { column: "H", header: "偏差原因分析及改进措施" },
    ]);
  });

  it("shows a mapped role as mapped", () => {
    const [section] = sectionsOf(departmentWorkbook(), "偏差原因=H");
    expect(section.roles.filter((row) => row.role === "reason")[0].inUse).toMatchObject({
      column: "H",
      source: "map",
      reason: "由列对应指定（偏差原因=H）",
    });
  });

  it("gives a header that gave no form what was found and missing, its header cells as choices", () => {
    const [section] = sectionsOf(unreadableWorkbook());
    expect(section.sheet).toBe(UNREAD_SHEET);
    expect(section.forms).toBe(0);
    expect(section.misses).toEqual([
      "工作表「自评表」：找到表头第2行（一级指标=A、二级指标=B、三级指标=C、年度指标值=D、实际完成值=E），但没有得分列，也没有分值列",
    ]);
    expect(section.choices.map((choice) => choice.column + " " + choice.header)).toEqual([
      "A 一级指标",
      "B 二级指标",
      "C 三级指标",
      "D 年度指标值",
      "E 实际完成值",
      "F 权数",
      "G 结果",
      "H 说明",
    ]);
    expect(section.roles.filter((row) => row.role === "actual")[0].inUse!.column).toBe("E");
  });

  it("reads a header that gave no form through its merged cells, and fills the gaps between columns", () => {
    const grid = workbookOf(
      sheetFromRows(
        "表",
        [
          [
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            null,
            "实际完成值",
            "权数",
            null,
            "结果",
          ],
          ["产出指标", "数量指标", "培训人次", "≥", "100人次", "80人次", 50, null, 40],
          ["效益指标", "满意度指标", "满意度", "≥", "90%", "95%", 50, null, 50],
        ],
        ["D1:E1"]
      )
    );
    const [section] = sectionsOf(grid);
    expect(section.forms).toBe(0);
    expect(section.misses[0]).toMatch(/^工作表「表」：找到表头第1行.*但没有得分列，也没有分值列$/);
    expect(section.choices.map((choice) => choice.column + "=" + choice.header)).toEqual([
      "A=一级指标",
      "B=二级指标",
      "C=三级指标",
      "D=年度指标值",
      "E=年度指标值",
      "F=实际完成值",
      "G=权数",
      "H=",
      "I=结果",
    ]);
  });

  it("gives each sheet with a form a section, in the workbook's order", () => {
    const sections = sectionsOf(twoFormWorkbook());
    expect(sections.map((section) => section.sheet)).toEqual([FORM_SHEET, "二级单位"]);
    expect(mapsBySheet(sections)).toBe(true);
  });
});

describe("the map's text", () => {
  it("names no sheet when the workbook has one table, and reads back what it wrote", () => {
    const sections = sectionsOf();
    expect(mapsBySheet(sections)).toBe(false);
    const text = textFromDraft({ [FORM_SHEET]: { score: "G", max: "D" } }, sections);
    expect(text).toBe("分值=D,自评得分=G");
    expect(draftFromText(text, sections)).toEqual({ [FORM_SHEET]: { max: "D", score: "G" } });
    expect(parseColumnMap(text).errors).toEqual([]);
  });

  it("names each sheet when there are several, and takes a general entry into each", () => {
    const sections = sectionsOf(twoFormWorkbook());
    const draft = draftFromText("偏差原因=H,二级单位!分值=D", sections);
    expect(draft).toEqual({
      [FORM_SHEET]: { reason: "H" },
      二级单位: { reason: "H", max: "D" },
    });
    expect(textFromDraft(draft, sections)).toBe(
      FORM_SHEET + "!偏差原因=H,二级单位!分值=D,二级单位!偏差原因=H"
    );
  });

  it("leaves out entries for sheets it does not show, and a sheet whose name the text cannot carry", () => {
    const grid = twoFormWorkbook();
    const renamed = workbookOf(grid.sheets[0], { ...grid.sheets[1], name: "二级,单位" });
    const sections = columnMapSections(scoreWorkbook(renamed), renamed);
    expect(sections.map((section) => section.nameable)).toEqual([true, false]);
    const text = textFromDraft(
      { [FORM_SHEET]: { max: "D" }, "二级,单位": { max: "D" }, 已删除: { score: "G" } },
      sections
    );
    expect(text).toBe(FORM_SHEET + "!分值=D");
  });
});
