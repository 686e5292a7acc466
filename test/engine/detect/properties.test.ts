/**
 * Property-based tests: detectForms is total on any grid (random strings including header words,
 * numbers, errors, random and even overlapping merges, sizes up to 40 × 15), and whatever it
 * returns lies inside the sheet and is well ordered.
 */
import fc from "fast-check";
import { detectForms } from "../../../src/engine/detect/detectForms";
import type { DetectedForm } from "../../../src/engine/detect/types";
import { columnLetters, parseA1 } from "../../../src/engine/grid/address";
import type { SheetGrid, SheetOwner } from "../../../src/engine/grid/types";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, type TestCell } from "../../helpers/gridFromRows";

const MAX_ROWS = 40;
const MAX_COLUMNS = 15;

// Words the detector reacts to, so that random grids often look like (parts of) forms.
const HEADER_WORDS = [
  "一级指标",
  "二级指标",
  "三级指标",
  "一级\n指标",
  "分 值",
  "自评\r\n得分",
  "指标名称",
  "权重",
  "分值",
  "年度指标值",
  "指标值",
  "指标性质",
  "度量单位",
  "实际完成值",
  "得分",
  "自评得分",
  "评分标准",
  "偏差原因分析及改进措施",
  "未完成原因分析",
  "绩效指标",
  "年度指标值",
];
const OTHER_WORDS = [
  "合计",
  "总分",
  "合  计",
  "小计",
  "产出指标小计",
  "产出指标",
  "效益指标",
  "满意度指标",
  "数量指标",
  "项目资金（万元）",
  "年初预算数",
  "全年预算数",
  "全年执行数",
  "执行率",
  "预算数",
  "执行数",
  "年度资金总额",
  "其中：当年财政拨款",
  "其他资金",
  "评价结论",
  "存在问题",
  "填表人：王丽",
  "单位负责人（签字）：",
  "项目名称",
  "主管部门：某局",
  "部门整体支出绩效自评表",
  "项目支出绩效自评表",
  "（2024年度）",
  "年度总体目标",
  "预期目标",
  "实际完成情况",
  "自评等级",
  "优",
  "良",
  "≥95%",
  "96.90%",
  "5分",
  "１００％",
  "﹦8个",
  "不低于95%",
  "1,000",
  "—",
  "达成年度指标",
  "#DIV/0!",
];

const cellArbitrary: fc.Arbitrary<TestCell | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HEADER_WORDS) },
  { weight: 4, arbitrary: fc.constantFrom(...OTHER_WORDS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 2, arbitrary: fc.integer({ min: -10, max: 120 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 1,
    arbitrary: fc.constantFrom({ error: "#DIV/0!" }, { error: "#N/A" }, { error: "#VALUE!" }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      value: fc.constantFrom<TestCell>(null, 9.5, { error: "#DIV/0!" }),
      formula: fc.constant("E6/D6"),
      notCalculated: fc.boolean(),
    }) as fc.Arbitrary<TestCell>,
  },
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constant(null) }
);

const mergeArbitrary = fc
  .record({
    top: fc.integer({ min: 1, max: MAX_ROWS }),
    left: fc.integer({ min: 1, max: MAX_COLUMNS }),
    height: fc.integer({ min: 0, max: 6 }),
    width: fc.integer({ min: 0, max: 6 }),
  })
  .map(
    ({ top, left, height, width }) =>
      columnLetters(left) + top + ":" + columnLetters(left + width) + (top + height)
  );

const ownerArbitrary: fc.Arbitrary<SheetOwner | null> = fc.oneof(
  { weight: 9, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant<SheetOwner>({ kind: "results", writtenFingerprint: "ab12" }) }
);

/** A random sheet: random rows and merges (merges may overlap or reach past the cells). */
const randomSheet: fc.Arbitrary<SheetGrid> = fc
  .record({
    rows: fc.array(fc.array(cellArbitrary, { maxLength: MAX_COLUMNS }), { maxLength: MAX_ROWS }),
    merges: fc.array(mergeArbitrary, { maxLength: 12 }),
    owner: ownerArbitrary,
  })
  .map(({ rows, merges, owner }) => sheetFromRows("表", rows, merges, owner));

/**
 * A sheet shaped like a form: a header row of shuffled header words (sometimes a two-row one),
 * then data rows mixing categories, numbers, totals and text rows, so that detection gets deep.
 */
const formLikeSheet: fc.Arbitrary<SheetGrid> = fc
  .record({
    above: fc.array(fc.array(cellArbitrary, { maxLength: 6 }), { maxLength: 4 }),
    header: fc.shuffledSubarray(HEADER_WORDS, { minLength: 3, maxLength: MAX_COLUMNS }),
    lower: fc.option(fc.shuffledSubarray(HEADER_WORDS, { minLength: 1, maxLength: 6 })),
    data: fc.array(fc.array(cellArbitrary, { minLength: 3, maxLength: MAX_COLUMNS }), {
      maxLength: 30,
    }),
    merges: fc.array(mergeArbitrary, { maxLength: 8 }),
  })
  .map(({ above, header, lower, data, merges }) => {
    const rows: Array<Array<TestCell | undefined>> = [...above, header];
    if (lower) rows.push(lower);
    rows.push(...data);
    return sheetFromRows("表", rows.slice(0, MAX_ROWS), merges);
  });

