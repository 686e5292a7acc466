import type { IndicatorColumnRole } from "./types";

/**
 * What a header cell's words say about its column: for each role, how strongly (0–10). This is
 * one signal among several — a column's content and its place among the other columns are the
 * others (assignColumns weighs them together) — so a word used in another sense ("年度绩效指标
 * 完成情况" over the label column, "指标说明及评分标准" over a rubric) only leans, it does not decide.
 */
export type HeaderCues = Partial<Record<IndicatorColumnRole, number>>;

/** A cue at full strength: the header names the role the way the national forms write it. */
export const CLEAR = 10;
/** The weakest cue that still makes a header cell a header word. */
export const HEADER_WORD = 6;

interface Cue {
  readonly role: IndicatorColumnRole;
  readonly pattern: RegExp;
  readonly weight: number;
}

// Matched against the words with bracketed notes taken out ("分值（分）" → "分值", "年度指标值（A）"
// → "年度指标值"): whole-word forms first, at full strength.
const EXACT: readonly Cue[] = [
  { role: "level1", pattern: /^(一级指标|一级|一级指标名称)$/, weight: CLEAR },
  { role: "level2", pattern: /^(二级指标|二级|二级指标名称)$/, weight: CLEAR },
  { role: "level3", pattern: /^(三级指标|三级|三级指标名称)$/, weight: CLEAR },
  {
    role: "name",
    pattern: /^(指标名称|绩效指标名称|具体指标|指标内容|指标|具体指标名称|评价指标|考核指标)$/,
    weight: CLEAR,
  },
  { role: "nature", pattern: /^(指标性质|性质|符号|指标方向|计算符号|运算符号)$/, weight: CLEAR },
  { role: "unit", pattern: /^(度量单位|计量单位|单位|指标单位)$/, weight: CLEAR },
  {
    role: "max",
    pattern:
      /^(分值|权重|满分|标准分|指标分值|指标权重|权重分|设定分值|标准分值|基础分值|权重分值|分值权重|指标分数)$/,
    weight: CLEAR,
  },
  // "分数", "分": points, the score more often than the 分值 ("满分 | 分数"); beside a 分值/满分
  // column they are its score, and a column of numbers no greater than the 分值 beside it says so
  // too (maxScoreCue). Alone they may still be a 分值.
  { role: "score", pattern: /^(分数|分)$/, weight: 7 },
  { role: "max", pattern: /^(分数|分)$/, weight: 6 },
  {
    role: "score",
    pattern:
      /^(得分|自评得分|自评分|评分|实际得分|自评分值|评价得分|考核得分|自评分数|得分情况|自评打分)$/,
    weight: CLEAR,
  },
  {
    role: "target",
    pattern:
      /^(年度指标值|指标值|目标值|年度目标值|年初目标值|预期值|计划值|年度目标|绩效目标值|指标标准|年初指标值|预期目标值|全年指标值|年度绩效目标值|计划目标值|年度计划值|预期指标值|年初预期值)$/,
    weight: CLEAR,
  },
  {
    role: "actual",
    pattern:
      /^(实际完成值|完成值|实际值|实际执行值|全年实际值|全年实际完成值|实际完成情况|完成情况|实际完成|年度实际完成值|实际达成值|全年完成值|实际完成数)$/,
    weight: CLEAR,
  },
  {
    role: "reason",
    pattern:
      /^(偏差原因分析及改进措施|未完成原因分析|扣分原因|偏差原因|原因分析|情况说明|偏差原因分析|未完成原因|偏差原因及改进措施|未完成原因及改进措施|扣分原因说明)$/,
    weight: CLEAR,
  },
];

