import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";
import { DEPARTMENT_HEADER } from "../../helpers/templateHeaders";

export const FORM_SHEET = "部门自评表";

/**
 * A small 部门整体支出绩效自评表, worked out by hand (财预〔2020〕10号):
 * - 门诊人次: 9000 of ≥10000 → 50 × 0.9 = 45 computed; points lost and no reason → warning H4
 * - 预算执行率: 96% meets ≥95% → 50; entered 60 > 分值 50 → error G5, the computed 50 is used
 * Total 95 of 100 → 优.
 */
export function departmentWorkbook() {
  return workbookOf(
    sheetFromRows(FORM_SHEET, [
      ["2024年度部门整体支出绩效自评表"],
      ["填报单位：某区卫生健康局"],
      DEPARTMENT_HEADER,
      ["履职效能", "服务", "门诊人次", 50, "≥10000人次", "9000人次", null, null],
      ["管理效能", "预算", "预算执行率", 50, "≥95%", "96%", 60, "按计划执行"],
    ])
  );
}

/** A workbook with no indicator table at all. */
export function workbookWithoutForm() {
  return workbookOf(sheetFromRows("Sheet1", [["会议纪要"], ["出席人员", "张三"]]));
}

/**
 * Two forms on two sheets: the one above (95 → 优) and a second one:
 * - 培训人次: 80 of ≥100 → 50 × 0.8 = 40 (a reason is given)
 * - 满意度: 85% of ≥90% → 50 × 85 / 90 = 47.22; no reason → warning H4
 * Total 87.22 → 良.
 */
export function twoFormWorkbook() {
  const second = sheetFromRows("二级单位", [
    ["2024年度部门整体支出绩效自评表"],
    DEPARTMENT_HEADER,
    ["产出指标", "数量指标", "培训人次", 50, "≥100人次", "80人次", null, "疫情影响"],
    ["效益指标", "满意度", "满意度", 50, "≥90%", "85%", null, null],
  ]);
  return workbookOf(departmentWorkbook().sheets[0], second);
}
