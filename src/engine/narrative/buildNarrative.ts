/**
 * The 自评表说明 of one scored form, in the outline of the 2024 seed report: 一、绩效自评情况
 * (goals, conclusion, one section per top-level group), 二、存在的主要问题, 三、下一步改进措施.
 * This file decides what is said; the words — every one from the template — are narrativeWording's,
 * and issueWording's for 二 and 三.
 */
import type { ScoredForm } from "../score/scoreForm";
import type { FormGroup, FormIndicator } from "../report/schema";
import { formatScore, sum2 } from "../score/round";
import { sameStrings } from "../values/sameStrings";
import {
  computedForBlankScore,
  findNarrativeIssues,
  pointsLost,
  scoresBeforeDeviation,
} from "./findNarrativeIssues";
import { measureText, problemText } from "./issueWording";
import {
  narrativeTemplateFor,
  type NarrativeTemplate,
  type NarrativeTemplateOverride,
} from "./narrativeTemplate";
import type { ScoreResult } from "../scoreWorkbook";
import { cleanText, formatAmount, formatPercent } from "./narrativeText";
import { Wording } from "./narrativeWording";
import type { NarrativeBlock, NarrativeDocument } from "./types";

/** Points taken by score changes, in all. */
function changed(changes: ReadonlyArray<{ before: number; after: number }>): number {
  return changes.reduce((sum, change) => sum + change.before - change.after, 0);
}

/** A sub-group's score as its indicators' known scores add up, those that do not apply left out. */
function withIndicatorScores(item: SubItem): SubItem {
  const applicable = item.indicators.filter((indicator) => indicator.kind !== "not-applicable");
  const known = applicable
    .map((indicator) => indicator.score)
    .filter((score): score is number => score !== null);
  return {
    ...item,
    score: known.length > 0 ? sum2(known) : null,
    complete: known.length === applicable.length,
  };
}

/** One narrative per form, each worded by the template its form's profile names. */
export function buildNarrative(form: ScoredForm, template: NarrativeTemplate): NarrativeDocument {
  return new NarrativeWriter(form, template).write();
}

interface SubItem {
  readonly name: string;
  /** False for a sub-group the report has no group for (its 分值 is stated nowhere). */
  readonly grouped?: boolean;
  readonly max: number | null;
  readonly score: number | null;
  readonly complete: boolean;
  readonly indicators: readonly FormIndicator[];
  /** An indicator of its own that does not apply. */
  readonly notApplicable?: boolean;
}

class NarrativeWriter {
  private readonly blocks: NarrativeBlock[] = [];
  private readonly t: NarrativeTemplate;
  private readonly w: Wording;
  private readonly tolerance: number;
  private sectionNumber = 0;
  /** A form of thousands of indicators reads like the results sheet: only what needs saying. */
  private readonly brief: boolean;
  /** Indicators whose score was computed because the 自评得分 cell is blank (found once). */
  private readonly computed: readonly FormIndicator[];
  private readonly blankScores: ReadonlySet<FormIndicator>;
  /** Groups by their path joined with U+0000, looked up once per sub-group item. */
  private readonly groupByKey = new Map<string, FormGroup>();
  /** Scores before a 指标偏离 deduction, by row. */
  private readonly beforeDeviation: ReadonlyMap<number, number>;

  constructor(
    private readonly form: ScoredForm,
    template: NarrativeTemplate
  ) {
    this.t = template;
    this.w = new Wording(template, form);
    this.computed = computedForBlankScore(form);
    this.blankScores = new Set(this.computed);
    this.beforeDeviation = scoresBeforeDeviation(form);
    this.brief = form.indicators.length > template.limits.detailedIndicators;
    form.groups.forEach((group) => this.groupByKey.set(group.path.join("\u0000"), group));
    this.tolerance = form.profile.tolerance;
  }

  write(): NarrativeDocument {
    const t = this.t;
    const w = this.w;
    // "2024年高标准农田建设项目" already says the year; the title should not say it twice.
    const projectName = this.form.summary.projectName ?? "";
    const year = w.base.year as string;
    const yearInName = year !== "" && projectName.indexOf(year) >= 0;
    this.blocks.push({ kind: "title", text: w.fill(t.title, yearInName ? { year: null } : {}) });
    this.blocks.push({ kind: "heading", level: 1, text: t.sections.evaluation });
    this.writeGoals();
    this.writeConclusion();
    this.writeBudget();
    this.writeGroupSections();
    const issues = findNarrativeIssues(this.form, {
      tolerance: this.tolerance,
      measurableNameEndings: t.measurableNameEndings,
      lostPointsItems: t.limits.lostPointsItems,
      unmeasurableNameEndings: t.unmeasurableNameEndings,
      computedForBlankScore: this.computed,
    });
    const scope = { w, form: this.form };
    this.blocks.push({ kind: "heading", level: 1, text: t.sections.problems });
    this.paragraph(
      issues.length === 0
        ? t.problems.none
        : w.enumerate(issues.map((issue) => problemText(issue, scope)))
    );
    this.blocks.push({ kind: "heading", level: 1, text: t.sections.measures });
    this.paragraph(
      issues.length === 0
        ? t.measures.none
        : w.enumerate(issues.map((issue) => measureText(issue, scope)))
    );
    return { blocks: this.blocks };
  }

