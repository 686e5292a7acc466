/**
 * Case 11: several forms in one workbook — one project per sheet (three sheets after a 填表说明),
 * and two forms stacked on one sheet (with and without a 总分 row between them).
 */
import { detectForms } from "../../../src/engine/detect/detectForms";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { indicatorRows, problemKeys, totalRows } from "./helpers/expectations";
import { loadLayout } from "./helpers/loadFixture";

describe("case 11: one project per sheet (multi-project-sheets.xlsx)", () => {
  it("finds one form on each project sheet with its own 项目资金 block and info", async () => {
    const forms = detectForms(await loadLayout("multi-project-sheets"));
    expect(
      forms.map((form) => [
        form.sheet,
        form.info.projectName,
        form.budget && form.budget.totalRow,
        form.budget && form.budget.partRows,
        form.table.headerTop,
        form.table.indicators.length,
        totalRows(form),
      ])
    ).toEqual([
      ["营养改善计划", "农村义务教育学生营养改善计划", 6, [7, 8, 9], 12, 6, [[19, ""]]],
      ["校舍维修改造", "中小学校舍维修改造工程", 6, [7, 8], 9, 6, [[16, ""]]],
      ["教师培训", "中小学教师能力提升培训", 6, [7], 10, 5, [[16, ""]]],
    ]);
  });

  it("scores each sheet on its own: 100 / 优, 89.67 / 良, 90.5 / 优", async () => {
    const result = scoreWorkbook(await loadLayout("multi-project-sheets"));
    // 营养改善计划: 预算 1180 / 1180 = 100% → 10; indicators 20 + 10 + 10 + 10 + 30 + 10 = 90; total 100.
    // 校舍维修改造: 预算 520 / 650 = 80% → 8;
    //   indicators 19 (11400 / 12000 × 20) + 15 + 10 (0.6 / 0.9 × 15) + 18 (0.9 / 1 × 20) + 10
    //   + 9.67 (0.87 / 0.9 × 10 = 9.666… → 9.67) = 81.67; total 89.67 → 良 (below 90).
    // 教师培训: 预算 285 / 300 = 95% → 9.5; indicators 20 + 15 + 15 + 21 (部分达成, 21/30 in 60–80%)
    //   + 10 = 81; total 90.5 → 优.
    expect(
      result.report.forms.map((form) => [
        form.sheet,
        form.total.score,
        form.rating,
        form.budget!.score,
      ])
    ).toEqual([
      ["营养改善计划", 100, "优", 10],
      ["校舍维修改造", 89.67, "良", 8],
      ["教师培训", 90.5, "优", 9.5],
    ]);
    expect(result.report.forms.map((form) => form.profile)).toEqual([
      "project",
      "project",
      "project",
    ]);
    expect(result.report.total).toBeNull(); // several forms: no single total
    expect(problemKeys(result)).toEqual([]);
  });
});

