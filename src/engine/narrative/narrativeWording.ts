/**
 * How the 自评表说明 says things, every word from its template: names, values, lists, sentences
 * and numbering. What is said — which sections, which issues — is decided elsewhere
 * (buildNarrative.ts, findNarrativeIssues.ts); this only words it.
 */
import type { FormIndicator } from "../report/schema";
import type { ScoredForm } from "../score/scoreForm";
import { formatScore } from "../score/round";
import { givesReason } from "../values/givesReason";
import { chineseNumeral } from "./chineseNumeral";
import { fillTemplate, type TemplateValues } from "./fillTemplate";
import type { NarrativeTemplate } from "./narrativeTemplate";
import {
  clause,
  halfWidthNumbers,
  readsAsNumber,
  reasonClause,
  sentence,
  withTargetUnit,
} from "./narrativeText";

// "指标1:", "指标2：", "三级指标1、": the numbering of a template's rows, not part of the name.
const TEMPLATE_NUMBERING = /^(一级|二级|三级)?指标[0-9一二三四五六七八九十]{1,3}[:：、.．]\s*/;
// What is left of a row struck out as a whole ("指标1:/"): no name.
const PLACEHOLDER = /^[/\\／—–\-_~·…．.。\s]*$/;

export class Wording {
  /** Values every template may name: {unit} {year} {project} {subject}. */
  readonly base: TemplateValues;
  /** Cell texts repeat ("≥95%", "100%"): each is cleaned once. */
  private readonly clauses = new Map<string, string>();

  constructor(
    readonly t: NarrativeTemplate,
    form: ScoredForm
  ) {
    const summary = form.summary;
    const projectName = summary.projectName ? this.clause(summary.projectName) : "";
    const word = t.projectWord;
    const project =
      projectName === ""
        ? word
        : projectName.slice(-word.length) === word
          ? projectName
          : projectName + word;
    const partial = {
      unit: summary.unitName ? this.clause(summary.unitName) : "",
      year: summary.year !== null ? String(summary.year) : "",
      project,
    };
    this.base = { ...partial, subject: fillTemplate(t.subject, partial) };
  }

  /** A template filled with `values`, the form's own ({unit} {year}…) where it names them. */
  fill(template: string, values: TemplateValues = {}): string {
    return fillTemplate(template, values, this.base);
  }

  /** Cell text to continue a sentence with (cleaned once per text). */
  clause(text: string): string {
    let cleaned = this.clauses.get(text);
    if (cleaned === undefined) {
      cleaned = clause(text);
      this.clauses.set(text, cleaned);
    }
    return cleaned;
  }

  /** Text as a sentence of its own, ending as the template ends sentences. */
  sentence(text: string): string {
    return sentence(text, this.t.sentenceEnd);
  }

  indicatorName(indicator: FormIndicator): string {
    return this.ownName(indicator) || this.unnamed(indicator);
  }

  /**
   * The indicator's name as a report says it: without the numbering a template ships with
   * ("指标1:工程质量合格" → "工程质量合格", 安徽); "" when nothing but that numbering and a
   * placeholder is left ("指标1:/").
   */
  ownName(indicator: FormIndicator): string {
    const name = this.clause(indicator.name).replace(TEMPLATE_NUMBERING, "");
    return PLACEHOLDER.test(name) ? "" : name;
  }

  /** "第12行的指标", for an indicator whose name is blank. */
  unnamed(indicator: { readonly row: number }): string {
    return this.fill(this.t.problems.unnamedIndicator, { row: String(indicator.row) });
  }

  /** Up to the template's limit of indicators by name, then "等". */
  indicatorNames(indicators: readonly FormIndicator[]): string {
    return this.names(indicators.map((indicator) => this.indicatorName(indicator)));
  }