  // ---- 一、绩效自评情况 ----

  private section(heading: string): void {
    this.sectionNumber++;
    this.blocks.push({
      kind: "heading",
      level: 2,
      text: this.w.sectionNumber(this.sectionNumber) + heading,
    });
  }

  private paragraph(text: string): void {
    if (text !== "") this.blocks.push({ kind: "paragraph", text });
  }

  private writeGoals(): void {
    const t = this.t;
    const w = this.w;
    const goal = this.form.detected.info.overallGoal;
    if (goal && (cleanText(goal.expected) !== "" || cleanText(goal.actual) !== "")) {
      this.section(t.overallGoal.heading);
      this.paragraph(
        w.fill(t.overallGoal.expected, {
          text: w.sentence(goal.expected) || t.groupSection.notFilled,
        })
      );
      this.paragraph(
        w.fill(t.overallGoal.actual, { text: w.sentence(goal.actual) || t.groupSection.notFilled })
      );
      return;
    }
    const indicators = this.form.indicators;
    if (indicators.length === 0) return;
    const excluded = t.goals.excludeTopLevel;
    const tasks = indicators.filter(
      (indicator) => indicator.path.length === 0 || excluded.indexOf(indicator.path[0]) < 0
    );
    const chosen = tasks.length > 0 ? tasks : indicators;
    const byParent: Array<{ key: string; label: string; indicators: FormIndicator[] }> = [];
    const entries = new Map<string, (typeof byParent)[number]>();
    let previous: { path: readonly string[]; entry: (typeof byParent)[number] } | null = null;
    chosen.forEach((indicator) => {
      // Siblings follow each other: one with its predecessor's path joins its entry at once,
      // without its path joined into a key (20,000 of them on a large form).
      if (
        previous !== null &&
        indicator.path.length > 0 &&
        sameStrings(previous.path, indicator.path)
      ) {
        previous.entry.indicators.push(indicator);
        return;
      }
      // An indicator without ancestors is its own task.
      const key =
        indicator.path.length > 0 ? indicator.path.join("\u0000") : "\u0001" + indicator.row;
      let entry = entries.get(key);
      if (!entry) {
        const label =
          indicator.path.length > 0 ? indicator.path[indicator.path.length - 1] : indicator.name;
        entry = { key, label, indicators: [] };
        entries.set(key, entry);
        byParent.push(entry);
      }
      entry.indicators.push(indicator);
      previous = { path: indicator.path, entry };
    });
    this.section(t.goals.heading);
    if (this.brief) {
      this.paragraph(
        w.fill(t.goals.brief, {
          tasks: String(byParent.length),
          count: String(indicators.length),
        })
      );
      return;
    }
    this.paragraph(w.fill(t.goals.intro));
    this.blocks.push({
      kind: "table",
      header: t.goals.columns.slice(),
      rows: byParent.map((entry) => [
        w.clause(entry.label),
        w.joinClauses(entry.indicators.map((indicator) => this.goalTarget(indicator))),
        w.joinClauses(entry.indicators.map((indicator) => this.goalCompletion(indicator))),
      ]),
    });
  }

  private goalTarget(indicator: FormIndicator): string {
    const name = this.w.indicatorName(indicator);
    const target = this.w.targetText(indicator);
    if (target === null) return name + this.t.groupSection.notFilled;
    return this.w.statedValue(name, target);
  }

  private goalCompletion(indicator: FormIndicator): string {
    const name = this.w.indicatorName(indicator);
    const actual = this.w.actualText(indicator);
    if (actual === null) return name + this.t.goals.actualMissing;
    const text = this.w.statedValue(name, actual);
    return indicator.targetMet === false ? text + this.t.goals.targetMissed : text;
  }

