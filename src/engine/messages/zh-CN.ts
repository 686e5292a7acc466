import type { FieldName, ProblemFacts } from "../validate/problem";
import { formatScore } from "../score/round";

const FIELD: Readonly<Record<FieldName, string>> = {
  name: "指标名称",
  max: "分值",
  target: "年度指标值",
  actual: "实际完成值",
  score: "自评得分",
  budget: "全年预算数",
  executed: "全年执行数",
  initialBudget: "年初预算数",
};

const GRADE = {
  achieved: "达成年度指标",
  partial: "部分达成年度指标",
  notAchieved: "未达成年度指标",
} as const;

// Money keeps its typed decimals (89.974); a score shows at most 2.
function amount(value: number): string {
  return String(Number(value.toPrecision(12)));
}

// Bands include their lower bound (财预〔2020〕10号: 80（含）), so "8～10分" would be ambiguous at 8.
function gradeRange(
  grade: "achieved" | "partial" | "notAchieved",
  low: number,
  high: number
): string {
  if (grade === "achieved") return "不低于" + formatScore(low) + "分";
  if (grade === "notAchieved") return "低于" + formatScore(high) + "分";
  return "不低于" + formatScore(low) + "分且低于" + formatScore(high) + "分";
}

// A rate or share as reports write it: "65%", "96.9%".
function percent(value: number): string {
  return formatScore(value * 100) + "%";
}

// "按预算管理一体化平台规则": the set by its name.
function byRules(name: string): string {
  return "按" + name + "规则";
}

function subjectOf(subject: string): string {
  return subject ? "「" + subject + "」" : "";
}