  /** Up to the template's limit of names, then "等". */
  names(names: readonly string[]): string {
    const distinct = names.filter((name, index) => names.indexOf(name) === index);
    const limit = this.t.limits.namesPerItem;
    const shown = distinct.slice(0, limit).join(this.t.listSeparator);
    return distinct.length > limit ? this.fill(this.t.namesMore, { names: shown }) : shown;
  }

  /** The actual as the sheet states it, with the target's unit where it was typed bare. */
  actualText(indicator: FormIndicator): string | null {
    if (indicator.actual === null) return null;
    const actual = halfWidthNumbers(this.clause(indicator.actual));
    return actual === "" ? null : withTargetUnit(actual, indicator.target);
  }

  targetText(indicator: FormIndicator): string | null {
    if (indicator.target === null) return null;
    const target = halfWidthNumbers(this.clause(indicator.target));
    return target === "" ? null : target;
  }

  /** The deviation reason as the table gives it, ready to quote; "" when there is none. */
  reasonText(indicator: FormIndicator): string {
    return indicator.reason === null || !givesReason(indicator.reason)
      ? ""
      : reasonClause(indicator.reason);
  }

  /** "≥95%" stays as it is after its label; "准确" reads "为准确"; a blank reads "未填写". */
  valuePhrase(value: string | null): string {
    if (value === null || this.clause(value) === "") return this.t.groupSection.notFilled;
    const text = this.clause(value);
    return readsAsNumber(text) ? text : this.t.groupSection.wordsPrefix + text;
  }

  /** A name and what it states: "门诊人次≥10000人次", "服务质量：优良". */
  statedValue(name: string, value: string): string {
    const goals = this.t.goals;
    return this.fill(readsAsNumber(value) ? goals.numberEntry : goals.wordsEntry, {
      name,
      value,
    });
  }

  scoreWords(score: number | null): string {
    return score === null
      ? this.t.groupSection.scoreUndetermined
      : this.fill(this.t.groupSection.score, { score: formatScore(score) });
  }

  /** Clauses joined into one sentence; "" when there are none. */
  joinClauses(parts: readonly string[]): string {
    const text = parts.filter((part) => part !== "").join(this.t.clauseSeparator);
    return text === "" ? "" : text + this.t.sentenceEnd;
  }

  /** 一是…。二是…。 */
  enumerate(items: readonly string[]): string {
    return items
      .map(
        (item, index) =>
          this.fill(this.t.ordinal, { n: chineseNumeral(index + 1) }) + this.sentence(item)
      )
      .join("");
  }

  /** （一）, （二）… before a heading of 一、绩效自评情况. */
  sectionNumber(n: number): string {
    return this.fill(this.t.sectionNumber, { n: chineseNumeral(n) });
  }

  /** （1）, （2）… before an item of a group's section. */
  itemNumber(n: number): string {
    return this.fill(this.t.itemNumber, { n: String(n) });
  }

  /**
   * The measure for an indicator: its 二级指标 (数量指标, 时效指标, 社会效益指标…) says what it is
   * about before its own name does (老年人生活质量 is a 效益, not a 质量, indicator).
   */
  keywordMeasure(indicator: FormIndicator): string {
    const levels = [
      indicator.path.slice(1).reverse(),
      [indicator.name],
      indicator.path.slice(0, 1),
    ];
    for (const names of levels) {
      if (names.length === 0) continue;
      const measure = this.measureFor(names);
      if (measure !== null) return measure;
    }
    return this.t.measures.default;
  }

  /** The first keyword rule any of the names matches ("数$": ends with 数), or null. */
  measureFor(names: readonly string[]): string | null {
    const texts = names.map((name) => this.clause(name));
    for (const rule of this.t.measures.byKeyword) {
      const matches = rule.keywords.some((keyword) =>
        texts.some((text) =>
          /\$$/.test(keyword)
            ? text.slice(-(keyword.length - 1)) === keyword.slice(0, -1)
            : text.indexOf(keyword) >= 0
        )
      );
      if (matches) return rule.measure;
    }
    return null;
  }
}