  private writeConclusion(): void {
    const t = this.t.conclusion;
    const w = this.w;
    const summary = this.form.summary;
    this.section(t.heading);
    let text =
      summary.total.score !== null && summary.rating !== null
        ? w.fill(t.score, { score: formatScore(summary.total.score), rating: summary.rating })
        : w.fill(t.noScore);
    text += this.ruleSetSentences();
    const topGroups = this.form.groups.filter((group) => group.path.length === 1);
    if (topGroups.length > 0)
      text +=
        t.groupsIntro +
        topGroups.map((group) => this.groupSummary(group)).join(this.t.clauseSeparator) +
        this.t.sentenceEnd;
    text += this.countsSentence();
    const computed = this.computed;
    if (computed.length > 0)
      text +=
        computed
          .map((indicator) =>
            w.fill(t.computed, {
              name: w.indicatorName(indicator),
              score: formatScore(indicator.score as number),
            })
          )
          .join(this.t.clauseSeparator) + this.t.sentenceEnd;
    if (!summary.total.complete && summary.total.score !== null) text += t.incomplete;
    this.paragraph(text);
  }

  /** What the rule set did to the total: rescaling, the 执行率 cap, 指标偏离, 扣分. */
  private ruleSetSentences(): string {
    const t = this.t.conclusion;
    const w = this.w;
    const form = this.form;
    const effects = form.effects;
    const total = form.summary.total;
    const rules = w.clause(form.ruleSet.name);
    let text = "";
    if (effects.rescaled)
      text += w.fill(t.rescaled, {
        n: String(effects.notApplicable.length),
        unscaled:
          effects.rescaled.unscaled === null ? null : formatScore(effects.rescaled.unscaled),
        max: formatScore(effects.rescaled.applicableMax),
        score: this.scoreOrNull(total.uncapped ?? total.score),
      });
    if (effects.cap && effects.cap.uncapped !== null)
      text += w.fill(t.capped, {
        rules,
        rate: formatPercent(effects.cap.rate),
        cap: formatScore(effects.cap.cap),
        uncapped: formatScore(effects.cap.uncapped),
      });
    if (effects.deviations.length > 0 && form.ruleSet.deviation)
      text += w.fill(t.deviation, {
        rules,
        names: w.names(this.rowNames(effects.deviations.map((change) => change.row))),
        excess: formatPercent(form.ruleSet.deviation.atRatio - 1),
        lost: formatScore(changed(effects.deviations)),
      });
    if (effects.deductions.length > 0)
      text += w.fill(t.deduction, {
        rules,
        names: w.names(this.rowNames(effects.deductions.map((change) => change.row))),
        lost: formatScore(changed(effects.deductions)),
      });
    return text;
  }

  private rowNames(rows: readonly number[]): string[] {
    return rows
      .map((row) => this.form.indicators.filter((indicator) => indicator.row === row)[0])
      .filter((indicator) => indicator !== undefined)
      .map((indicator) => this.w.indicatorName(indicator));
  }

  private scoreOrNull(score: number | null | undefined): string | null {
    return score === null || score === undefined ? null : formatScore(score);
  }

  private groupSummary(group: FormGroup): string {
    const t = this.t.conclusion;
    const w = this.w;
    const isBudget = this.form.summary.budget !== null && group === this.form.groups[0];
    const name = isBudget ? this.t.budget.groupName : w.clause(group.path[0]);
    // A group weighing 0 is one whose 分值 the form states nowhere (no 分值 column, no label).
    if (group.max === 0 && !isBudget)
      return (
        w.fill(t.groupNoMax, { group: name, score: w.scoreWords(group.score) }) +
        (group.score !== null && !group.complete ? t.groupIncomplete : "")
      );
    if (group.score === null)
      return w.fill(t.groupUndetermined, { group: name, max: formatScore(group.max) });
    return (
      w.fill(t.group, {
        group: name,
        max: formatScore(group.max),
        score: formatScore(group.score),
      }) + (group.complete ? "" : t.groupIncomplete)
    );
  }

  private countsSentence(): string {
    const t = this.t.conclusion;
    const w = this.w;
    // Indicators that do not apply are told apart in the rescaling sentence.
    const indicators = this.form.indicators.filter((i) => i.kind !== "not-applicable");
    if (indicators.length === 0) return "";
    let full = 0;
    let lost = 0;
    // A score entered where the form states no 分值 of the indicator's own (湖北: maxima only in
    // the groups' labels) is known; whether it lost points is not.
    let maxUnknown = 0;
    indicators.forEach((indicator) => {
      if (indicator.score === null) return;
      if (indicator.max === null) maxUnknown++;
      else if (pointsLost(indicator.score, indicator.max, this.tolerance) > 0) lost++;
      else full++;
    });
    const undetermined = indicators.length - full - lost - maxUnknown;
    const count = String(indicators.length);
    if (full === indicators.length) return w.fill(t.allFull, { count });
    const parts: string[] = [];
    if (full > 0) parts.push(w.fill(t.countFull, { n: String(full) }));
    if (lost > 0) parts.push(w.fill(t.countLost, { n: String(lost) }));
    if (maxUnknown > 0) parts.push(w.fill(t.countMaxUnknown, { n: String(maxUnknown) }));
    if (undetermined > 0) parts.push(w.fill(t.countUndetermined, { n: String(undetermined) }));
    return w.fill(t.counts, { count, parts: parts.join(this.t.phraseSeparator) });
  }

