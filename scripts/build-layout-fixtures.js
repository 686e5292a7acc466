/**
 * Builds the layout fixtures under test/fixtures/layouts/: workbooks laid out the way finance
 * officers actually fill in 部门整体支出 / 项目支出绩效自评表 (messy headers, two-row headers, split
 * targets, fill-down categories, 小计 rows, 项目资金 blocks, trailing text, several forms…).
 *
 *   node scripts/build-layout-fixtures.js
 *
 * The expected results in test/engine/detect/*.test.ts are worked out by hand from the values
 * written here; change a value and you must redo the arithmetic in the test.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const OUT_DIR = path.join(__dirname, "..", "test", "fixtures", "layouts");
// Fixed, so that rebuilding gives the same workbook properties.
const FIXED_DATE = new Date(Date.UTC(2025, 2, 15, 8, 0, 0));

const THIN = { style: "thin" };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function newWorkbook() {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "财务股";
  workbook.lastModifiedBy = "财务股";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  return workbook;
}

/** Writes one row, column A first; `undefined` leaves a cell blank. */
function writeRow(sheet, row, values) {
  values.forEach((value, index) => {
    if (value === undefined) return;
    sheet.getCell(row, index + 1).value = value;
  });
}

function merge(sheet, top, left, bottom, right) {
  if (top === bottom && left === right) return;
  sheet.mergeCells(top, left, bottom, right);
}

/** Borders and wrapping over a block, the way the templates print. */
function frame(sheet, top, left, bottom, right) {
  for (let row = top; row <= bottom; row++) {
    for (let column = left; column <= right; column++) {
      const cell = sheet.getCell(row, column);
      cell.border = BORDER;
      cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    }
  }
}

function titleStyle(sheet, row) {
  const cell = sheet.getCell(row, 1);
  cell.font = { name: "方正小标宋简体", size: 16 };
  cell.alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(row).height = 30;
}

function bold(sheet, row, left, right) {
  for (let column = left; column <= right; column++) {
    sheet.getCell(row, column).font = { name: "黑体", size: 11, bold: true };
  }
}

function widths(sheet, list) {
  list.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
}

/** Merges runs of equal, non-blank values in a column (一级/二级 categories). */
function mergeRuns(sheet, column, firstRow, values) {
  let start = 0;
  for (let i = 1; i <= values.length; i++) {
    if (i === values.length || values[i] !== values[start] || values[start] == null) {
      if (values[start] != null && i - 1 > start)
        merge(sheet, firstRow + start, column, firstRow + i - 1, column);
      start = i;
    }
  }
}

const PCT = "0.00%";

/**
 * The national 附1 layout (columns A–I): title, （年度）, 项目名称, 主管部门/实施单位, the 项目资金
 * block, optionally the 年度总体目标 block, then 绩效指标 with 总分.
 *
 * spec.indicators: [一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因]; with
 * spec.mergeLevels the equal 一级/二级 cells of consecutive rows are merged, otherwise they are
 * written as given (null = blank).
 */
function writeNationalProject(sheet, top, spec) {
  let row = top;
  writeRow(sheet, row, [spec.title || "项目支出绩效自评表"]);
  merge(sheet, row, 1, row, 9);
  titleStyle(sheet, row);
  row++;
  writeRow(sheet, row, [spec.yearText]);
  merge(sheet, row, 1, row, 9);
  sheet.getCell(row, 1).alignment = { horizontal: "center" };
  row++;
  const infoTop = row;
  writeRow(sheet, row, ["项目名称", spec.projectName]);
  merge(sheet, row, 2, row, 9);
  row++;
  writeRow(sheet, row, [
    "主管部门",
    spec.department,
    undefined,
    undefined,
    "实施单位",
    spec.implementer,
  ]);
  merge(sheet, row, 2, row, 4);
  merge(sheet, row, 6, row, 9);
  frame(sheet, infoTop, 1, row, 9);
  row++;

  const budgetTop = row;
  writeRow(sheet, row, [
    "项目资金\n（万元）",
    undefined,
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分",
  ]);
  merge(sheet, row, 8, row, 9);
  bold(sheet, row, 1, 9);
  row++;
  for (const line of spec.budget) {
    writeRow(sheet, row, [undefined].concat(line));
    // A 执行率 formula shows as a percentage.
    if (line[5] !== null && typeof line[5] === "object") sheet.getCell(row, 7).numFmt = PCT;
    merge(sheet, row, 8, row, 9);
    row++;
  }
  merge(sheet, budgetTop, 1, row - 1, 1);
  frame(sheet, budgetTop, 1, row - 1, 9);

  if (spec.goal) {
    writeRow(sheet, row, ["年度总体目标", "预期目标", undefined, undefined, "实际完成情况"]);
    merge(sheet, row, 2, row, 4);
    merge(sheet, row, 5, row, 9);
    writeRow(sheet, row + 1, [undefined, spec.goal[0], undefined, undefined, spec.goal[1]]);
    merge(sheet, row + 1, 2, row + 1, 4);
    merge(sheet, row + 1, 5, row + 1, 9);
    merge(sheet, row, 1, row + 1, 1);
    frame(sheet, row, 1, row + 1, 9);
    sheet.getRow(row + 1).height = 60;
    row += 2;
  }

  const headerRow = row;
  writeRow(sheet, row, [
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ]);
  bold(sheet, row, 1, 9);
  row++;
  const first = row;
  for (const line of spec.indicators) {
    writeRow(sheet, row, [undefined].concat(line));
    row++;
  }
  const last = row - 1;
  if (spec.mergeLevels) {
    mergeRuns(
      sheet,
      2,
      first,
      spec.indicators.map((line) => line[0])
    );
    // 二级 merges only within its 一级.
    mergeRuns(
      sheet,
      3,
      first,
      spec.indicators.map((line) => (line[1] == null ? null : line[0] + "/" + line[1]))
    );
  }
  merge(sheet, headerRow, 1, last, 1);
  if (spec.total) {
    writeRow(
      sheet,
      row,
      ["总分", undefined, undefined, undefined, undefined, undefined].concat(spec.total)
    );
    merge(sheet, row, 1, row, 6);
    bold(sheet, row, 1, 9);
    row++;
  }
  frame(sheet, headerRow, 1, row - 1, 9);
  return row - 1;
}

