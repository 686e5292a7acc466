import { detectForms } from "../../../src/engine/detect/detectForms";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";
import { PROJECT_HEADER } from "../../helpers/templateHeaders";
import { indicatorRows } from "./helpers/expectations";

function formOf(body: unknown[][], merges: string[] = []) {
  const [form] = detectForms(
    workbookOf(sheetFromRows("表", [PROJECT_HEADER, ...body] as never, merges))
  );
  return form;
}

describe("readTable (stage 5)", () => {
  it("takes groups' 分值 from their labels and names the groups without the points", () => {
    const form = formOf(
      [
        ["产出指标（40分）", "数量指标（20分）", "培训人次", "≥1", "1", 20, 20],
        [null, "质量指标（20分）", "合格率", "100%", "100%", 20, 20],
        ["满意度指标\n(10分)", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10],
      ],
      ["A2:A3"]
    );
    expect(indicatorRows(form)).toEqual([
      [2, "产出指标/数量指标", "培训人次"],
      [3, "产出指标/质量指标", "合格率"],
      [4, "满意度指标/服务对象满意度指标", "满意度"],
    ]);
    expect(
      form.table.groupMaxima.map((group) => [group.path.join("/"), group.max, group.cell])
    ).toEqual([
      ["产出指标", 40, "A2"],
      ["产出指标/数量指标", 20, "B2"],
      ["产出指标/质量指标", 20, "B3"],
      ["满意度指标", 10, "A4"],
    ]);
    // A 分值 column is there: the labels only inform.
    expect(form.table.maxSource).toBe("column");
  });

  it("names a 一级 cell showing only its points by the national form, from its 二级", () => {
    const form = formOf([
      ["（50分）", "数量指标", "培训人次", "≥1", "1", 50, 50],
      ["（30分）", "社会效益\n指标", "知晓率", "≥90%", "95%", 30, 30],
    ]);
    expect(indicatorRows(form).map((row) => row[1])).toEqual([
      "产出指标/数量指标",
      "效益指标/社会效益指标",
    ]);
    expect(form.table.groupMaxima.map((group) => [group.path.join("/"), group.max])).toEqual([
      ["产出指标", 50],
      ["效益指标", 30],
    ]);
  });

  it("lists a category row as a group when indicators follow under it, else as a template row", () => {
    const form = formOf([
      ["产出指标"],
      [null, "数量指标", "培训人次", "≥1", "1", 50, 50],
      ["效益指标", "经济效益指标"],
      [null, "社会效益指标", "知晓率", "≥90%", "95%", 50, 50],
    ]);
    expect(form.table.skippedRows.map((row) => [row.row, row.reason, row.text])).toEqual([
      [2, "group", "产出指标"],
      [4, "template", "经济效益指标"],
    ]);
  });

  it("lists the text rows after the table", () => {
    const form = formOf([
      ["产出指标", "数量指标", "培训人次", "≥1", "1", 100, 100],
      ["合计", null, null, null, null, 100, 100],
      ["评价结论", "完成年度目标"],
      ["填表人：张三"],
    ]);
    expect(form.table.lastRow).toBe(3);
    expect(form.table.skippedRows.map((row) => [row.row, row.reason])).toEqual([
      [3, "total"],
      [4, "text"],
      [5, "text"],
    ]);
  });
});