  private writeBudget(): void {
    const budget = this.form.summary.budget;
    if (!budget) return;
    this.section(this.t.budget.heading);
    const amount = (value: number | null): string | null =>
      value === null ? null : formatAmount(value);
    this.paragraph(
      this.w.fill(this.t.budget.text, {
        initial: amount(budget.amounts.initialBudget),
        budget: amount(budget.amounts.budget),
        executed: amount(budget.amounts.executed),
        rate: budget.rate === null ? null : formatPercent(budget.rate),
        max: budget.max === null ? null : formatScore(budget.max),
        score: this.w.scoreWords(budget.score),
        // The amounts as the block states them, in its unit: 万元 on the national form (财预〔2020〕
        // 10号 附1 项目资金（万元）), which a block stating none is taken to use.
        money: budget.unit ?? this.t.budget.defaultUnit,
      })
    );
  }

  private writeGroupSections(): void {
    const t = this.t.groupSection;
    // The indicators by top level, in the order the levels first appear, in one pass.
    const topLevels: string[] = [];
    const byTop = new Map<string, FormIndicator[]>();
    const ungrouped: FormIndicator[] = [];
    this.form.indicators.forEach((indicator) => {
      if (indicator.path.length === 0) {
        ungrouped.push(indicator);
        return;
      }
      const top = indicator.path[0];
      let list = byTop.get(top);
      if (list === undefined) {
        byTop.set(top, (list = []));
        topLevels.push(top);
      }
      list.push(indicator);
    });
    topLevels.forEach((top) => {
      this.section(this.w.fill(t.heading, { group: this.w.clause(top) }));
      this.writeItems(byTop.get(top) as FormIndicator[], 1);
    });
    if (ungrouped.length > 0) {
      this.section(this.w.fill(t.heading, { group: t.ungrouped }));
      this.writeItems(ungrouped, 0);
    }
  }

  /** （1）（2）… one per sub-group at `depth` of the path, or per indicator where there is none. */
  private writeItems(indicators: readonly FormIndicator[], depth: number): void {
    const w = this.w;
    const t = this.t.groupSection;
    const items: SubItem[] = [];
    const byName = new Map<string, SubItem & { indicators: FormIndicator[] }>();
    indicators.forEach((indicator) => {
      if (indicator.path.length <= depth && indicator.kind === "not-applicable") {
        items.push({
          name: indicator.name,
          max: indicator.max,
          score: null,
          complete: true,
          indicators: [indicator],
          notApplicable: true,
        });
        return;
      }
      if (indicator.path.length <= depth) {
        items.push({
          name: indicator.name,
          max: indicator.max,
          score: indicator.score,
          complete: true,
          indicators: [indicator],
        });
        return;
      }
      // Every indicator here shares the path above `depth` (writeGroupSections hands them over by
      // their top level): its name at `depth` tells its item, the path is joined once per item.
      const name = indicator.path[depth];
      let item = byName.get(name);
      if (!item) {
        const group = this.groupByKey.get(indicator.path.slice(0, depth + 1).join("\u0000"));
        item = {
          name,
          // 0 is the weight of a group whose 分值 is stated nowhere: unknown, not nothing.
          max: group && group.max > 0 ? group.max : null,
          score: group ? group.score : null,
          complete: group ? group.complete : false,
          indicators: [],
          grouped: group !== undefined,
        };
        byName.set(name, item);
        items.push(item);
      }
      item.indicators.push(indicator);
    });
    // A sub-group the form states no 分值 for (湖北: only its 一级 label has one) is no group of the
    // report's; its score is still what its indicators' entered scores add up to.
    const scored = items.map((item) => (item.grouped === false ? withIndicatorScores(item) : item));
    const brief = this.brief;
    let number = 0;
    let quiet = 0;
    scored.forEach((item) => {
      // Looked for once: in brief, the indicators said one by one, and an item without any is
      // only counted.
      const detailed = brief
        ? item.indicators.filter((indicator) => this.hasSomethingToSay(indicator))
        : item.indicators;
      if (brief && detailed.length === 0) {
        quiet++;
        return;
      }
      const numbered = w.itemNumber(++number);
      if (item.notApplicable || item.indicators.every((i) => i.kind === "not-applicable")) {
        this.paragraph(numbered + this.notApplicableItem(item));
        return;
      }
      const head = w.fill(item.max === null ? t.itemNoMax : t.item, {
        name: w.clause(item.name) || w.unnamed(item.indicators[0]),
        max: item.max === null ? null : formatScore(item.max),
        score:
          w.scoreWords(item.score) +
          (item.score !== null && !item.complete ? this.t.conclusion.groupIncomplete : ""),
      });
      const body = detailed.map((indicator) => this.indicatorClause(indicator));
      const others = item.indicators.length - detailed.length;
      if (others > 0) body.push(w.fill(t.othersFull, { n: String(others) }));
      this.paragraph(numbered + head + w.joinClauses(body));
    });
    if (quiet > 0) this.paragraph(w.fill(t.othersItemsFull, { n: String(quiet) }));
  }

