import { isToolSheet } from "../../../src/engine/detect/isToolSheet";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";

describe("isToolSheet", () => {
  it("recognises a results sheet whose ownership mark was lost, by its title", () => {
    const results = sheetFromRows("评分结果", [
      ["绩效自评评分结果"],
      [],
      ["指标层级", "分值", "得分"],
      ["指标", "年度指标值", "实际完成值", "分值", "计算得分", "采用得分", "得分来源", "行号"],
      ["履职效能 / 服务 / 门诊人次", "≥10000人次", "9000人次", 10, 9, 9, "按规则计算", 4],
    ]);
    expect(isToolSheet(results)).toBe(true);
    expect(scoreWorkbook(workbookOf(results)).forms).toHaveLength(0);
  });

  it("reads a user's sheet that only mentions the words further down", () => {
    const user = sheetFromRows("表", [["2024年度部门整体支出绩效自评表"], ["绩效自评评分结果"]]);
    expect(isToolSheet(user)).toBe(false);
    expect(isToolSheet(sheetFromRows("空", []))).toBe(false);
  });
});
