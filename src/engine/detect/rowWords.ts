/**
 * What the words of one cell say about its row, apart from any column: a template's placeholder
 * name, a breakdown (其中…), "does not apply", the points a label gives its group. All take
 * normalised words (normaliseText) and never throw.
 */

// "指标1", "指标2：", "指标一", "三级指标1", "XX指标", "……", "...", "××", "xxx": names a template ships with.
const TEMPLATE_NAME =
  /^((一级|二级|三级)?指标(名称)?[0-9一二三四五六七八九十]{1,3}[:：、.]?|[…．.。·、]{2,}|[xX×＊*]{2,}(指标)?|(XX|xx|××)[\u4e00-\u9fa5]{0,6}|指标名称|请填写[\u4e00-\u9fa5]{0,10}|[(（]?(自行)?填写[\u4e00-\u9fa5]{0,10}[)）]?)$/;

/** True for a name a template ships with and the unit never replaced ("指标1", "指标2：", "……"). */
export function isTemplateName(words: string): boolean {
  return TEMPLATE_NAME.test(words);
}

// "其中：玉米种植面积", "其中:", "（其中）", "含：", "包括：": a part of the indicator above.
const BREAKDOWN = /^[(（]?(其中|含|包括|包含)([)）:：、,，]|$)/;

/** True for a row naming a part of the indicator above it ("其中：玉米种植面积"). */
export function isBreakdownName(words: string): boolean {
  return BREAKDOWN.test(words);
}

// "/", "—", "-", "——", "不适用", "不涉及", "N/A", "无": the cell says the indicator does not apply.
const NOT_APPLICABLE = /^([/\\／—–\-_~·]+|不适用|不涉及|本年度不适用|本项目不适用|N\/?A|无)$/i;
const NOT_APPLICABLE_WITHOUT_NONE =
  /^([/\\／—–\-_~·]+|不适用|不涉及|本年度不适用|本项目不适用|N\/?A)$/i;

/**
 * True when a target or 分值 cell says "does not apply". `allowNone` takes a bare "无" too: it does
 * in a target or 分值 cell, not in an actual (where "无" answers a target such as "无安全事故").
 */
export function isNotApplicableText(words: string, allowNone = true): boolean {
  // Asked of the target, actual and 分值 of every row: a text whose first character starts none
  // of the alternatives (most: "≥95%", "100", "完成") is settled without the expression.
  if (words.length === 0 || !startsNotApplicable(words.charCodeAt(0))) return false;
  return (allowNone ? NOT_APPLICABLE : NOT_APPLICABLE_WITHOUT_NONE).test(words);
}

/**
 * True for a character NOT_APPLICABLE's alternatives can start with: / \ ／ — – - _ ~ · 不 本 N n
 * 无 (n too, as its i flag; no other of them has a case).
 */
function startsNotApplicable(code: number): boolean {
  switch (code) {
    case 0x2f: // /
    case 0x5c: // \
    case 0xff0f: // ／
    case 0x2014: // —
    case 0x2013: // –
    case 0x2d: // -
    case 0x5f: // _
    case 0x7e: // ~
    case 0xb7: // ·
    case 0x4e0d: // 不
    case 0x672c: // 本
    case 0x4e: // N
    case 0x6e: // n
    case 0x65e0: // 无
      return true;
    default:
      return false;
  }
}

// "产出指标（40分）", "年度绩效目标1(40分)", "预算执行情况（万元）（20分）", "（分值：20）" — not "(2)".
const POINTS_IN_LABEL = /\((分值[:：]?)?(\d{1,3}(?:\.\d{1,2})?)(分)?\)/;
const POINTS_TRAILING = /(\d{1,3}(?:\.\d{1,2})?)分$/;

/**
 * The points a label gives its group or block, from "（40分）" or "(分值：20)" in it, or a label
 * ending in "…40分"; null when it gives none ("效益指标（分）" left blank in the template).
 */
export function pointsInLabel(words: string): number | null {
  const bracket = POINTS_IN_LABEL.exec(words);
  // A bracket holding a bare number ("指标(2)") is points only when it says 分 or 分值.
  if (bracket && (bracket[1] !== undefined || bracket[3] !== undefined)) {
    const value = Number(bracket[2]);
    return value > 0 && value <= 100 ? value : null;
  }
  const trailing = POINTS_TRAILING.exec(words);
  if (trailing && /指标|目标|情况|执行|效益|产出|满意/.test(words)) {
    const value = Number(trailing[1]);
    return value > 0 && value <= 100 ? value : null;
  }
  return null;
}

/** The label without its points ("产出指标（40分）" → "产出指标"), as the sheet shows it otherwise. */
export function withoutPoints(label: string): string {
  const stripped = label
    .replace(
      /[(（]\s*(?:分值[:：]?\s*\d{1,3}(?:\.\d{1,2})?\s*分?|\d{1,3}(?:\.\d{1,2})?\s*分)\s*[)）]/g,
      ""
    )
    .replace(/[(（]\s*分\s*[)）]/g, "")
    .trim();
  return stripped === "" ? label : stripped;
}

// "年度目标1:(80分)", "年度绩效目标1（40分）", "年度绩效目标2", "绩效目标一": the title of a goal's block
// of indicators (湖北) — not "年度总体目标", the national form's goal text block.
const GOAL_TITLE =
  /^(年度)?(绩效)?目标([一二三四五六七八九十]|\d{1,2})?[:：]?(\(\d{1,3}(\.\d{1,2})?分\))?[:：]?$/;

/** True for the title of a goal's block of indicators ("年度绩效目标1（40分）"). */
export function isGoalTitle(words: string): boolean {
  const match = GOAL_TITLE.exec(words);
  return match !== null && (match[3] !== undefined || match[4] !== undefined);
}
