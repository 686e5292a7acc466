/**
 * Case 12: a sheet the tool wrote itself (its grid carries an `owner`) is never read as input,
 * even when it looks like a form.
 */
import { detectForms } from "../../../src/engine/detect/detectForms";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import type { SheetOwner } from "../../../src/engine/grid/types";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";

const FORM_ROWS = [
  ["项目支出绩效自评表"],
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
  ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 50, 50],
  ["效益指标", "社会效益指标", "培训合格率", "≥95%", "98%", 50, 50],
  ["总分", null, null, null, null, 100, 100],
];

describe("case 12: sheets written by the tool", () => {
  it.each<[SheetOwner]>([
    [{ kind: "results", writtenFingerprint: "1a2b3c4d" }],
    [{ kind: "narrative", writtenFingerprint: null }],
  ])("skips a sheet owned as %j", (owner) => {
    const written = sheetFromRows("自评结果", FORM_ROWS, [], owner);
    expect(detectForms(workbookOf(written))).toEqual([]);
    expect(scoreWorkbook(workbookOf(written)).report.forms).toEqual([]);
  });

  it("reads the user's sheet and skips the tool's copy of it", () => {
    const user = sheetFromRows("项目自评表", FORM_ROWS);
    const written = sheetFromRows("自评结果", FORM_ROWS, [], {
      kind: "results",
      writtenFingerprint: "1a2b3c4d",
    });
    const forms = detectForms(workbookOf(written, user));
    expect(forms.map((form) => [form.sheet, form.table.indicators.length])).toEqual([
      ["项目自评表", 2],
    ]);
  });
});
