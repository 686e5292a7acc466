import { parseText, type ParsedValue } from "../values/parseValue";
import { isNotApplicableText } from "./rowWords";
import type { SheetView, ViewCell } from "./sheetView";
import type { IndicatorColumnRole } from "./types";

/**
 * What a column holds under the header, as evidence for its role: the share of numbers, of
 * targets with an operator, of operators alone, of units, of category names, of long text;
 * whether its numbers stay within 100 and add up like 分值; whether the header cell is merged
 * down over the body (a band label such as 绩效指标, not a data column).
 */
export interface ColumnProfile {
  readonly column: number;
  /** Body rows looked at. */
  readonly rows: number;
  /** Cells holding something. */
  readonly filled: number;
  /** Numbers without an operator or unit: 10, "9.5", "10分". */
  readonly plainNumbers: number;
  /** Values with an operator ("≥95%", "≤30万元", "=8个"). */
  readonly withOperator: number;
  /** Numbers with % or a unit, no operator ("96.90%", "320个"). */
  readonly measured: number;
  /** Operators alone (≥, ≤, =, 大于等于…): a 指标性质 column. */
  readonly operators: number;
  /** Directions alone (正向, 反向, 定量, 定性): a 指标性质 column that states no operator. */
  readonly directions: number;
  /** Units alone (%, 个, 万元…): a 度量单位 column. */
  readonly units: number;
  /** Category names (产出指标, 数量指标, 履职效能…). */
  readonly categories: number;
  /** Text of 30 characters or more. */
  readonly longText: number;
  /** Text that reads like a scoring rubric ("1、资料是否齐全（1分）…"). */
  readonly rubricText: number;
  /** Other words. */
  readonly words: number;
  /** Placeholders ("/", "—", "不适用"). */
  readonly placeholders: number;
  /** Distinct non-blank texts. */
  readonly distinct: number;
  /** The plain numbers. */
  readonly numbers: readonly number[];
  /** The plain numbers by row, to compare two columns row by row. */
  readonly numberByRow: ReadonlyMap<number, number>;
  /** The header's cell is merged down over the body rows: the column holds no data of its own. */
  readonly coveredByHeader: boolean;
}

// Category names of the national forms and the department frameworks seen.
const CATEGORY =
  /^(产出|效益|满意度|效果|影响|过程|决策|管理|履职|投入|项目|部门|数量|质量|时效|成本|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|社会公众满意度|履职效能|管理效能|履职成效|综合管理|部门决策|部门管理|预算管理|资产管理|财务管理|运行成本|预算编制|预算执行|绩效管理|信息公开|采购管理)(指标|效能|成效|情况)?$/;
// 指标性质 written as an operator (≥, 大于等于…), or only as a direction (正向, 定量…): the first
// makes a target with its 指标值, the second says less.
const OPERATOR =
  /^(≥|≤|=|>|<|>=|<=|==|≠|±|大于等于|小于等于|等于|大于|小于|不低于|不高于|不少于|不多于|不超过|不大于|不小于)$/;
const DIRECTION = /^(正向|反向|定性|定量)(指标)?$/;
const UNIT_WORD =
  "%|‰|个|人|次|人次|户|户次|所|座|亩|公里|千米|米|平方米|立方米|平方公里|公顷|吨|千克|公斤|斤|克|元|万元|亿元|" +
  "天|日|月|年|小时|分钟|项|家|套|台|辆|件|张|本|册|篇|场|期|批|处|条|间|栋|株|头|只|份|起|宗|例|单|课时|学时|" +
  "个百分点|百分点|百分比|分|级|类|km|m|t|kg";
// A 度量单位 column: units alone ("%", "个", "万元", "人/次").
const UNIT = new RegExp("^(" + UNIT_WORD + ")(/(" + UNIT_WORD + "))?$");
// "1、资料是否齐全（1分）", "得1分", "扣0.5分", "…的得满分": how to score, not a score.
const RUBRIC_TEXT = /[得扣]\d|[得扣]满分|\d分[)）;；，,。]|满分|不得分|酌情/;

