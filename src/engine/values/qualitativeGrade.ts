import { normaliseText } from "./normaliseText";

/**
 * The three grades a qualitative indicator's actual can state (财预〔2020〕10号 附1 评分说明:
 * 达成年度指标 / 部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差).
 */
export type QualitativeGrade = "achieved" | "partial" | "notAchieved";

const NOT_ACHIEVED = /未达成|未完成|未达到|没有达到|没有完成|未实现|效果较差|不达标|不合格/;
const PARTIAL = /部分达成|部分完成|部分实现|基本达成|基本完成|基本实现|基本达到|一定效果|部分达到/;
const ACHIEVED =
  /^(已|均|全部|全面|如期|按期|按时)?(达成|完成|达到|实现|达标)|达成(年度|预期)?(指标|目标)|达到(年度|预期)?(指标|目标|要求)|^已完成|全部完成/;

/** The grade an actual states in words, or null when it states none ("完善", "准确"). */
export function qualitativeGradeOf(text: string): QualitativeGrade | null {
  const words = normaliseText(text);
  if (words === "") return null;
  if (NOT_ACHIEVED.test(words)) return "notAchieved";
  if (PARTIAL.test(words)) return "partial";
  if (ACHIEVED.test(words)) return "achieved";
  return null;
}
