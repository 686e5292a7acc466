import { readFileSync } from "fs";
import * as path from "path";
import Ajv2020 from "ajv/dist/2020";
import { parseColumnMap } from "../../../src/engine/detect/columnMap";
import { inspectWorkbook } from "../../../src/engine/detect/inspectWorkbook";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";
import { loadWorkbookGrid } from "./helpers/loadFixture";

const REAL = path.join(__dirname, "..", "..", "fixtures", "real");
const schema = JSON.parse(
  readFileSync(path.join(__dirname, "../../../docs/inspect.schema.json"), "utf8")
);
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

describe("inspectWorkbook", () => {
  it("describes how the 天长 table was read: columns with why, skipped rows, maxima", async () => {
    const inspection = inspectWorkbook(
      await loadWorkbookGrid(path.join(REAL, "anhui-tianchang-2022-project-flood-defence.xlsx")),
      { fileName: "天长.xlsx" }
    );
    expect(validate(inspection)).toBe(true);
    const [form] = inspection.forms;
    expect(form.headerRows).toEqual([12]);
    expect(
      form.columns.map((column) => column.column + " " + column.role + " " + column.source)
    ).toEqual([
      "B level1 header",
      "C level2 header",
      "D level3 header",
      "E target header",
      "F actual header",
      "G max header",
      "H score header",
      "I reason header",
    ]);
    expect(form.ignoredColumns).toEqual([
      { column: "A", header: "年度绩效指标完成情况", reason: expect.stringMatching(/合并/) },
    ]);
    expect(form.maxSource).toBe("column");
    expect(form.indicatorRows).toEqual([13, 14, 16, 19, 22, 25, 28, 34, 37]);
    expect(form.skippedRows.find((row) => row.row === 31)).toEqual({
      row: 31,
      reason: "not-applicable",
      text: "指标1:/",
    });
    expect(form.budget).toMatchObject({
      headerRow: 5,
      totalRow: 6,
      columns: { budget: "D", executed: "E" },
    });
    expect(form.headerColumns.map((column) => column.column).join("")).toBe("ABCDEFGHI");
  });

  it("validates against docs/inspect.schema.json on every real table", async () => {
    for (const name of [
      "hubei-huanggang-2020-project-soil-monitoring",
      "yunnan-yongde-2022-project-student-nutrition",
    ]) {
      const inspection = inspectWorkbook(await loadWorkbookGrid(path.join(REAL, name + ".xlsx")));
      expect(validate(inspection)).toBe(true);
      expect(inspection.forms).toHaveLength(1);
    }
  });

  it("says what a header that gave no form has and lacks", () => {
    const sheet = sheetFromRows("自评表", [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "备注"],
      ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 10],
    ]);
    const inspection = inspectWorkbook(workbookOf(sheet));
    expect(validate(inspection)).toBe(true);
    expect(inspection.forms).toEqual([]);
    expect(inspection.misses).toEqual([
      expect.objectContaining({
        sheet: "自评表",
        headerRows: [1],
        missing: ["score"],
        message:
          "工作表「自评表」：找到表头第1行（一级指标=A、二级指标=B、三级指标=C、年度指标值=D、实际完成值=E），但没有得分列，也没有分值列",
      }),
    ]);
  });

  it("reads the form once a column map names what the header does not", () => {
    const sheet = sheetFromRows("自评表", [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "备注"],
      ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 10],
    ]);
    const columnMap = parseColumnMap("自评得分=F").map;
    const inspection = inspectWorkbook(workbookOf(sheet), { columnMap });
    expect(inspection.forms[0].columns.find((column) => column.role === "score")).toMatchObject({
      column: "F",
      source: "map",
    });
    const result = scoreWorkbook(workbookOf(sheet), { columnMap });
    expect(result.report.forms[0].total.score).toBe(10);
  });

  it("applies a map for every sheet to the forms, not to a 填表说明 sheet beside them", async () => {
    const workbook = await loadWorkbookGrid(
      path.join(__dirname, "..", "..", "fixtures", "layouts", "multi-project-sheets.xlsx")
    );
    const columnMap = parseColumnMap("分值=G,自评得分=H").map;
    const inspection = inspectWorkbook(workbook, { columnMap });
    expect(inspection.columnMapErrors).toEqual([]);
    expect(inspection.forms.map((form) => form.sheet)).toEqual([
      "营养改善计划",
      "校舍维修改造",
      "教师培训",
    ]);
    expect(
      inspection.forms.every((form) =>
        form.columns.some(
          (column) => column.role === "max" && column.column === "G" && column.source === "map"
        )
      )
    ).toBe(true);
  });

  it("names the map's entries it cannot apply", () => {
    const sheet = sheetFromRows("表", [
      ["一级指标", "三级指标", "分值", "得分"],
      ["产出指标", "培训人次", 10, 10],
    ]);
    const inspection = inspectWorkbook(workbookOf(sheet), {
      columnMap: parseColumnMap("分值=Z,别的表!得分=D").map,
    });
    expect(inspection.columnMapErrors.map((error) => error.entry)).toEqual([
      "别的表!得分=D",
      "分值=Z",
    ]);
    expect(inspection.columnMapErrors[1].message).toMatch(/列Z不在工作表「表」第1行起的表格内/);
  });
});