/** The problem in the words a finance officer reads, in Simplified Chinese. */
export function messageZhCN(facts: ProblemFacts): string {
  switch (facts.code) {
    case "missing-value":
      if (facts.field === "score") {
        if (facts.because === "qualitative")
          return (
            subjectOf(facts.subject) +
            "自评得分为空：定性指标须按完成程度填写得分，系统无法代为计算。"
          );
        return (
          subjectOf(facts.subject) + "自评得分为空，且缺少计算所需的数值，无法自动计算，请填写。"
        );
      }
      if (facts.because === "budget-zero")
        return FIELD[facts.field] + "为空或为0，无法计算预算执行率，请填写。";
      return subjectOf(facts.subject) + FIELD[facts.field] + "未填写，请补充。";
    case "not-a-number":
      if (facts.field === "actual" && facts.target)
        return (
          subjectOf(facts.subject) +
          "是定量指标（年度指标值" +
          facts.target +
          "），实际完成值应填写数值，而不是“" +
          facts.text +
          "”。"
        );
      return (
        subjectOf(facts.subject) + FIELD[facts.field] + "应为数字，当前为“" + facts.text + "”。"
      );
    case "score-exceeds-max":
      return (
        subjectOf(facts.subject) +
        "自评得分" +
        formatScore(facts.score) +
        "分超过分值" +
        formatScore(facts.max) +
        "分，得分不能超过该指标分值。"
      );
    case "group-score-exceeds-max":
      return (
        "「" +
        facts.group +
        "」下各指标自评得分合计" +
        formatScore(facts.score) +
        "分，超过该项标明的分值" +
        formatScore(facts.max) +
        "分，得分不能超过分值。"
      );
    case "rate-mismatch":
      return (
        "填写的执行率" +
        percent(facts.stated) +
        "与全年执行数÷全年预算数（" +
        amount(facts.executed) +
        "÷" +
        amount(facts.budget) +
        "＝" +
        percent(facts.computed) +
        "）不符，已按金额计算执行率和得分，请核对。"
      );
    case "score-column-missing":
      return (
        "表中未找到自评得分列：" +
        (facts.count > 1
          ? facts.count + "项指标（如" + subjectOf(facts.subject) + "）"
          : subjectOf(facts.subject) || "1项指标") +
        '的得分无法按规则计算，总分不完整。如得分填在表中某一列，请在“列对应”中指定该列（命令行：--columns "自评得分=列"）。'
      );
    case "maxima-unknown":
      return (
        "表中未列明各指标的分值（没有分值列，指标类别中也未注明分值），无法核对各项得分是否超过分值；总分按满分" +
        formatScore(facts.totalMax) +
        "分计，评级仅供参考。请补充各指标分值。"
      );
    case "total-exceeds-max":
      return (
        "各项得分合计" +
        formatScore(facts.score) +
        "分，超过满分" +
        formatScore(facts.max) +
        "分，总分不能超过满分。请核对各项得分。"
      );
    case "no-indicator-rows":
      return (
        "表头（第" +
        facts.headerRow +
        "行）下没有指标行，本表只按预算执行率评分，总分不含各项指标。请填写指标行。"
      );
    case "negative-value":
      return (
        subjectOf(facts.subject) +
        FIELD[facts.field] +
        "为负数（" +
        formatScore(facts.value) +
        "），请更正。"
      );
    case "formula-error":
      return (
        "公式计算出错（" +
        facts.error +
        "），请检查公式" +
        (facts.formula ? "“=" + facts.formula + "”" : "") +
        "及其引用的单元格。"
      );
    case "formula-not-calculated":
      return (
        "公式“=" +
        facts.formula +
        "”没有计算结果（文件保存时未重新计算），已按空值处理。请在 Excel 中打开并保存后重试。"
      );
    case "total-mismatch": {
      const text =
        facts.partsStoredAsText > 0
          ? "有" + facts.partsStoredAsText + "个数值以文本形式存储，SUM 公式不会计入。"
          : "";
      return (
        facts.label +
        "的" +
        FIELD[facts.field] +
        "填写为" +
        amount(facts.stated) +
        "，但各项相加为" +
        amount(facts.sum) +
        "，两者不一致。" +
        text
      );
    }
    case "weights-total":
      return (
        "各项指标分值合计为" +
        formatScore(facts.sum) +
        "分，应为" +
        formatScore(facts.expected) +
        "分。"
      );
    case "reason-missing":
      if (
        facts.targetMissed &&
        facts.score !== null &&
        facts.max !== null &&
        facts.score >= facts.max
      )
        return subjectOf(facts.subject) + "未完成年度指标值，但未填写偏差原因分析及改进措施。";
      return (
        subjectOf(facts.subject) +
        (facts.score !== null && facts.max !== null
          ? "得分" + formatScore(facts.score) + "分（分值" + formatScore(facts.max) + "分）有扣分"
          : "未完成年度指标值") +
        "，但未填写偏差原因分析及改进措施。"
      );
    case "score-differs":
      return (
        subjectOf(facts.subject) +
        "填写的自评得分为" +
        formatScore(facts.entered) +
        "分，按评分规则计算应为" +
        formatScore(facts.computed) +
        "分。已采用填写的得分，请核实。"
      );
    case "grade-band":
      return (
        subjectOf(facts.subject) +
        "实际完成情况属于“" +
        GRADE[facts.grade] +
        "”，得分应" +
        gradeRange(facts.grade, facts.low, facts.high) +
        "，填写的" +
        formatScore(facts.score) +
        "分不在此范围。"
      );
    case "unit-mismatch":
      return (
        subjectOf(facts.subject) +
        "年度指标值的单位为“" +
        facts.targetUnit +
        "”，实际完成值的单位为“" +
        facts.actualUnit +
        "”，已换算后计分，请统一单位。"
      );
    case "rating-mismatch":
      return (
        "表中填写的评级为“" +
        facts.stated +
        "”，但总分" +
        formatScore(facts.total) +
        "分对应的评级为“" +
        facts.computed +
        "”。"
      );
    case "execution-cap":
      return (
        "预算执行率为" +
        percent(facts.rate) +
        "，" +
        byRules(facts.ruleSetName) +
        "自评总分最高为" +
        formatScore(facts.cap) +
        "分。各项得分合计" +
        formatScore(facts.uncapped) +
        "分，超出部分予以减分，总分计为" +
        formatScore(facts.cap) +
        "分。"
      );
    case "over-completion": {
      const how =
        facts.ratio !== null
          ? "实际完成值" +
            facts.actual +
            "达到年度指标值" +
            facts.target +
            "的" +
            percent(facts.ratio)
          : "年度指标值为" + facts.target + "，实际完成值为" + facts.actual;
      if (facts.reasonRequired && !facts.reasonGiven)
        return (
          subjectOf(facts.subject) +
          how +
          "，实际完成情况超计划较大，" +
          byRules(facts.ruleSetName) +
          "须在偏差原因分析及改进措施中说明原因，目前未填写。"
        );
      return (
        subjectOf(facts.subject) +
        how +
        "，超额完成较多，请核实年度指标值设置是否合理、自评得分是否需要调整。"
      );
    }
    case "deviation-deducted":
      return (
        subjectOf(facts.subject) +
        "实际完成值" +
        facts.actual +
        "超过年度指标值" +
        facts.target +
        "的" +
        percent(facts.atRatio - 1) +
        "及以上（达到" +
        percent(facts.ratio) +
        "），" +
        byRules(facts.ruleSetName) +
        "视为指标偏离，扣" +
        formatScore(facts.deducted) +
        "分：得分由" +
        formatScore(facts.before) +
        "分计为" +
        formatScore(facts.after) +
        "分。"
      );
    case "score-ahead-of-spending":
      return (
        "绩效指标得分率为" +
        percent(facts.scoreRate) +
        "，而预算执行率仅为" +
        percent(facts.rate) +
        "，得分明显高于资金执行进度（" +
        byRules(facts.ruleSetName) +
        "自评预警），请核实自评得分。"
      );
    case "budget-reason-missing":
      return (
        "预算执行率为" +
        percent(facts.rate) +
        "，未达到" +
        percent(facts.threshold) +
        "，" +
        byRules(facts.ruleSetName) +
        "须说明原因，目前未填写。"
      );
    case "target-in-name":
      return (
        subjectOf(facts.subject) +
        "的年度指标值未单独填写，已按指标名称中的“" +
        facts.target +
        "”核对；如有不同，请在年度指标值栏填写。"
      );
    case "not-applicable":
      return (
        subjectOf(facts.subject) +
        "不适用，不考核该指标" +
        (facts.rescaled ? "，总分用适用指标得分汇总后按百分制折算。" : "，不计入总分。")
      );
    case "not-applicable-scored":
      return (
        subjectOf(facts.subject) +
        "标为不适用，不考核该指标，填写的得分" +
        formatScore(facts.score) +
        "分不计入总分。如该指标适用，请填写年度指标值和实际完成值；如不适用，得分栏可填“/”。"
      );
    case "equal-mismatch":
      return (
        subjectOf(facts.subject) +
        "是等于指标（年度指标值" +
        facts.target +
        "），实际完成值" +
        facts.actual +
        "与指标值不相等，" +
        byRules(facts.ruleSetName) +
        "须复核自评得分。"
      );
    case "deduction-applied":
      return (
        subjectOf(facts.subject) +
        "扣分" +
        formatScore(facts.deduction) +
        "分，" +
        byRules(facts.ruleSetName) +
        "从得分中扣减：得分由" +
        formatScore(facts.before) +
        "分计为" +
        formatScore(facts.after) +
        "分。"
      );
  }
}