export function profileColumn(
  view: SheetView,
  column: number,
  bodyRows: readonly number[],
  coveredByHeader: boolean
): ColumnProfile {
  let filled = 0;
  let plainNumbers = 0;
  let withOperator = 0;
  let measured = 0;
  let operators = 0;
  let directions = 0;
  let units = 0;
  let categories = 0;
  let longText = 0;
  let rubricText = 0;
  let words = 0;
  let placeholders = 0;
  const texts = new Set<string>();
  const numbers: number[] = [];
  const numberByRow = new Map<number, number>();
  for (const row of bodyRows) {
    const cell = view.own(row, column);
    if (!cell || cell.words === "") continue;
    filled++;
    texts.add(cell.words);
    const kind = classify(cell);
    switch (kind.kind) {
      case "plain":
        plainNumbers++;
        numbers.push(kind.value);
        numberByRow.set(row, kind.value);
        break;
      case "operator-value":
        withOperator++;
        break;
      case "measured":
        measured++;
        break;
      case "operator":
        operators++;
        break;
      case "direction":
        directions++;
        break;
      case "unit":
        units++;
        break;
      case "category":
        categories++;
        break;
      case "placeholder":
        placeholders++;
        break;
      case "words":
        words++;
        if (cell.words.length >= 30) longText++;
        if (RUBRIC_TEXT.test(cell.words) && cell.words.length >= 8) rubricText++;
        break;
    }
  }
  return {
    column,
    rows: bodyRows.length,
    filled,
    plainNumbers,
    withOperator,
    measured,
    operators,
    directions,
    units,
    categories,
    longText,
    rubricText,
    words,
    placeholders,
    distinct: texts.size,
    numbers,
    numberByRow,
    coveredByHeader,
  };
}

type CellKind =
  | { kind: "plain"; value: number }
  | { kind: "operator-value" | "measured" | "operator" | "direction" | "unit" | "category" }
  | { kind: "placeholder" | "words" };

function classify(cell: ViewCell): CellKind {
  const words = cell.words;
  if (typeof cell.cell.value === "number") {
    return isPercentLike(cell) ? { kind: "measured" } : { kind: "plain", value: cell.cell.value };
  }
  if (OPERATOR.test(words)) return { kind: "operator" };
  if (DIRECTION.test(words)) return { kind: "direction" };
  if (isNotApplicableText(words, false)) return { kind: "placeholder" };
  if (CATEGORY.test(words)) return { kind: "category" };
  const parsed: ParsedValue = parseText(words);
  if (parsed.kind === "number") {
    if (parsed.comparator !== null) return { kind: "operator-value" };
    if (parsed.percent || (parsed.unit !== null && parsed.unit !== "分"))
      return { kind: "measured" };
    return { kind: "plain", value: parsed.value };
  }
  if (UNIT.test(words)) return { kind: "unit" };
  return { kind: "words" };
}

