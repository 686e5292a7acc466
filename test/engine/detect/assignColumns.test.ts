import { assignColumns, type ColumnEvidence } from "../../../src/engine/detect/assignColumns";
import { profileColumn } from "../../../src/engine/detect/columnContent";
import { headerCues } from "../../../src/engine/detect/headerLexicon";
import { SheetView } from "../../../src/engine/detect/sheetView";
import { normaliseText } from "../../../src/engine/values/normaliseText";
import { sheetFromRows } from "../../helpers/gridFromRows";

/** Evidence for each column of a header row over the body rows under it. */
function evidenceOf(
  rows: unknown[][],
  merges: string[] = [],
  covered: number[] = []
): ColumnEvidence[] {
  const view = new SheetView(sheetFromRows("表", rows as never, merges));
  const header = rows[0] as Array<string | null>;
  const body = rows.slice(1).map((_, i) => i + 2);
  return header.map((text, i) => ({
    column: i + 1,
    header: text ?? "",
    headerCues: headerCues(normaliseText(text ?? "")),
    profile: profileColumn(view, i + 1, body, covered.indexOf(i + 1) >= 0),
  }));
}

describe("assignColumns (stage 3)", () => {
  it("gives each role one column and each column one role, from the header words", () => {
    const assignment = assignColumns(
      evidenceOf([
        [
          "一级指标",
          "二级指标",
          "三级指标",
          "分值",
          "年度指标值",
          "实际完成值",
          "自评得分",
          "偏差原因分析及改进措施",
        ],
      ])
    );
    expect(assignment.columns).toEqual({
      level1: 1,
      level2: 2,
      level3: 3,
      max: 4,
      target: 5,
      actual: 6,
      score: 7,
      reason: 8,
    });
    expect(assignment.decisions.every((decision) => decision.source === "header")).toBe(true);
  });

  it("lets content and order decide between two columns whose headers both name a role", () => {
    // 完成情况 heads the label column; 实际完成值 the values: the clearer header and the order win.
    const assignment = assignColumns(
      evidenceOf(
        [
          [
            "年度绩效指标完成情况",
            "一级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
          ],
          [null, "产出指标", "人数", "≥5人", "6人", 50, 50],
          [null, null, "次数", "≥5次", "6次", 50, 50],
        ],
        ["A1:A3"],
        [1]
      )
    );
    expect(assignment.columns.actual).toBe(5);
    expect(assignment.ignored.map((column) => column.column)).toEqual([1]);
  });

  it("tells 分值 from 得分 by their numbers when the headers do not", () => {
    // Both headed ambiguously: the column whose numbers stay within the other's is the score.
    const assignment = assignColumns(
      evidenceOf([
        ["三级指标", "年度指标值", "标准分", "评价得分"],
        ["人数", "≥5人", 10, 8],
        ["次数", "≥5次", 20, 20],
      ])
    );
    expect([assignment.columns.max, assignment.columns.score]).toEqual([3, 4]);
  });

  it("takes a column for a role from content alone when it is plain (an unnamed 指标性质 column)", () => {
    const assignment = assignColumns(
      evidenceOf([
        ["三级指标", null, "指标值", "实际完成值", "分值", "得分"],
        ["人数", "≥", 5, 6, 10, 10],
        ["次数", "≤", 5, 4, 10, 10],
      ])
    );
    expect(assignment.columns.nature).toBe(2);
    expect(assignment.decisions.find((decision) => decision.role === "nature")!.source).toBe(
      "content"
    );
  });

  it("binds the roles a column map names, and still chooses the rest", () => {
    const evidence = evidenceOf([
      ["三级指标", "分值", "得分", "备用"],
      ["人数", 10, 9, 10],
    ]);
    const assignment = assignColumns(evidence, { score: 4 });
    expect(assignment.columns).toMatchObject({ level3: 1, max: 2, score: 4 });
    expect(assignment.decisions.find((decision) => decision.role === "score")!.source).toBe("map");
  });
});