describe("case 11: two forms stacked on one sheet (stacked-forms.xlsx)", () => {
  it("sheet 1: splits at the first 总分 and gives each form its own title rows and 自评等级", async () => {
    const forms = detectForms(await loadLayout("stacked-forms")).filter(
      (form) => form.sheet === "2024年度项目自评"
    );
    expect(forms).toHaveLength(2);
    const [first, second] = forms;
    expect([first.budget!.headerRow, first.table.headerTop, first.table.lastRow]).toEqual([
      5, 9, 15,
    ]);
    expect(first.table.indicators.map((i) => i.row)).toEqual([10, 11, 12, 13, 14]);
    expect(first.info.projectName).toBe("城乡环境卫生保洁经费");
    // A16 "自评等级", B16 "优" under form 1's 总分.
    expect(first.info.statedRating).toEqual({ cell: "B16", text: "优" });

    expect([second.budget!.headerRow, second.table.headerTop, second.table.lastRow]).toEqual([
      22, 26, 32,
    ]);
    expect(indicatorRows(second)).toEqual([
      [27, "产出指标/数量指标", "改造公共厕所座数"],
      [28, "产出指标/质量指标", "改造验收合格率"],
      [29, "产出指标/成本指标", "单座改造成本"],
      [30, "效益指标/社会效益指标", "公厕服务水平"],
      [31, "满意度指标/服务对象满意度指标", "群众如厕满意度"],
    ]);
    expect(second.info.projectName).toBe("公共厕所提质改造");
    expect(second.info.unitName).toBe("某区市政设施维护中心");
    // Its own 自评等级 (B33 "良"), not form 1's B16.
    expect(second.info.statedRating).toEqual({ cell: "B33", text: "良" });
  });

  it("sheet 2: ends a form with no 总分 where the next form's title opens", async () => {
    const forms = detectForms(await loadLayout("stacked-forms")).filter(
      (form) => form.sheet === "补充项目"
    );
    expect(forms).toHaveLength(2);
    const [first, second] = forms;
    expect(indicatorRows(first)).toEqual([
      [9, "产出指标/数量指标", "开展宣传活动场次"],
      [10, "产出指标/质量指标", "宣传资料发放覆盖率"],
      [11, "效益指标/社会效益指标", "居民垃圾分类知晓率"],
      [12, "满意度指标/服务对象满意度指标", "居民满意度"],
    ]);
    expect(first.table.totalRows).toEqual([]);
    expect(first.table.lastRow).toBe(12);
    expect(second.info).toMatchObject({
      title: "项目支出绩效自评表",
      year: 2024,
      projectName: "餐厨垃圾收运处置",
      unitName: "某区环境卫生管理所",
    });
    expect(second.budget).toMatchObject({ headerRow: 18, totalRow: 19, partRows: [20] });
    expect(second.table.indicators.map((i) => i.row)).toEqual([22, 23, 24]);
    expect(totalRows(second)).toEqual([[25, ""]]);
  });

  it("scores the four forms and flags only form 2's stated 良", async () => {
    const result = scoreWorkbook(await loadLayout("stacked-forms"));
    // Sheet 1 form 1: 预算 490 / 500 = 98% → 9.8; 20 + 15 + 15 + 28 + 10 = 88; total 97.8 → 优.
    // Sheet 1 form 2: 预算 216 / 240 = 90% → 9; 22.5 (36 / 40 × 25) + 15 + 10 + 30 + 10 = 87.5;
    //   total 96.5 → 优, while B33 states 良.
    // Sheet 2 form 1: 预算 76 / 80 = 95% → 9.5; 25 + 25 + 30 + 10 = 90; total 99.5 → 优.
    // Sheet 2 form 2: 预算 150 / 150 = 100% → 10; 40 + 40 + 10 = 90; total 100 → 优.
    expect(
      result.report.forms.map((form) => [
        form.sheet,
        form.projectName,
        form.total.score,
        form.rating,
      ])
    ).toEqual([
      ["2024年度项目自评", "城乡环境卫生保洁经费", 97.8, "优"],
      ["2024年度项目自评", "公共厕所提质改造", 96.5, "优"],
      ["补充项目", "生活垃圾分类宣传", 99.5, "优"],
      ["补充项目", "餐厨垃圾收运处置", 100, "优"],
    ]);
    expect(result.report.forms.every((form) => form.total.complete)).toBe(true);
    expect(problemKeys(result)).toEqual(["B33 rating-mismatch"]);
    expect(result.problems[0].sheet).toBe("2024年度项目自评");
  });
});

describe("case 11: the report's problems name their form", () => {
  it("gives a problem of the second form on a sheet that form's index, not the first's", async () => {
    const result = scoreWorkbook(await loadLayout("stacked-forms"));
    const report = result.report;
    expect(report.problems.length).toBe(result.problems.length);
    for (const problem of report.problems)
      expect(report.forms[problem.form].sheet).toBe(problem.sheet);
    // B33 "良" is the 自评等级 of 公共厕所提质改造, the second form on the sheet (index 1).
    const rating = report.problems.find((problem) => problem.cell === "B33")!;
    expect(rating).toMatchObject({ form: 1, sheet: "2024年度项目自评", code: "rating-mismatch" });
    expect(report.forms[rating.form].projectName).toBe("公共厕所提质改造");
  });
});