  /** "就业率，分值30分，不适用，不予考核。", or "社会效益指标中的就业率…" for a sub-group. */
  private notApplicableItem(item: SubItem): string {
    const w = this.w;
    const own = item.indicators.length === 1 && item.indicators[0].name === item.name;
    // A row struck out whole ("指标1:/") has no name to give: its sub-group names it.
    const named = item.indicators.filter((indicator) => w.ownName(indicator) !== "");
    const names = w.indicatorNames(named);
    const label = w.clause(item.name);
    const maxima = item.indicators.map((indicator) => indicator.max);
    const max = maxima.every((m): m is number => m !== null)
      ? formatScore(maxima.reduce((sum, m) => sum + m, 0))
      : null;
    return w.fill(this.t.groupSection.itemNotApplicable, {
      name:
        own || label === ""
          ? names || w.indicatorNames(item.indicators)
          : named.length === 0
            ? label
            : label + this.t.groupSection.memberOf + names,
      max,
    });
  }

  /** Points lost, a target missed, a value missing or a score not as entered. */
  private hasSomethingToSay(indicator: FormIndicator): boolean {
    return (
      indicator.scoreSource !== "entered" ||
      indicator.targetMet === false ||
      indicator.target === null ||
      indicator.actual === null ||
      indicator.kind === "not-applicable" ||
      pointsLost(indicator.score, indicator.max, this.tolerance) > 0
    );
  }

  private indicatorClause(indicator: FormIndicator): string {
    const t = this.t.groupSection;
    const w = this.w;
    if (indicator.kind === "not-applicable")
      return w.fill(t.notApplicable, { name: w.indicatorName(indicator) });
    let text = w.fill(t.indicator, {
      name: w.indicatorName(indicator),
      target: w.valuePhrase(w.targetText(indicator)),
      actual: w.valuePhrase(w.actualText(indicator)),
    });
    if (indicator.scoreSource === "computed" && indicator.score !== null)
      text += w.fill(this.blankScores.has(indicator) ? t.computed : t.computedInvalid, {
        score: formatScore(indicator.score),
      });
    // A 指标偏离 deduction is said as such; only what completion lost is "扣…分".
    const before = this.beforeDeviation.get(indicator.row);
    const lost = pointsLost(before ?? indicator.score, indicator.max, this.tolerance);
    if (lost > 0) text += w.fill(t.lost, { lost: formatScore(lost) });
    const deviation = this.form.ruleSet.deviation;
    if (before !== undefined && indicator.score !== null && deviation)
      text += w.fill(t.deviation, {
        excess: formatPercent(deviation.atRatio - 1),
        lost: formatScore(before - indicator.score),
      });
    // "But full marks" only where the 分值 is known: without it, the miss is all there is to say.
    if (lost === 0 && indicator.targetMet === false && indicator.score !== null)
      text += indicator.max !== null ? t.missedButFull : t.missed;
    const reason = w.reasonText(indicator);
    if (reason !== "" && (lost > 0 || indicator.targetMet === false))
      text += w.fill(t.reason, { reason });
    else if (lost > 0 || indicator.targetMet === false) text += t.reasonMissing;
    return text;
  }
}

/** The narratives of every form of a scoring run, each in its own profile's wording. */
export function buildNarratives(
  result: ScoreResult,
  override: NarrativeTemplateOverride | null = null
): NarrativeDocument[] {
  return result.forms.map((form) =>
    buildNarrative(form, narrativeTemplateFor(form.profile.id, override))
  );
}
