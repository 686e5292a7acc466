/**
 * Case 2: title rows above the table — the title merged across, "（2024年度）", and a 填报单位 line
 * (sometimes sharing its cell with the 填报日期) — read into info.title / year / unitName.
 */
import { detectForms } from "../../../src/engine/detect/detectForms";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";
import { loadLayout } from "./helpers/loadFixture";

const HEADER = ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"];
const DATA = ["履职效能", "重点工作", "重点任务完成率", 10, "100%", "100%", 10];

function infoOf(rowsAbove: unknown[][], merges: string[] = []) {
  const sheet = sheetFromRows("表", [...rowsAbove, HEADER, DATA] as never, merges);
  const forms = detectForms(workbookOf(sheet));
  expect(forms).toHaveLength(1);
  return forms[0].info;
}

describe("case 2: title rows (fixtures)", () => {
  it("department-messy-header.xlsx: title, （2024年度）, 填报单位 sharing its cell with the 填报日期", async () => {
    const [form] = detectForms(await loadLayout("department-messy-header"));
    // A1 "部门整体支出绩效自评表" (merged A1:H1), A2 "（2024年度）",
    // A3 "填报单位（盖章）：某市交通运输局<ideographic spaces>填报日期：2025年3月12日".
    expect(form.info.title).toBe("部门整体支出绩效自评表");
    expect(form.info.year).toBe(2024);
    expect(form.info.unitName).toBe("某市交通运输局");
    expect(form.info.projectName).toBeNull();
    // A19 "自评等级", B19 "优" below the 合计 row.
    expect(form.info.statedRating).toEqual({ cell: "B19", text: "优" });
  });

  it("project-subtotals.xlsx: the year inside the title, 项目名称：/主管部门： in one line", async () => {
    const [form] = detectForms(await loadLayout("project-subtotals"));
    expect(form.info.title).toBe("2024年度项目支出绩效自评表");
    expect(form.info.year).toBe(2024);
    expect(form.info.projectName).toBe("基层医务人员能力提升培训项目");
    expect(form.info.unitName).toBe("某县卫生健康局");
  });

  it("project-yunnan-split-target.xlsx: the national info block with 年度总体目标", async () => {
    const [form] = detectForms(await loadLayout("project-yunnan-split-target"));
    expect(form.info).toEqual({
      title: "项目支出绩效自评表",
      year: 2024,
      unitName: "某县农田建设服务中心", // 实施单位, not the 主管部门 某县农业农村局
      projectName: "2024年高标准农田建设项目",
      overallGoal: {
        expected: "建成高标准农田5000亩，配套建设机耕道路12公里，项目区粮食亩均增产50公斤以上。",
        actual: "建成高标准农田5200亩，新建机耕道路12.6公里，项目区粮食亩均增产52公斤。",
      },
      statedRating: null,
      // The opening lines' words, numbers left out: evidence for the kind of form.
      openingText: expect.stringMatching(
        /^项目支出绩效自评表\|\(2024年度\)\|项目名称\|.*\|项目资金\(万元\)\|年初预算数\|/
      ),
    });
    expect(form.info.openingText).not.toMatch(/\|1500\|/);
  });
});

describe("case 2: title rows (direct grids)", () => {
  it("does not read a title starting with 部门 as a 部门 label", () => {
    const info = infoOf([["部门整体支出绩效自评表"], ["部门名称：某区教育局"]], ["A1:G1"]);
    expect(info.title).toBe("部门整体支出绩效自评表");
    expect(info.unitName).toBe("某区教育局");
  });

  it("reads a label whose value sits in the next cell, with full-width brackets in the label", () => {
    const info = infoOf([
      ["2024年度部门整体支出绩效自评表"],
      ["部门（单位）名称", "某区民政局", undefined, undefined, "单位：万元"],
    ]);
    expect(info.unitName).toBe("某区民政局");
    expect(info.year).toBe(2024);
  });

  it("takes the year of the form, not of the 填报日期", () => {
    // Title without 年度 first, then the date line, then "（2024年度）".
    const info = infoOf([
      ["部门整体支出绩效自评表"],
      ["填报日期：2025年3月12日"],
      ["（2024年度）"],
    ]);
    expect(info.year).toBe(2024);
  });

  it("gives no year when only a date is stated", () => {
    const info = infoOf([
      ["部门整体支出绩效自评表"],
      ["填报单位：某区文化广电旅游体育局 填报日期：2025年3月12日"],
    ]);
    expect(info.year).toBeNull();
    // One space before the next label is enough to end the value.
    expect(info.unitName).toBe("某区文化广电旅游体育局");
  });

  it("leaves the unit unknown when its label is blank and the next cell is another label", () => {
    const info = infoOf([["项目支出绩效自评表"], ["填报单位：", "填报日期：2025年3月"]]);
    expect(info.unitName).toBeNull();
    expect(info.title).toBe("项目支出绩效自评表");
  });

  it("names the unit that evaluates itself (实施单位), not its 主管部门 stated before it", () => {
    const info = infoOf([
      ["项目支出绩效自评表"],
      ["主管部门", "某县财政局", undefined, "实施单位", "某镇人民政府"],
    ]);
    expect(info.unitName).toBe("某镇人民政府");
    const onTwoRows = infoOf([
      ["项目支出绩效自评表"],
      ["主管部门：某区教育局"],
      ["填报单位：某区第一中学"],
    ]);
    expect(onTwoRows.unitName).toBe("某区第一中学");
  });

  it("names the 主管部门 when the form states no other unit, or leaves that blank (天长)", () => {
    expect(infoOf([["项目支出绩效自评表"], ["主管部门", "某县水利局"]]).unitName).toBe(
      "某县水利局"
    );
    const blank = infoOf([
      ["项目支出绩效自评表"],
      ["主管部门", "某县水利局", undefined, "实施单位", null],
    ]);
    expect(blank.unitName).toBe("某县水利局");
  });

  it("drops （盖章） after the unit's name", () => {
    const info = infoOf([["项目支出绩效自评表"], ["实施单位：某县水务局（盖章）"]]);
    expect(info.unitName).toBe("某县水务局");
  });
});

describe("case 2: a department's free-text block above the table", () => {
  it("reads past 年度整体绩效目标 / 整体绩效目标完成情况 / 未能完成原因 to the header", () => {
    const sheet = sheetFromRows(
      "表",
      [
        ["2024年度部门整体支出绩效自评表"],
        ["部门名称：某区教育局"],
        ["年度整体绩效目标", "整体绩效目标完成情况", undefined, "未能完成原因"],
        ["全面完成年度重点任务", "完成年度目标", undefined, "无"],
        HEADER,
        DATA,
      ] as never,
      ["A1:G1", "B3:C3", "B4:C4", "D3:G3", "D4:G4"]
    );
    const [form] = detectForms(workbookOf(sheet));
    expect(form.table.headerTop).toBe(5);
    expect(form.table.indicators.map((i) => i.row)).toEqual([6]);
    expect(form.info).toMatchObject({
      title: "2024年度部门整体支出绩效自评表",
      year: 2024,
      unitName: "某区教育局",
    });
  });
});
