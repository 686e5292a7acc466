/**
 * Cell text made fit for a sentence: what a finance officer typed in a cell becomes part of a
 * paragraph in Excel, Word and Markdown, so it is cleaned once here.
 */
import { round2 } from "../score/round";
import { normaliseText } from "../values/normaliseText";

// XML 1.0 forbids these; Word refuses a document holding them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const TRAILING_PUNCTUATION = /[\s。．.，,；;、：:]+$/;
const SENTENCE_END = /[。！？!?]$/;

/** Plain one-line text: control characters gone, line breaks joined as clauses. */
export function cleanText(text: string): string {
  return text
    .replace(CONTROL, "")
    .split(/\s*(?:\r\n|\r|\n)\s*/)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .reduce((joined, part) => {
      if (joined === "") return part;
      return (/[。；;，,：:]$/.test(joined) ? joined : joined + "；") + part;
    }, "");
}

/** Text to continue a sentence with: cleaned, without its closing punctuation. */
export function clause(text: string): string {
  return cleanText(text).replace(TRAILING_PUNCTUATION, "");
}

/**
 * Text as a sentence of its own: cleaned, ending with `end` (the template's, "。") unless it
 * already ends a sentence.
 */
export function sentence(text: string, end = "。"): string {
  const cleaned = clause(text);
  if (cleaned === "") return "";
  return SENTENCE_END.test(cleaned) ? cleaned : cleaned + end;
}

/**
 * A value the sheet states as a number or bound ("≥95%", "0起", "不低于95%") reads without "为"
 * after its label.
 */
export function readsAsNumber(value: string): boolean {
  return (
    /^[\d.+\-±≥≤><=≧≦]/.test(normaliseText(value.slice(0, 2))) ||
    /^(不低于|不高于|不少于|不多于|不超过|不大于|不小于|大于|小于|高于|低于|达到|约)[\d０-９]/.test(
      value
    )
  );
}

/**
 * Numbers as a report prints them: "９６．９０％" → "96.90%", "﹦8个" → "8个". Only digits, the
 * decimal point between them, ％ and comparison signs change: "，" in words stays full-width.
 */
export function halfWidthNumbers(value: string): string {
  return value
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/(\d)[．。](?=\d)/g, "$1.")
    .replace(/％/g, "%")
    .replace(/＞/g, ">")
    .replace(/＜/g, "<")
    .replace(/^[=＝﹦═]\s*(?=\d)/, "")
    .replace(/[＝﹦═]/g, "=");
}

const REASON_LABEL =
  /^(偏差原因(分析)?(及改进措施)?|未完成原因(分析)?|原因(分析)?|说明)\s*[：:]\s*/;

/**
 * A deviation reason to quote after "偏差原因：" or "原因是": without a label of its own, and
 * with the full stops of a numbered list turned into "；" so that it stays one clause.
 */
export function reasonClause(text: string): string {
  return clause(clause(text).replace(REASON_LABEL, "")).replace(/[。！!？?](?=.)/g, "；");
}

/** A percentage of a fraction as reports write it: 0.95 → "95%", 0.0037 → "0.37%". */
export function formatPercent(fraction: number): string {
  return String(round2(fraction * 100)) + "%";
}

/** An amount as stated, without float noise: 722 → "722", 12.345678 → "12.3457". */
export function formatAmount(value: number): string {
  return String(Math.round(value * 10000) / 10000);
}

const BOUND_WORDS = /(及以上|以上|以下|以内|左右|内)$/;

/**
 * "5200" beside a target "≥5000亩" reads "5200亩": where a template keeps the unit in its own
 * 度量单位 column, the actual is often typed as a bare number.
 */
export function withTargetUnit(actual: string, target: string | null): string {
  if (target === null || !/^[-+]?\d+(?:\.\d+)?$/.test(actual)) return actual;
  const match = /\d[\d.,]*\s*([^\d\s.,][^\d]*)$/.exec(normaliseText(target));
  if (!match) return actual;
  const unit = match[1].replace(BOUND_WORDS, "").trim();
  return unit === "" || unit.length > 6 ? actual : actual + unit;
}