function nationalWidths(sheet) {
  widths(sheet, [10, 12, 16, 24, 16, 16, 8, 8, 30]);
}

/** A 填表说明 sheet: numbered instructions, one per row, and a small 栏目 glossary. */
function writeInstructions(sheet, title, lines) {
  writeRow(sheet, 1, [title]);
  merge(sheet, 1, 1, 1, 4);
  titleStyle(sheet, 1);
  let row = 2;
  for (const line of lines) {
    writeRow(sheet, row, [line]);
    merge(sheet, row, 1, row, 4);
    sheet.getCell(row, 1).alignment = { wrapText: true, vertical: "top" };
    row++;
  }
  widths(sheet, [24, 40, 20, 20]);
  return row;
}

const INSTRUCTIONS = [
  "1．本表适用于项目支出绩效自评，请按照批复的年度绩效目标填写一级指标、二级指标和三级指标。",
  "2．“分值”按照财政部门下达的权重填写，预算执行率分值原则上为10分，产出指标50分、效益指标30分、满意度指标10分。",
  "3．“年度指标值”填写年初批复的绩效指标值；“实际完成值”填写截至12月31日的实际完成情况，定量指标须填写具体数值。",
  "4．定量指标完成指标值的记满分，未完成的按照完成比例记分；定性指标根据指标完成情况分为达成、部分达成并具有一定效果、未达成且效果较差三档。",
  "5．未完成年度指标值或者扣分的指标，须在“偏差原因分析及改进措施”栏说明原因及改进措施。",
  "6．自评结果分为优（90分（含）以上）、良（80分（含）-90分）、中（60分（含）-80分）、差（60分以下）。",
];

// ─────────────────────────────────────────────────────────────────────────────
// Case 1 + 2: header words with spaces, line breaks, full-width characters and rich text;
// title rows, （2024年度） and a 填报单位 line that also holds the 填报日期.
async function departmentMessyHeader() {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("部门整体支出绩效自评表");
  widths(sheet, [12, 18, 26, 9, 16, 16, 9, 30]);
  writeRow(sheet, 1, ["部门整体支出绩效自评表"]);
  merge(sheet, 1, 1, 1, 8);
  titleStyle(sheet, 1);
  writeRow(sheet, 2, ["（2024年度）"]);
  merge(sheet, 2, 1, 2, 8);
  writeRow(sheet, 3, ["填报单位（盖章）：某市交通运输局　　　　　　　　填报日期：2025年3月12日"]);
  merge(sheet, 3, 1, 3, 8);
  writeRow(sheet, 4, [
    {
      richText: [
        { text: "一级", font: { bold: true } },
        { text: "\n指标", font: { bold: true } },
      ],
    },
    "二级 指标",
    { richText: [{ text: "三级指标", font: { bold: true, color: { argb: "FF000000" } } }] },
    "分　值\n（分）",
    "年度\n指标值",
    { richText: [{ text: "实际" }, { text: "\r\n" }, { text: "完成值", font: { italic: true } }] },
    "自评\r\n得分",
    "偏差原因分析\n及改进措施",
  ]);
  bold(sheet, 4, 1, 8);
  sheet.getRow(4).height = 36;
  const rows = [
    ["履职效能", "交通基础设施建设", "农村公路新改建里程", 10, "≥120公里", "126.5公里", 10],
    [
      "履职效能",
      "交通基础设施建设",
      "公路养护工程完工率",
      10,
      "≥95%",
      "93%",
      9.79,
      "受汛期影响，2个养护标段延期至2025年1月完工",
    ],
    ["履职效能", "交通基础设施建设", "危桥改造座数", 8, "≥12座", "12座", 8],
    ["履职效能", "运输服务保障", "城乡公交线路通达率", 12, "100%", "100%", 12],
    ["履职效能", "运输服务保障", "重大道路运输安全事故起数", 5, "0起", "0起", 5],
    ["履职效能", "社会满意度", "群众出行满意度", 5, "≥90%", "91.2%", 5],
    ["管理效能", "预算编制", "预算编制准确性", 3, "准确", "准确", 3],
    [
      "管理效能",
      "预算执行",
      "预算执行率",
      4,
      "≥95%",
      "90.4%",
      3.81,
      "部分项目资金拨付进度滞后，已建立月度调度机制",
    ],
    ["管理效能", "信息公开", "预决算信息公开及时性", 4, "按规定时限公开", "按规定时限公开", 4],
    ["管理效能", "绩效管理", "绩效目标编报覆盖率", 15, "100%", "100%", 15],
    ["管理效能", "采购管理", "政府采购执行率", 10, "≥90%", "96.9%", 10],
    ["管理效能", "资产管理", "固定资产利用率", 10, "≥９５％", "９８.２％", 10],
    ["管理效能", "运行成本", "“三公”经费控制率", 4, "≤100%", "86.3%", 4],
  ];
  rows.forEach((line, i) => writeRow(sheet, 5 + i, line));
  mergeRuns(
    sheet,
    1,
    5,
    rows.map((line) => line[0])
  );
  mergeRuns(
    sheet,
    2,
    5,
    rows.map((line) => line[0] + "/" + line[1])
  );
  writeRow(sheet, 18, [
    "合  计",
    undefined,
    undefined,
    { formula: "SUM(D5:D17)", result: 100 },
    undefined,
    undefined,
    { formula: "SUM(G5:G17)", result: 99.6 },
  ]);
  merge(sheet, 18, 1, 18, 3);
  frame(sheet, 4, 1, 18, 8);
  writeRow(sheet, 19, ["自评等级", "优"]);
  return workbook;
}