function inside(value: number, low: number, high: number): boolean {
  return Number.isInteger(value) && value >= low && value <= high;
}

/** Everything a form points at lies inside its sheet, in order. */
function checkForm(form: DetectedForm, sheet: SheetGrid): void {
  const table = form.table;
  expect(form.sheet).toBe(sheet.name);
  expect(inside(table.headerTop, 1, sheet.rowCount)).toBe(true);
  expect(inside(table.headerBottom, table.headerTop, sheet.rowCount)).toBe(true);
  expect(inside(table.lastRow, table.headerBottom, sheet.rowCount)).toBe(true);
  for (const column of Object.values(table.columns)) {
    expect(inside(column as number, 1, sheet.columnCount)).toBe(true);
  }
  expect(inside(table.nameColumn, 1, sheet.columnCount)).toBe(true);
  for (const column of table.levelColumns) expect(inside(column, 1, sheet.columnCount)).toBe(true);

  const rows = table.indicators.map((i) => i.row).concat(table.totalRows.map((t) => t.row));
  for (const row of rows) expect(inside(row, table.headerBottom + 1, table.lastRow)).toBe(true);
  // Rows go down the sheet, and no row is both an indicator and a total.
  const indicatorRows = table.indicators.map((i) => i.row);
  expect(indicatorRows).toEqual(indicatorRows.slice().sort((a, b) => a - b));
  expect(new Set(rows).size).toBe(rows.length);
  for (const indicator of table.indicators) {
    expect(indicator.path.length).toBeLessThanOrEqual(table.levelColumns.length);
    expect(indicator.path.every((name) => name !== "")).toBe(true);
  }

  if (form.budget) {
    const budget = form.budget;
    expect(inside(budget.headerRow, 1, table.headerTop - 1)).toBe(true);
    for (const row of [budget.totalRow, ...budget.partRows]) {
      expect(inside(row, budget.headerRow + 1, table.headerTop - 1)).toBe(true);
    }
    expect(budget.partRows).not.toContain(budget.totalRow);
    for (const column of Object.values(budget.columns)) {
      expect(inside(column as number, 1, sheet.columnCount)).toBe(true);
    }
  }
  if (form.info.statedRating) {
    expect(form.info.statedRating.cell).toMatch(/^[A-Z]+[0-9]+$/);
  }
}

function checkSheet(sheet: SheetGrid): void {
  const forms = detectForms({ sheets: [sheet] });
  if (sheet.owner) expect(forms).toEqual([]);
  for (const form of forms) checkForm(form, sheet);
  // Forms on one sheet do not overlap.
  for (let i = 1; i < forms.length; i++) {
    expect(forms[i].table.headerTop).toBeGreaterThan(forms[i - 1].table.lastRow);
  }
  // Pure: the same grid gives the same forms.
  expect(detectForms({ sheets: [sheet] })).toEqual(forms);
}

describe("detectForms on random grids", () => {
  it("never throws, and every row and column it returns lies inside the sheet", () => {
    fc.assert(fc.property(randomSheet, checkSheet), { numRuns: 1500 });
  });

  it("holds the same on grids shaped like forms", () => {
    let found = 0;
    fc.assert(
      fc.property(formLikeSheet, (sheet) => {
        checkSheet(sheet);
        if (detectForms({ sheets: [sheet] }).length > 0) found++;
      }),
      { numRuns: 1500 }
    );
    // The generator does reach the table reader (most of its header rows name a table).
    expect(found).toBeGreaterThan(300);
  });

  it("lets scoreWorkbook run on whatever it detects, every problem naming an existing cell", () => {
    fc.assert(
      fc.property(
        fc.oneof(randomSheet, formLikeSheet),
        fc.oneof(randomSheet, formLikeSheet),
        (a, b) => {
          const second = sheetFromRows("表2", [], []);
          // Distinct names, so that each problem's sheet is unambiguous.
          const sheets = [a, b.rowCount > 0 ? { ...b, name: "表2" } : second];
          const result = scoreWorkbook({ sheets });
          expect(result.report.forms.length).toBe(result.forms.length);
          // Every problem names a cell that exists: on one of the sheets, inside its used range.
          for (const problem of result.report.problems) {
            const sheet = sheets.find((candidate) => candidate.name === problem.sheet);
            expect(sheet).toBeDefined();
            const cell = parseA1(problem.cell);
            expect(cell).not.toBeNull();
            expect(inside(cell!.row, 1, sheet!.rowCount)).toBe(true);
            expect(inside(cell!.column, 1, sheet!.columnCount)).toBe(true);
          }
        }
      ),
      { numRuns: 500 }
    );
  });
});