// Words inside a longer header: each leans towards a role.
const PARTIAL: readonly Cue[] = [
  { role: "level1", pattern: /一级/, weight: 8 },
  { role: "level2", pattern: /二级/, weight: 8 },
  { role: "level3", pattern: /三级/, weight: 8 },
  { role: "max", pattern: /分值|权重|满分/, weight: 8 },
  { role: "score", pattern: /得分/, weight: 8 },
  { role: "score", pattern: /自评分/, weight: 7 },
  { role: "target", pattern: /指标值|目标值|预期值|计划值/, weight: 7 },
  { role: "actual", pattern: /实际完成|完成值|实际值|实际执行|全年实际/, weight: 8 },
  { role: "reason", pattern: /偏差|原因|改进措施|整改措施/, weight: 8 },
  { role: "nature", pattern: /性质/, weight: 7 },
  { role: "unit", pattern: /单位$/, weight: 7 },
  // Weak: the national form heads its label column 绩效指标; others write 年度绩效指标完成情况 there.
  { role: "name", pattern: /指标名称|具体指标/, weight: 8 },
  { role: "target", pattern: /年度目标|绩效目标/, weight: 4 },
  { role: "actual", pattern: /完成情况/, weight: 4 },
  { role: "reason", pattern: /说明$|备注/, weight: 4 },
  { role: "name", pattern: /绩效指标|指标$/, weight: 3 },
  { role: "level1", pattern: /绩效指标/, weight: 3 },
];

// Columns that explain how to score ("评分标准", "指标说明及评分标准", "指标解释") hold text, never
// a value: they pull every value role down.
const RUBRIC =
  /评分标准|评分依据|计分方法|评分方法|评分细则|评分说明|评分规则|计分标准|打分标准|计分办法|评分办法|指标解释|指标说明|指标定义|指标内涵|考核内容|评价要点|评价标准|考核标准|计算公式|计算方法|评分要点|扣分标准/;
const RUBRIC_PULL = -12;
const NOT_A_SCORE = /得分(系数|率|比例|比率|占比)|系数$/;

const CACHE = new Map<string, HeaderCues>();
const CACHE_LIMIT = 2000;

/**
 * The cues of a header cell's normalised words. Words over 24 characters are a sentence, not a
 * header: they give half. Never throws; unknown words give no cue.
 */
export function headerCues(words: string): HeaderCues {
  const known = CACHE.get(words);
  if (known) return known;
  const cues = readCues(words);
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(words, cues);
  return cues;
}

function readCues(words: string): HeaderCues {
  const cues: HeaderCues = {};
  if (words === "" || words.length > 40) return cues;
  // "分值（分）", "年度指标值（A）", "自评得分（分）", "权重（%）": the note in brackets is no part of the name.
  const base = words.replace(/\([^)]*\)|【[^】]*】|\[[^\]]*\]/g, "").replace(/[:：*＊]+$/, "");
  for (const cue of EXACT) if (cue.pattern.test(base)) raise(cues, cue.role, cue.weight);
  for (const cue of PARTIAL) if (cue.pattern.test(base)) raise(cues, cue.role, cue.weight);
  // "得分系数", "得分率", "得分比例" (重庆): a share of the score, not the score.
  if (NOT_A_SCORE.test(base) && cues.score !== undefined) cues.score = -6;
  if (RUBRIC.test(base)) {
    for (const role of ["max", "score", "target", "actual", "nature", "unit"] as const)
      cues[role] = RUBRIC_PULL;
    // A rubric column is text about the indicator, not its name or reason.
    if (cues.reason !== undefined && cues.reason > 0) cues.reason = Math.min(cues.reason, 3);
    if (cues.name !== undefined && cues.name > 0) cues.name = Math.min(cues.name, 2);
  }
  if (base.length > 24) {
    for (const role of Object.keys(cues) as IndicatorColumnRole[]) {
      const weight = cues[role] as number;
      if (weight > 0) cues[role] = weight / 2;
    }
  }
  return cues;
}

function raise(cues: HeaderCues, role: IndicatorColumnRole, weight: number): void {
  const current = cues[role];
  if (current === undefined || weight > current) cues[role] = weight;
}

/** The strongest role a header cell names, and how strongly; null for none. */
export function strongestCue(
  cues: HeaderCues
): { role: IndicatorColumnRole; weight: number } | null {
  let best: { role: IndicatorColumnRole; weight: number } | null = null;
  for (const role of Object.keys(cues) as IndicatorColumnRole[]) {
    const weight = cues[role] as number;
    if (weight > 0 && (!best || weight > best.weight)) best = { role, weight };
  }
  return best;
}

/** True when the words name a column of an indicator table clearly enough to be a header word. */
export function isHeaderWord(words: string): boolean {
  const best = strongestCue(headerCues(words));
  return best !== null && best.weight >= HEADER_WORD;
}

/** True for a rubric header (评分标准, 指标解释…): a column of text about how to score. */
export function isRubricHeader(words: string): boolean {
  return RUBRIC.test(words);
}