// ─────────────────────────────────────────────────────────────────────────────
// Case 3 + 4 (+ 7, national block): a 云南-style two-row header — "绩效指标" merged over
// 一级/二级/三级, "年度指标值" merged over 指标性质 | 指标值 | 度量单位, and 实际完成值/分值/得分/
// 偏差原因 merged down both rows — with a 序号 column. Every target is met, yet two rows lost
// points without a reason.
async function projectYunnanSplitTarget() {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("项目支出绩效自评表");
  widths(sheet, [6, 12, 16, 24, 8, 10, 9, 12, 8, 8, 28]);
  writeRow(sheet, 1, ["项目支出绩效自评表"]);
  merge(sheet, 1, 1, 1, 11);
  titleStyle(sheet, 1);
  writeRow(sheet, 2, ["（2024年度）"]);
  merge(sheet, 2, 1, 2, 11);
  writeRow(sheet, 3, ["项目名称", "2024年高标准农田建设项目"]);
  merge(sheet, 3, 2, 3, 11);
  writeRow(sheet, 4, [
    "主管部门",
    "某县农业农村局",
    undefined,
    undefined,
    undefined,
    "实施单位",
    "某县农田建设服务中心",
  ]);
  merge(sheet, 4, 2, 4, 5);
  merge(sheet, 4, 7, 4, 11);
  writeRow(sheet, 5, [
    "项目资金（万元）",
    undefined,
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分",
  ]);
  writeRow(sheet, 6, [
    undefined,
    "年度资金总额",
    1500,
    1480,
    1406,
    10,
    { formula: "E6/D6", result: 0.95 },
    9.5,
  ]);
  writeRow(sheet, 7, [
    undefined,
    "其中：当年财政拨款",
    1200,
    1180,
    1120,
    "—",
    { formula: "E7/D7", result: 1120 / 1180 },
    "—",
  ]);
  writeRow(sheet, 8, [
    undefined,
    "其他资金",
    300,
    300,
    286,
    "—",
    { formula: "E8/D8", result: 286 / 300 },
    "—",
  ]);
  for (let row = 6; row <= 8; row++) sheet.getCell(row, 7).numFmt = PCT;
  merge(sheet, 5, 1, 8, 1);
  for (let row = 5; row <= 8; row++) merge(sheet, row, 8, row, 11);
  writeRow(sheet, 9, [
    "年度总体目标",
    "预期目标",
    undefined,
    undefined,
    undefined,
    undefined,
    "实际完成情况",
  ]);
  writeRow(sheet, 10, [
    undefined,
    "建成高标准农田5000亩，配套建设机耕道路12公里，项目区粮食亩均增产50公斤以上。",
    undefined,
    undefined,
    undefined,
    undefined,
    "建成高标准农田5200亩，新建机耕道路12.6公里，项目区粮食亩均增产52公斤。",
  ]);
  merge(sheet, 9, 1, 10, 1);
  merge(sheet, 9, 2, 9, 6);
  merge(sheet, 9, 7, 9, 11);
  merge(sheet, 10, 2, 10, 6);
  merge(sheet, 10, 7, 10, 11);
  frame(sheet, 3, 1, 10, 11);

  writeRow(sheet, 11, [
    "序号",
    "绩效指标",
    undefined,
    undefined,
    "年度指标值",
    undefined,
    undefined,
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ]);
  writeRow(sheet, 12, [
    undefined,
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "指标值",
    "度量单位",
  ]);
  merge(sheet, 11, 1, 12, 1);
  merge(sheet, 11, 2, 11, 4);
  merge(sheet, 11, 5, 11, 7);
  for (const column of [8, 9, 10, 11]) merge(sheet, 11, column, 12, column);
  bold(sheet, 11, 1, 11);
  bold(sheet, 12, 1, 11);
  const rows = [
    [1, "产出指标", "数量指标", "完成高标准农田建设面积", "≥", 5000, "亩", 5200, 15, 15],
    [2, "产出指标", "数量指标", "新建机耕道路长度", "≥", 12, "公里", 12.6, 10, 10],
    [3, "产出指标", "质量指标", "工程验收合格率", "＝", 100, "%", "100%", 10, 9],
    [4, "产出指标", "时效指标", "项目按期完工率", "≥", 95, "%", 100, 5, 5],
    [5, "产出指标", "成本指标", "亩均建设成本", "≤", 3000, "元", 2950, 10, 10],
    [6, "效益指标", "经济效益指标", "项目区粮食亩均增产", "≥", 50, "公斤", 52, 10, 10],
    [7, "效益指标", "社会效益指标", "受益农户数", "≥", 1200, "户", 1236, 10, 8],
    [8, "效益指标", "可持续影响指标", "工程设施设计使用年限", "≥", 15, "年", 15, 10, 10],
    [9, "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥", 90, "%", 95.6, 10, 10],
  ];
  rows.forEach((line, i) => writeRow(sheet, 13 + i, line));
  mergeRuns(
    sheet,
    2,
    13,
    rows.map((line) => line[1])
  );
  mergeRuns(
    sheet,
    3,
    13,
    rows.map((line) => line[1] + "/" + line[2])
  );
  writeRow(sheet, 22, [
    "总分",
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    { formula: "SUM(I13:I21)+F6", result: 100 },
    { formula: "SUM(J13:J21)+H6", result: 96.5 },
  ]);
  merge(sheet, 22, 1, 22, 8);
  frame(sheet, 11, 1, 22, 11);
  return workbook;
}