function isPercentLike(cell: ViewCell): boolean {
  return /%/.test(cell.cell.numberFormat.replace(/"[^"]*"|\\./g, ""));
}

/** A share, 0 when nothing was looked at. */
export function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/** Evidence from content for one role, with what to tell the user. */
export interface ContentCue {
  readonly weight: number;
  readonly why: string;
}

function percentText(value: number): string {
  return Math.round(value * 100) + "%";
}

/**
 * What the content says about each role, −20…+8. A column the header merges down over the body is
 * a band label: no role at all. A column with nothing in it says nothing (a template left blank
 * is still read by its header).
 */
export function contentCues(
  profile: ColumnProfile
): Partial<Record<IndicatorColumnRole, ContentCue>> {
  const cues: Partial<Record<IndicatorColumnRole, ContentCue>> = {};
  if (profile.coveredByHeader) {
    const why = "表头单元格向下合并覆盖整列，该列没有数据";
    for (const role of ALL_ROLES) cues[role] = { weight: -20, why };
    return cues;
  }
  const filled = profile.filled;
  if (filled === 0) return cues;
  const plain = share(profile.plainNumbers, filled);
  const operatorValues = share(profile.withOperator, filled);
  const measured = share(profile.measured, filled);
  const operators = share(profile.operators, filled);
  const units = share(profile.units, filled);
  const categories = share(profile.categories, filled);
  const long = share(profile.longText, filled);
  const rubric = share(profile.rubricText, filled);
  const wordsShare = share(profile.words, filled);
  const text = wordsShare + categories;

  const say = (role: IndicatorColumnRole, weight: number, why: string): void => {
    const current = cues[role];
    cues[role] = current
      ? { weight: current.weight + weight, why: current.why + "；" + why }
      : { weight, why };
  };

  if (rubric >= 0.3) {
    const why = "内容是评分说明（" + percentText(rubric) + "的单元格写着得分办法）";
    for (const role of ["max", "score", "target", "actual", "name"] as const) say(role, -10, why);
  }
  if (plain >= 0.6) {
    const why = "数字占" + percentText(plain);
    say("max", 3, why);
    say("score", 3, why);
    const small = profile.numbers.every((value) => value >= 0 && value <= 100);
    if (!small) {
      say("max", -3, "有超过100的数");
      say("score", -3, "有超过100的数");
    }
    for (const role of ["name", "level1", "level2", "level3", "reason", "nature", "unit"] as const)
      say(role, -6, why);
  } else if (plain + measured + operatorValues < 0.2 && filled >= 2) {
    const why = "几乎没有数字（" + percentText(plain) + "）";
    say("max", -4, why);
    say("score", -4, why);
  }
  if (operatorValues >= 0.2) {
    const why = "含带≥、≤等符号的指标值（" + percentText(operatorValues) + "）";
    say("target", 4, why);
    say("actual", -2, why);
    say("max", -4, why);
    say("score", -4, why);
  }
  if (operators >= 0.6) {
    const why = "内容是≥、≤、=等指标性质符号";
    say("nature", 8, why);
    for (const role of ["target", "actual", "name", "max", "score"] as const) say(role, -6, why);
  } else if (share(profile.directions, filled) >= 0.6) {
    const why = "内容是正向、反向等指标方向";
    say("nature", 4, why);
    for (const role of ["target", "actual", "name", "max", "score"] as const) say(role, -6, why);
  }
  if (units >= 0.6 && profile.plainNumbers === 0) {
    const why = "内容是度量单位（%、个、万元…）";
    say("unit", 6, why);
    for (const role of ["target", "actual", "name", "max", "score"] as const) say(role, -4, why);
  }
  if (categories >= 0.5) {
    const why = "内容是指标类别名称（产出指标、数量指标…）";
    say("level1", 4, why);
    say("level2", 4, why);
    for (const role of ["actual", "target", "max", "score", "reason"] as const) say(role, -5, why);
    say("name", -2, why);
  }
  if (text >= 0.7 && categories < 0.5 && long < 0.5 && rubric < 0.3) {
    const distinct = share(profile.distinct, filled);
    if (distinct >= 0.8 && filled >= 2) say("name", 2, "文字各行不同");
  }
  if (long >= 0.5 && rubric < 0.3) {
    const why = "多为长段文字";
    say("reason", 2, why);
    for (const role of ["max", "score", "nature", "unit"] as const) say(role, -6, why);
  }
  if (measured + operatorValues >= 0.3) {
    const why = "含百分数或带单位的数值";
    say("actual", 1, why);
    say("target", 1, why);
  }
  return cues;
}

const ALL_ROLES: readonly IndicatorColumnRole[] = [
  "level1",
  "level2",
  "level3",
  "name",
  "nature",
  "target",
  "unit",
  "actual",
  "max",
  "score",
  "reason",
];

/**
 * How two columns of numbers relate row by row, as evidence that the first holds 分值 and the
 * second 得分: scores never exceed their maxima. +3 when the second stays within the first in
 * every row both fill and is below it in some; −6 when it exceeds it in most rows, −2 in a few
 * (a published table may hold a score above its 分值: that alone must not swap the columns).
 */
export function maxScoreCue(max: ColumnProfile, score: ColumnProfile): ContentCue | null {
  let both = 0;
  let below = 0;
  let above = 0;
  max.numberByRow.forEach((maxValue, row) => {
    const scoreValue = score.numberByRow.get(row);
    if (scoreValue === undefined) return;
    both++;
    if (scoreValue < maxValue - 1e-9) below++;
    else if (scoreValue > maxValue + 1e-9) above++;
  });
  if (both < 2) return null;
  if (above > both / 2) return { weight: -6, why: "该列数字多数大于分值列，不像得分" };
  if (above > 0) return { weight: -2, why: "有得分大于分值" };
  if (below > 0) return { weight: 3, why: "均不大于分值列" };
  return null;
}