// ─────────────────────────────────────────────────────────────────────────────
// Case 5: categories written only on the first row of their block, blank below (no merges);
// 效益指标 starts with a blank 二级 (it must not inherit 产出指标's 成本指标).
async function projectFillDown() {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("项目支出绩效自评表");
  nationalWidths(sheet);
  writeNationalProject(sheet, 1, {
    yearText: "（2024年度）",
    projectName: "城区老旧小区改造项目",
    department: "某市住房和城乡建设局",
    implementer: "某市城市更新服务中心",
    budget: [
      ["年度资金总额", 2000, 1850, 1702, 10, { formula: "E6/D6", result: 0.92 }, 9.2],
      ["其中：当年财政拨款", 1800, 1650, 1520, "—", { formula: "E7/D7", result: 1520 / 1650 }, "—"],
      ["上年结转资金", 200, 200, 182, "—", { formula: "E8/D8", result: 0.91 }, "—"],
      ["其他资金", 0, 0, 0, "—", undefined, "—"],
    ],
    goal: [
      "完成25个老旧小区改造，惠及居民6000户以上，消除各类安全隐患300处以上。",
      "完成25个小区改造，惠及居民6240户，消除安全隐患312处；2个小区因居民意见未统一推迟开工。",
    ],
    indicators: [
      ["产出指标", "数量指标", "改造老旧小区个数", "≥25个", "25个", 15, 15],
      [null, null, "改造惠及居民户数", "≥6000户", "6240户", 10, 10],
      [null, "质量指标", "工程竣工验收合格率", "100%", "100%", 10, 10],
      [
        null,
        "时效指标",
        "年度开工率",
        "≥95%",
        "88%",
        5,
        4.63,
        "2个小区因居民意见未统一推迟开工，已完成入户协调",
      ],
      [null, "成本指标", "户均改造成本", "≤3万元", "2.8万元", 10, 10],
      [
        "效益指标",
        null,
        "小区居住环境改善",
        "明显改善",
        "达成年度指标",
        10,
        9,
        "个别小区绿化提升未完成，计划2025年二季度补种",
      ],
      [null, "社会效益指标", "消除安全隐患处数", "≥300处", "312处", 10, 10],
      [null, "可持续影响指标", "长效管理机制建立", "建立", "已建立", 10, 10],
      ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "93.5%", 10, 10],
    ],
    total: [100, { formula: "SUM(H13:H21)+H6", result: 97.83 }],
  });
  return workbook;
}

// ─────────────────────────────────────────────────────────────────────────────
// Case 6: "产出指标小计" (merged across 一级–三级), a bare "小计" in the 三级 column, a "小计"
// merged over 二级–三级, and a "合计" merged across the label columns.
async function projectSubtotals() {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("项目绩效自评表");
  widths(sheet, [12, 18, 24, 14, 14, 8, 8, 30]);
  writeRow(sheet, 1, ["2024年度项目支出绩效自评表"]);
  merge(sheet, 1, 1, 1, 8);
  titleStyle(sheet, 1);
  writeRow(sheet, 2, [
    "项目名称：基层医务人员能力提升培训项目",
    undefined,
    undefined,
    undefined,
    "主管部门：某县卫生健康局",
  ]);
  merge(sheet, 2, 1, 2, 4);
  merge(sheet, 2, 5, 2, 8);
  writeRow(sheet, 3, [
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ]);
  bold(sheet, 3, 1, 8);
  writeRow(sheet, 4, [
    "产出指标",
    "数量指标",
    "培训基层医务人员人次",
    "≥800人次",
    "856人次",
    15,
    15,
  ]);
  writeRow(sheet, 5, [
    undefined,
    undefined,
    "开展义诊活动场次",
    "≥24场",
    "20场",
    10,
    8.33,
    "受汛期影响，4场义诊活动顺延至2025年一季度",
  ]);
  writeRow(sheet, 6, [undefined, "质量指标", "培训考核合格率", "≥90%", "96%", 10, 10]);
  writeRow(sheet, 7, [undefined, "时效指标", "培训任务完成及时率", "100%", "100%", 5, 5]);
  writeRow(sheet, 8, [undefined, "成本指标", "人均培训成本", "≤1500元", "1420元", 10, 10]);
  merge(sheet, 4, 1, 8, 1);
  merge(sheet, 4, 2, 5, 2);
  writeRow(sheet, 9, ["产出指标小计", undefined, undefined, undefined, undefined, 50, 48.33]);
  merge(sheet, 9, 1, 9, 3);
  writeRow(sheet, 10, ["效益指标", "社会效益指标", "基层诊疗人次增长率", "≥5%", "6.2%", 20, 20]);
  writeRow(sheet, 11, [
    undefined,
    undefined,
    "群众健康知识知晓率",
    "≥85%",
    "82%",
    10,
    9.65,
    "偏远村组健康宣传覆盖不足，将增加入户宣讲频次",
  ]);
  writeRow(sheet, 12, [
    undefined,
    "可持续影响指标",
    "基层医疗服务能力",
    "持续提升",
    "达成年度指标",
    10,
    9,
    "部分村卫生室设备更新滞后",
  ]);
  writeRow(sheet, 13, [undefined, undefined, "小计", undefined, undefined, 40, 38.65]);
  merge(sheet, 10, 1, 13, 1);
  merge(sheet, 10, 2, 11, 2);
  writeRow(sheet, 14, [
    "满意度指标",
    "服务对象满意度指标",
    "参训人员满意度",
    "≥90%",
    "94%",
    10,
    10,
  ]);
  writeRow(sheet, 15, [undefined, "小计", undefined, undefined, undefined, 10, 10]);
  merge(sheet, 14, 1, 15, 1);
  merge(sheet, 15, 2, 15, 3);
  writeRow(sheet, 16, [
    "合计",
    undefined,
    undefined,
    undefined,
    undefined,
    { formula: "F9+F13+F15", result: 100 },
    { formula: "G9+G13+G15", result: 96.98 },
  ]);
  merge(sheet, 16, 1, 16, 5);
  frame(sheet, 3, 1, 16, 8);
  writeRow(sheet, 17, ["注：得分保留两位小数。"]);
  merge(sheet, 17, 1, 17, 8);
  return workbook;
}

// ─────────────────────────────────────────────────────────────────────────────
// Case 7 (安徽, 2022): the 年度资金总额 row left at 0 while its 其中 row holds 90 / 89.974 /
// 89.974; the officer typed the 得分 by hand and the 执行率 formula shows #DIV/0!.
async function projectAnhuiBudget() {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("自评表");
  nationalWidths(sheet);
  writeNationalProject(sheet, 1, {
    yearText: "（2022年度）",
    projectName: "某镇农村人居环境整治提升项目",
    department: "某县某镇人民政府",
    implementer: "某镇农业综合服务中心",
    budget: [
      ["年度资金总额", 0, 0, 0, 10, { formula: "E6/D6", result: { error: "#DIV/0!" } }, 10],
      ["其中：当年财政拨款", 90, 89.974, 89.974, "—", { formula: "E7/D7", result: 1 }, "—"],
      ["上年结转资金", undefined, undefined, undefined, "—", undefined, "—"],
      ["其他资金", undefined, undefined, undefined, "—", undefined, "—"],
    ],
    goal: [
      "完成150户农村户厕改造，整治村庄生活污水乱排乱放，改善农村人居环境。",
      "完成152户农村户厕改造，村庄环境明显改善。",
    ],
    mergeLevels: true,
    indicators: [
      ["产出指标", "数量指标", "改造农村户厕数", "≥150户", "152户", 20, 20],
      [
        "产出指标",
        "质量指标",
        "户厕改造验收合格率",
        "≥95%",
        "94%",
        10,
        9.89,
        "部分农户自行改造标准不一，已督促整改到位",
      ],
      ["产出指标", "时效指标", "项目完成时间", "在项目计划完成时间内完成", "按期完成", 10, 10],
      ["产出指标", "成本指标", "户均改造补助标准", "≤0.6万元", "0.59万元", 10, 10],
      ["效益指标", "社会效益指标", "农村人居环境改善", "效果明显", "效果明显", 15, 15],
      ["效益指标", "生态效益指标", "生活污水乱排乱放现象", "明显减少", "明显减少", 15, 15],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "96%", 10, 10],
    ],
    total: [100, 99.89],
  });
  return workbook;
}

// ─────────────────────────────────────────────────────────────────────────────
// Case 7 (short block) + 8: 预算数 | 执行数 | 执行率 | 权重 | 得分 above an indicator table
// headed 指标名称 / 年度目标值 / 权重 / 自评得分 / 未完成原因分析.
async function projectShortBudgetWeights() {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("绩效自评表");
  widths(sheet, [18, 18, 24, 14, 14, 8, 10, 30]);
  writeRow(sheet, 1, ["项目支出绩效自评表"]);
  merge(sheet, 1, 1, 1, 8);
  titleStyle(sheet, 1);
  writeRow(sheet, 2, ["（2024年度）"]);
  merge(sheet, 2, 1, 2, 8);
  writeRow(sheet, 3, [
    "项目名称",
    "社区居家养老服务补助",
    undefined,
    undefined,
    "主管部门",
    "某区民政局",
  ]);
  merge(sheet, 3, 2, 3, 4);
  merge(sheet, 3, 6, 3, 8);
  writeRow(sheet, 4, [
    "实施单位",
    "某区养老服务指导中心",
    undefined,
    undefined,
    "项目负责人",
    "张建华",
  ]);
  merge(sheet, 4, 2, 4, 4);
  merge(sheet, 4, 6, 4, 8);
  writeRow(sheet, 5, ["项目资金情况（万元）", "预算数", "执行数", "执行率", "权重", "得分"]);
  writeRow(sheet, 6, ["资金总额", 500, 460, { formula: "C6/B6", result: 0.92 }, 10, 9.2]);
  writeRow(sheet, 7, ["其中：财政资金", 500, 460, { formula: "C7/B7", result: 0.92 }]);
  writeRow(sheet, 8, ["其他资金", 0, 0]);
  sheet.getCell(6, 4).numFmt = PCT;
  sheet.getCell(7, 4).numFmt = PCT;
  for (let row = 5; row <= 8; row++) merge(sheet, row, 6, row, 8);
  frame(sheet, 3, 1, 8, 8);
  writeRow(sheet, 10, [
    "一级指标",
    "二级指标",
    "指标名称",
    "年度目标值",
    "实际完成值",
    "权重",
    "自评得分",
    "未完成原因分析",
  ]);
  bold(sheet, 10, 1, 8);
  const rows = [
    ["产出指标", "数量指标", "服务老年人数", "≥1,200人", "1,236人", 15, 15],
    [
      "产出指标",
      "数量指标",
      "新建社区养老服务站点",
      "8个",
      "7个",
      10,
      8.75,
      "1个站点因选址调整，已于2025年1月开工",
    ],
    ["产出指标", "质量指标", "服务质量抽查合格率", "≥95%", "97.5%", 10, 10],
    ["产出指标", "时效指标", "补助资金发放及时率", "100%", "100%", 5, 5],
    ["产出指标", "成本指标", "人均服务补助标准", "≤2000元", "1980元", 10, 10],
    [
      "效益指标",
      "社会效益指标",
      "老年人生活质量",
      "有效提升",
      "达成预期指标",
      15,
      13,
      "部分站点服务项目较单一",
    ],
    [
      "效益指标",
      "可持续影响指标",
      "养老服务长效机制",
      "逐步健全",
      "部分达成",
      15,
      10,
      "运营补贴政策尚未出台",
    ],
    ["满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%", "92%", 10, 10],
  ];
  rows.forEach((line, i) => writeRow(sheet, 11 + i, line));
  mergeRuns(
    sheet,
    1,
    11,
    rows.map((line) => line[0])
  );
  mergeRuns(
    sheet,
    2,
    11,
    rows.map((line) => line[0] + "/" + line[1])
  );
  writeRow(sheet, 19, ["合计", undefined, undefined, undefined, undefined, 100, 90.95]);
  merge(sheet, 19, 1, 19, 5);
  frame(sheet, 10, 1, 19, 8);
  return workbook;
}

// ─────────────────────────────────────────────────────────────────────────────
// Case 9: no 总分 row; numbered text rows (问题, 改进措施, 自评结论) merged across, then the
// signature line whose 财务负责人 sits in the 三级 column and 填表人 in the 分值 column.
async function projectTrailingText() {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("项目自评表");
  widths(sheet, [6, 12, 16, 24, 14, 14, 8, 8, 30]);
  writeRow(sheet, 1, ["项目支出绩效自评表"]);
  merge(sheet, 1, 1, 1, 9);
  titleStyle(sheet, 1);
  writeRow(sheet, 2, ["（2024年度）"]);
  merge(sheet, 2, 1, 2, 9);
  writeRow(sheet, 3, [
    "项目名称：乡村振兴衔接资金产业发展项目",
    undefined,
    undefined,
    undefined,
    undefined,
    "实施单位：某县乡村振兴局",
  ]);
  merge(sheet, 3, 1, 3, 5);
  merge(sheet, 3, 6, 3, 9);
  writeRow(sheet, 4, [
    "序号",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ]);
  bold(sheet, 4, 1, 9);
  const rows = [
    [1, "产出指标", "数量指标", "扶持特色产业基地个数", "≥6个", "6个", 20, 20],
    [2, "产出指标", "质量指标", "产业基地验收合格率", "100%", "100%", 15, 15],
    [3, "产出指标", "时效指标", "资金拨付及时率", "≥95%", "97%", 10, 10],
    [4, "产出指标", "成本指标", "单个基地补助标准", "≤50万元", "48万元", 15, 15],
    [
      5,
      "效益指标",
      "经济效益指标",
      "带动脱贫户户均增收",
      "≥2000元",
      "1800元",
      15,
      13.5,
      "受市场价格波动影响，部分农产品销售价格下降",
    ],
    [6, "效益指标", "社会效益指标", "带动脱贫人口就业人数", "≥300人", "326人", 15, 15],
    [7, "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "95%", 10, 10],
  ];
  rows.forEach((line, i) => writeRow(sheet, 5 + i, line));
  mergeRuns(
    sheet,
    2,
    5,
    rows.map((line) => line[1])
  );
  frame(sheet, 4, 1, 11, 9);
  writeRow(sheet, 12, [
    "一、存在的主要问题及原因分析：一是部分产业基地管理较为粗放，技术服务跟进不及时；二是产品销售渠道单一，抗市场风险能力较弱。",
  ]);
  merge(sheet, 12, 1, 12, 9);
  writeRow(sheet, 13, [
    "二、下一步改进措施：一是加强技术指导和跟踪服务；二是拓宽线上线下销售渠道，提升产品附加值。",
  ]);
  merge(sheet, 13, 1, 13, 9);
  writeRow(sheet, 14, ["三、自评结论：项目总体完成年度绩效目标，自评得分98.5分，评价等级为优。"]);
  merge(sheet, 14, 1, 14, 9);
  for (let row = 12; row <= 14; row++) {
    sheet.getCell(row, 1).alignment = { wrapText: true, vertical: "top", horizontal: "left" };
    sheet.getRow(row).height = 45;
  }
  writeRow(sheet, 15, [
    "单位负责人（签字）：",
    undefined,
    undefined,
    "财务负责人（签字）：",
    undefined,
    undefined,
    "填表人：王丽　联系电话：0874-3125678",
  ]);
  merge(sheet, 15, 1, 15, 3);
  merge(sheet, 15, 4, 15, 6);
  merge(sheet, 15, 7, 15, 9);
  return workbook;
}

// ─────────────────────────────────────────────────────────────────────────────
// Case 10: a workbook of instructions only.
async function instructionsOnly() {
  const workbook = newWorkbook();
  const instructions = workbook.addWorksheet("填表说明");
  let row = writeInstructions(instructions, "项目支出绩效自评表填表说明", INSTRUCTIONS);
  row++;
  writeRow(instructions, row, ["栏目", "填写要求"]);
  writeRow(instructions, row + 1, ["一级指标", "产出指标、效益指标、满意度指标"]);
  writeRow(instructions, row + 2, ["分值", "按批复的权重填写"]);
  writeRow(instructions, row + 3, ["得分", "按评分规则计算，保留两位小数"]);
  writeRow(instructions, row + 4, ["偏差原因分析及改进措施", "未完成指标值或扣分的须填写"]);
  frame(instructions, row, 1, row + 4, 2);

  const rules = workbook.addWorksheet("评分标准");
  writeInstructions(rules, "绩效自评评分标准", [
    "预算执行率得分＝执行率×分值，最高不超过分值。",
    "定量指标：正向指标得分＝实际完成值÷年度指标值×分值；反向指标得分＝年度指标值÷实际完成值×分值。",
    "定性指标：达成年度指标的，得分为分值的80%-100%；部分达成并具有一定效果的，得分为分值的60%-80%；未达成且效果较差的，得分为分值的0-60%。",
  ]);
  writeRow(rules, 6, ["等级", "分数区间"]);
  writeRow(rules, 7, ["优", "90分（含）-100分"]);
  writeRow(rules, 8, ["良", "80分（含）-90分"]);
  writeRow(rules, 9, ["中", "60分（含）-80分"]);
  writeRow(rules, 10, ["差", "60分以下"]);
  frame(rules, 6, 1, 10, 2);
  return workbook;
}

// ─────────────────────────────────────────────────────────────────────────────
// Case 11: one project per sheet (three sheets), after a 填表说明 sheet.
async function multiProjectSheets() {
  const workbook = newWorkbook();
  writeInstructions(workbook.addWorksheet("填表说明"), "项目支出绩效自评表填表说明", INSTRUCTIONS);

  const nutrition = workbook.addWorksheet("营养改善计划");
  nationalWidths(nutrition);
  writeNationalProject(nutrition, 1, {
    yearText: "（2024年度）",
    projectName: "农村义务教育学生营养改善计划",
    department: "某县教育体育局",
    implementer: "某县学生资助管理中心",
    budget: [
      ["年度资金总额", 1200, 1180, 1180, 10, { formula: "E6/D6", result: 1 }, 10],
      ["其中：当年财政拨款", 1200, 1180, 1180, "—", { formula: "E7/D7", result: 1 }, "—"],
      ["上年结转资金", 0, 0, 0, "—", undefined, "—"],
      ["其他资金", 0, 0, 0, "—", undefined, "—"],
    ],
    goal: [
      "为全县农村义务教育阶段学生提供营养膳食补助，改善学生营养健康状况。",
      "全年惠及学生15320人，补助资金按月足额拨付，未发生食品安全事故。",
    ],
    mergeLevels: true,
    indicators: [
      ["产出指标", "数量指标", "受益学生人数", "≥15000人", "15320人", 20, 20],
      ["产出指标", "质量指标", "供餐食品安全事故发生数", "0起", "0起", 10, 10],
      ["产出指标", "时效指标", "补助资金按月拨付率", "100%", "100%", 10, 10],
      ["产出指标", "成本指标", "生均每天补助标准", "≤5元", "5元", 10, 10],
      ["效益指标", "社会效益指标", "学生营养健康状况", "持续改善", "达成年度指标", 30, 30],
      ["满意度指标", "服务对象满意度指标", "学生及家长满意度", "≥95%", "97.8%", 10, 10],
    ],
    total: [100, 100],
  });

  const schools = workbook.addWorksheet("校舍维修改造");
  nationalWidths(schools);
  writeNationalProject(schools, 1, {
    yearText: "（2024年度）",
    projectName: "中小学校舍维修改造工程",
    department: "某县教育体育局",
    implementer: "某县教育基建服务站",
    budget: [
      ["年度资金总额", 600, 650, 520, 10, { formula: "E6/D6", result: 0.8 }, 8],
      ["其中：当年财政拨款", 600, 650, 520, "—", { formula: "E7/D7", result: 0.8 }, "—"],
      ["其他资金", 0, 0, 0, "—", undefined, "—"],
    ],
    goal: null,
    mergeLevels: true,
    indicators: [
      [
        "产出指标",
        "数量指标",
        "维修改造校舍面积",
        "≥12000平方米",
        "11400平方米",
        20,
        19,
        "1所学校因地质勘查延期，约600平方米顺延至2025年实施",
      ],
      ["产出指标", "质量指标", "工程质量验收合格率", "100%", "100%", 15, 15],
      [
        "产出指标",
        "时效指标",
        "开学前完工率",
        "≥90%",
        "60%",
        15,
        10,
        "3所学校施工受雨季影响未能在开学前完工",
      ],
      [
        "效益指标",
        "社会效益指标",
        "校舍安全隐患消除率",
        "100%",
        "90%",
        20,
        18,
        "2处D级危房拆除重建尚在施工",
      ],
      ["效益指标", "可持续影响指标", "校舍使用年限", "≥20年", "20年", 10, 10],
      [
        "满意度指标",
        "服务对象满意度指标",
        "师生满意度",
        "≥90%",
        "87%",
        10,
        9.67,
        "施工期间噪声对教学有一定影响",
      ],
    ],
    total: [100, 89.67],
  });

  const training = workbook.addWorksheet("教师培训");
  nationalWidths(training);
  writeNationalProject(training, 1, {
    yearText: "（2024年度）",
    projectName: "中小学教师能力提升培训",
    department: "某县教育体育局",
    implementer: "某县教师发展中心",
    budget: [
      ["年度资金总额", 300, 300, 285, 10, { formula: "E6/D6", result: 0.95 }, 9.5],
      ["其中：当年财政拨款", 300, 300, 285, "—", { formula: "E7/D7", result: 0.95 }, "—"],
    ],
    goal: ["全年培训教师2000人次以上，提升教师教育教学能力。", "培训教师2150人次，考核合格率98%。"],
    mergeLevels: true,
    indicators: [
      ["产出指标", "数量指标", "培训教师人次", "≥2000人次", "2150人次", 20, 20],
      ["产出指标", "质量指标", "培训考核合格率", "≥95%", "98%", 15, 15],
      ["产出指标", "成本指标", "人均培训成本", "≤1500元", "1326元", 15, 15],
      [
        "效益指标",
        "社会效益指标",
        "教师教学能力提升",
        "明显提升",
        "部分达成",
        30,
        21,
        "乡村教师参训后跟踪指导不足",
      ],
      ["满意度指标", "服务对象满意度指标", "参训教师满意度", "≥90%", "96%", 10, 10],
    ],
    total: [100, 90.5],
  });
  return workbook;
}

// ─────────────────────────────────────────────────────────────────────────────
// Case 11: two forms stacked on one sheet. Sheet 1: each ends with 总分; form 1 states 自评等级
// 优 below its table, form 2 states 良 (its total says 优). Sheet 2: the first form has no 总分.
async function stackedForms() {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("2024年度项目自评");
  nationalWidths(sheet);
  const end1 = writeNationalProject(sheet, 1, {
    yearText: "（2024年度）",
    projectName: "城乡环境卫生保洁经费",
    department: "某区城市管理局",
    implementer: "某区环境卫生管理所",
    budget: [
      ["年度资金总额", 500, 500, 490, 10, { formula: "E6/D6", result: 0.98 }, 9.8],
      ["其中：当年财政拨款", 500, 500, 490, "—", { formula: "E7/D7", result: 0.98 }, "—"],
      ["其他资金", 0, 0, 0, "—", undefined, "—"],
    ],
    goal: null,
    mergeLevels: true,
    indicators: [
      ["产出指标", "数量指标", "道路清扫保洁面积", "≥350万平方米", "356万平方米", 20, 20],
      ["产出指标", "质量指标", "道路保洁达标率", "≥95%", "96%", 15, 15],
      ["产出指标", "时效指标", "垃圾日产日清率", "100%", "100%", 15, 15],
      [
        "效益指标",
        "社会效益指标",
        "城市环境卫生状况",
        "明显改善",
        "达成年度指标",
        30,
        28,
        "背街小巷保洁频次仍需提高",
      ],
      ["满意度指标", "服务对象满意度指标", "市民满意度", "≥85%", "88%", 10, 10],
    ],
    total: [100, 97.8],
  });
  writeRow(sheet, end1 + 1, ["自评等级", "优"]);
  const end2 = writeNationalProject(sheet, end1 + 3, {
    yearText: "（2024年度）",
    projectName: "公共厕所提质改造",
    department: "某区城市管理局",
    implementer: "某区市政设施维护中心",
    budget: [
      ["年度资金总额", 260, 240, 216, 10, { formula: "E23/D23", result: 0.9 }, 9],
      ["其中：当年财政拨款", 260, 240, 216, "—", { formula: "E24/D24", result: 0.9 }, "—"],
      ["其他资金", 0, 0, 0, "—", undefined, "—"],
    ],
    goal: null,
    mergeLevels: true,
    indicators: [
      [
        "产出指标",
        "数量指标",
        "改造公共厕所座数",
        "≥40座",
        "36座",
        25,
        22.5,
        "4座公厕因用地手续未办结顺延至2025年",
      ],
      ["产出指标", "质量指标", "改造验收合格率", "100%", "100%", 15, 15],
      ["产出指标", "成本指标", "单座改造成本", "≤6万元", "5.8万元", 10, 10],
      ["效益指标", "社会效益指标", "公厕服务水平", "有效提升", "达成年度指标", 30, 30],
      ["满意度指标", "服务对象满意度指标", "群众如厕满意度", "≥90%", "92%", 10, 10],
    ],
    total: [100, 96.5],
  });
  writeRow(sheet, end2 + 1, ["自评等级", "良"]);

  const second = workbook.addWorksheet("补充项目");
  nationalWidths(second);
  const endA = writeNationalProject(second, 1, {
    yearText: "（2024年度）",
    projectName: "生活垃圾分类宣传",
    department: "某区城市管理局",
    implementer: "某区垃圾分类工作指导中心",
    budget: [
      ["年度资金总额", 80, 80, 76, 10, { formula: "E6/D6", result: 0.95 }, 9.5],
      ["其中：当年财政拨款", 80, 80, 76, "—", { formula: "E7/D7", result: 0.95 }, "—"],
    ],
    goal: null,
    mergeLevels: true,
    indicators: [
      ["产出指标", "数量指标", "开展宣传活动场次", "≥60场", "64场", 25, 25],
      ["产出指标", "质量指标", "宣传资料发放覆盖率", "≥90%", "93%", 25, 25],
      ["效益指标", "社会效益指标", "居民垃圾分类知晓率", "≥80%", "85%", 30, 30],
      ["满意度指标", "服务对象满意度指标", "居民满意度", "≥85%", "90%", 10, 10],
    ],
    total: null,
  });
  writeNationalProject(second, endA + 2, {
    yearText: "（2024年度）",
    projectName: "餐厨垃圾收运处置",
    department: "某区城市管理局",
    implementer: "某区环境卫生管理所",
    budget: [
      ["年度资金总额", 150, 150, 150, 10, { formula: "E19/D19", result: 1 }, 10],
      ["其中：当年财政拨款", 150, 150, 150, "—", { formula: "E20/D20", result: 1 }, "—"],
    ],
    goal: null,
    mergeLevels: true,
    indicators: [
      ["产出指标", "数量指标", "餐厨垃圾日均收运量", "≥40吨", "42吨", 40, 40],
      ["效益指标", "生态效益指标", "餐厨垃圾资源化利用率", "≥90%", "91%", 40, 40],
      ["满意度指标", "服务对象满意度指标", "餐饮单位满意度", "≥90%", "93%", 10, 10],
    ],
    total: [100, 100],
  });
  return workbook;
}

// ─────────────────────────────────────────────────────────────────────────────
// Case 13: numbers typed as text throughout (1,000 / 96.90% / 10分 / １００％ / ﹦8个 / 不低于…),
// a 得分 formula showing #DIV/0!, and a 总分 formula that fails with it.
async function projectTextNumbers() {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("项目支出绩效自评表");
  nationalWidths(sheet);
  writeNationalProject(sheet, 1, {
    yearText: "（2024年度）",
    projectName: "农村饮水安全巩固提升工程",
    department: "某县水务局",
    implementer: "某县农村供水管理站",
    budget: [
      ["年度资金总额", "1,000", "1,000", "969", "10分", "96.90%", "9.69"],
      ["其中：当年财政拨款", "800", "800", "775.2", "—", "96.90%", "—"],
      ["其他资金", "200", "200", "193.8", "—", "96.90%", "—"],
    ],
    goal: null,
    mergeLevels: true,
    indicators: [
      ["产出指标", "数量指标", "新建集中供水工程处数", "﹦8个", "8个", "10分", "10"],
      ["产出指标", "数量指标", "巩固提升受益人口", "不低于12,000人", "12,450人", "10分", "10分"],
      ["产出指标", "质量指标", "水质检测合格率", "≥95%", "96.90%", "10分", "10"],
      ["产出指标", "质量指标", "工程验收合格率", "１００％", "１００％", "10分", "10"],
      [
        "产出指标",
        "时效指标",
        "工程完工及时率",
        "不低于95%",
        "90%",
        "5分",
        { formula: "ROUND(F14/E14*G14,2)", result: { error: "#DIV/0!" } },
        "2处工程受汛期影响延期完工",
      ],
      ["产出指标", "成本指标", "工程建设成本", "≤980万元", "969万元", "5分", "5"],
      ["效益指标", "社会效益指标", "农村自来水普及率", "≥90%", "92.3%", "15分", "15"],
      [
        "效益指标",
        "可持续影响指标",
        "工程运行管护制度",
        "建立健全",
        "达成年度指标",
        "15分",
        "13.5",
        "部分村级管水员培训未全覆盖",
      ],
      ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "95%", "10分", "10"],
    ],
    total: ["100分", { formula: "SUM(H10:H18)+H6", result: { error: "#DIV/0!" } }],
  });
  return workbook;
}

const FIXTURES = [
  ["department-messy-header", departmentMessyHeader],
  ["project-yunnan-split-target", projectYunnanSplitTarget],
  ["project-fill-down", projectFillDown],
  ["project-subtotals", projectSubtotals],
  ["project-anhui-budget", projectAnhuiBudget],
  ["project-short-budget-weights", projectShortBudgetWeights],
  ["project-trailing-text", projectTrailingText],
  ["instructions-only", instructionsOnly],
  ["multi-project-sheets", multiProjectSheets],
  ["stacked-forms", stackedForms],
  ["project-text-numbers", projectTextNumbers],
];

async function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, build] of FIXTURES) {
    const workbook = await build();
    const file = path.join(OUT_DIR, name + ".xlsx");
    await workbook.xlsx.writeFile(file);
    console.log("wrote " + path.relative(process.cwd(), file));
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
