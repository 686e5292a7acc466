/**
 * The 自评表说明 of one scored form, in the outline of the 2024 seed report: 一、绩效自评情况
 * (goals, conclusion, one section per top-level group), 二、存在的主要问题, 三、下一步改进措施.
 * Wording comes from the template; numbers and names from the table.
 */
import type { ScoredForm } from "../score/scoreForm";
import type { FormGroup, FormIndicator } from "../report/schema";
import { formatScore } from "../score/round";
import { chineseNumeral } from "./chineseNumeral";
import { fillTemplate, type TemplateValues } from "./fillTemplate";
import {
  computedForBlankScore,
  findNarrativeIssues,
  pointsLost,
  scoresBeforeDeviation,
  type DisagreementEntry,
  type NarrativeIssue,
} from "./findNarrativeIssues";
import {
  narrativeTemplateFor,
  type NarrativeTemplate,
  type NarrativeTemplateOverride,
} from "./narrativeTemplate";
import type { ScoreResult } from "../scoreWorkbook";
import {
  clause,
  cleanText,
  formatAmount,
  formatPercent,
  readsAsNumber,
  halfWidthNumbers,
  reasonClause,
  sentence,
  withTargetUnit,
} from "./narrativeText";
import type { FieldName, Problem } from "../validate/problem";
import { givesReason } from "../values/givesReason";
import type { NarrativeBlock, NarrativeDocument } from "./types";

/** Points taken by score changes, in all. */
function changed(changes: ReadonlyArray<{ before: number; after: number }>): number {
  return changes.reduce((sum, change) => sum + change.before - change.after, 0);
}

/** One narrative per form, each worded by the template its form's profile names. */
export function buildNarrative(form: ScoredForm, template: NarrativeTemplate): NarrativeDocument {
  return new NarrativeWriter(form, template).write();
}

interface SubItem {
  readonly name: string;
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
  private readonly tolerance: number;
  private readonly base: TemplateValues;
  private sectionNumber = 0;
  /** A form of thousands of indicators reads like the results sheet: only what needs saying. */
  private readonly brief: boolean;
  /** Cell texts repeat ("≥95%", "100%"): each is cleaned once. */
  private readonly clauses = new Map<string, string>();
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
    this.blankScores = new Set(computedForBlankScore(form));
    this.beforeDeviation = scoresBeforeDeviation(form);
    this.brief = form.indicators.length > template.limits.detailedIndicators;
    form.groups.forEach((group) => this.groupByKey.set(group.path.join("\u0000"), group));
    this.tolerance = form.profile.tolerance;
    const summary = form.summary;
    const projectName = summary.projectName ? this.clause(summary.projectName) : "";
    const project =
      projectName === "" ? "项目" : /项目$/.test(projectName) ? projectName : projectName + "项目";
    const partial = {
      unit: summary.unitName ? this.clause(summary.unitName) : "",
      year: summary.year !== null ? String(summary.year) : "",
      project,
    };
    this.base = { ...partial, subject: fillTemplate(template.subject, partial) };
  }

  write(): NarrativeDocument {
    const t = this.t;
    // "2024年高标准农田建设项目" already says the year; the title should not say it twice.
    const projectName = this.form.summary.projectName ?? "";
    const yearInName = this.base.year !== "" && projectName.indexOf(this.base.year as string) >= 0;
    this.blocks.push({ kind: "title", text: this.fill(t.title, yearInName ? { year: null } : {}) });
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
    });
    this.blocks.push({ kind: "heading", level: 1, text: t.sections.problems });
    this.paragraph(
      issues.length === 0
        ? t.problems.none
        : this.enumerate(issues.map((issue) => this.problemText(issue)))
    );
    this.blocks.push({ kind: "heading", level: 1, text: t.sections.measures });
    this.paragraph(
      issues.length === 0
        ? t.measures.none
        : this.enumerate(issues.map((issue) => this.measureText(issue)))
    );
    return { blocks: this.blocks };
  }

  // ---- 一、绩效自评情况 ----

  private section(heading: string): void {
    this.sectionNumber++;
    this.blocks.push({
      kind: "heading",
      level: 2,
      text: "（" + chineseNumeral(this.sectionNumber) + "）" + heading,
    });
  }

  private paragraph(text: string): void {
    if (text !== "") this.blocks.push({ kind: "paragraph", text });
  }

  private writeGoals(): void {
    const t = this.t;
    const goal = this.form.detected.info.overallGoal;
    if (goal && (cleanText(goal.expected) !== "" || cleanText(goal.actual) !== "")) {
      this.section(t.overallGoal.heading);
      this.paragraph(
        this.fill(t.overallGoal.expected, {
          text: sentence(goal.expected) || t.groupSection.notFilled,
        })
      );
      this.paragraph(
        this.fill(t.overallGoal.actual, { text: sentence(goal.actual) || t.groupSection.notFilled })
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
    chosen.forEach((indicator) => {
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
    });
    this.section(t.goals.heading);
    if (this.brief) {
      this.paragraph(
        this.fill(t.goals.brief, {
          tasks: String(byParent.length),
          count: String(indicators.length),
        })
      );
      return;
    }
    this.paragraph(this.fill(t.goals.intro));
    this.blocks.push({
      kind: "table",
      header: t.goals.columns.slice(),
      rows: byParent.map((entry) => [
        this.clause(entry.label),
        this.joinClauses(entry.indicators.map((indicator) => this.goalTarget(indicator))),
        this.joinClauses(entry.indicators.map((indicator) => this.goalCompletion(indicator))),
      ]),
    });
  }

  private goalTarget(indicator: FormIndicator): string {
    const name = this.indicatorName(indicator);
    const target = this.targetText(indicator);
    if (target === null) return name + this.t.groupSection.notFilled;
    return readsAsNumber(target) ? name + target : name + "：" + target;
  }

  private goalCompletion(indicator: FormIndicator): string {
    const name = this.indicatorName(indicator);
    const actual = this.actualText(indicator);
    if (actual === null) return name + this.t.goals.actualMissing;
    const text = readsAsNumber(actual) ? name + actual : name + "：" + actual;
    return indicator.targetMet === false ? text + this.t.goals.targetMissed : text;
  }

  private writeConclusion(): void {
    const t = this.t.conclusion;
    const summary = this.form.summary;
    this.section(t.heading);
    let text =
      summary.total.score !== null && summary.rating !== null
        ? this.fill(t.score, { score: formatScore(summary.total.score), rating: summary.rating })
        : this.fill(t.noScore);
    text += this.ruleSetSentences();
    const topGroups = this.form.groups.filter((group) => group.path.length === 1);
    if (topGroups.length > 0)
      text +=
        t.groupsIntro +
        topGroups.map((group) => this.groupSummary(group)).join(this.t.clauseSeparator) +
        "。";
    text += this.countsSentence();
    const computed = computedForBlankScore(this.form);
    if (computed.length > 0)
      text +=
        computed
          .map((indicator) =>
            this.fill(t.computed, {
              name: this.indicatorName(indicator),
              score: formatScore(indicator.score as number),
            })
          )
          .join(this.t.clauseSeparator) + "。";
    if (!summary.total.complete && summary.total.score !== null) text += t.incomplete;
    this.paragraph(text);
  }

  /** What the rule set did to the total: rescaling, the 执行率 cap, 指标偏离, 扣分. */
  private ruleSetSentences(): string {
    const t = this.t.conclusion;
    const form = this.form;
    const effects = form.effects;
    const total = form.summary.total;
    const rules = this.clause(form.ruleSet.name);
    let text = "";
    if (effects.rescaled)
      text += this.fill(t.rescaled, {
        n: String(effects.notApplicable.length),
        unscaled:
          effects.rescaled.unscaled === null ? null : formatScore(effects.rescaled.unscaled),
        max: formatScore(effects.rescaled.applicableMax),
        score: this.scoreOrNull(total.uncapped ?? total.score),
      });
    if (effects.cap && effects.cap.uncapped !== null)
      text += this.fill(t.capped, {
        rules,
        rate: formatPercent(effects.cap.rate),
        cap: formatScore(effects.cap.cap),
        uncapped: formatScore(effects.cap.uncapped),
      });
    if (effects.deviations.length > 0 && form.ruleSet.deviation)
      text += this.fill(t.deviation, {
        rules,
        names: this.names(this.rowNames(effects.deviations.map((change) => change.row))),
        excess: formatPercent(form.ruleSet.deviation.atRatio - 1),
        lost: formatScore(changed(effects.deviations)),
      });
    if (effects.deductions.length > 0)
      text += this.fill(t.deduction, {
        rules,
        names: this.names(this.rowNames(effects.deductions.map((change) => change.row))),
        lost: formatScore(changed(effects.deductions)),
      });
    return text;
  }

  private rowNames(rows: readonly number[]): string[] {
    return rows
      .map((row) => this.form.indicators.filter((indicator) => indicator.row === row)[0])
      .filter((indicator) => indicator !== undefined)
      .map((indicator) => this.indicatorName(indicator));
  }

  private scoreOrNull(score: number | null | undefined): string | null {
    return score === null || score === undefined ? null : formatScore(score);
  }

  private groupSummary(group: FormGroup): string {
    const t = this.t.conclusion;
    const isBudget = this.form.summary.budget !== null && group === this.form.groups[0];
    const name = isBudget ? this.t.budget.groupName : this.clause(group.path[0]);
    if (group.score === null)
      return this.fill(t.groupUndetermined, { group: name, max: formatScore(group.max) });
    return (
      this.fill(t.group, {
        group: name,
        max: formatScore(group.max),
        score: formatScore(group.score),
      }) + (group.complete ? "" : t.groupIncomplete)
    );
  }

  private countsSentence(): string {
    const t = this.t.conclusion;
    // Indicators that do not apply are told apart in the rescaling sentence.
    const indicators = this.form.indicators.filter((i) => i.kind !== "not-applicable");
    if (indicators.length === 0) return "";
    let full = 0;
    let lost = 0;
    indicators.forEach((indicator) => {
      if (indicator.score === null || indicator.max === null) return;
      if (pointsLost(indicator.score, indicator.max, this.tolerance) > 0) lost++;
      else full++;
    });
    const undetermined = indicators.length - full - lost;
    const count = String(indicators.length);
    if (full === indicators.length) return this.fill(t.allFull, { count });
    const parts: string[] = [];
    if (full > 0) parts.push(this.fill(t.countFull, { n: String(full) }));
    if (lost > 0) parts.push(this.fill(t.countLost, { n: String(lost) }));
    if (undetermined > 0) parts.push(this.fill(t.countUndetermined, { n: String(undetermined) }));
    return this.fill(t.counts, { count, parts: parts.join("，") });
  }

  private writeBudget(): void {
    const budget = this.form.summary.budget;
    if (!budget) return;
    this.section(this.t.budget.heading);
    const amount = (value: number | null): string | null =>
      value === null ? null : formatAmount(value);
    this.paragraph(
      this.fill(this.t.budget.text, {
        initial: amount(budget.amounts.initialBudget),
        budget: amount(budget.amounts.budget),
        executed: amount(budget.amounts.executed),
        rate: budget.rate === null ? null : formatPercent(budget.rate),
        max: budget.max === null ? null : formatScore(budget.max),
        score: this.scoreWords(budget.score),
      })
    );
  }

  private writeGroupSections(): void {
    const t = this.t.groupSection;
    const topLevels: string[] = [];
    let ungrouped = false;
    this.form.indicators.forEach((indicator) => {
      if (indicator.path.length === 0) ungrouped = true;
      else if (topLevels.indexOf(indicator.path[0]) < 0) topLevels.push(indicator.path[0]);
    });
    topLevels.forEach((top) => {
      this.section(this.fill(t.heading, { group: this.clause(top) }));
      this.writeItems(
        this.form.indicators.filter((indicator) => indicator.path[0] === top),
        1
      );
    });
    if (ungrouped) {
      this.section(this.fill(t.heading, { group: t.ungrouped }));
      this.writeItems(
        this.form.indicators.filter((indicator) => indicator.path.length === 0),
        0
      );
    }
  }

  /** （1）（2）… one per sub-group at `depth` of the path, or per indicator where there is none. */
  private writeItems(indicators: readonly FormIndicator[], depth: number): void {
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
      const path = indicator.path.slice(0, depth + 1);
      const key = path.join("\u0000");
      let item = byName.get(key);
      if (!item) {
        const group = this.groupByKey.get(key);
        item = {
          name: path[depth],
          max: group ? group.max : null,
          score: group ? group.score : null,
          complete: group ? group.complete : false,
          indicators: [],
        };
        byName.set(key, item);
        items.push(item);
      }
      item.indicators.push(indicator);
    });
    const brief = this.brief;
    let number = 0;
    let quiet = 0;
    items.forEach((item) => {
      if (brief && !item.indicators.some((indicator) => this.hasSomethingToSay(indicator))) {
        quiet++;
        return;
      }
      const index = number++;
      if (item.notApplicable || item.indicators.every((i) => i.kind === "not-applicable")) {
        this.paragraph("（" + (index + 1) + "）" + this.notApplicableItem(item));
        return;
      }
      const head = this.fill(this.t.groupSection.item, {
        name: this.clause(item.name) || this.unnamed(item.indicators[0]),
        max: item.max === null ? this.t.groupSection.notFilled : formatScore(item.max),
        score:
          this.scoreWords(item.score) +
          (item.score !== null && !item.complete ? this.t.conclusion.groupIncomplete : ""),
      });
      const detailed = brief
        ? item.indicators.filter((indicator) => this.hasSomethingToSay(indicator))
        : item.indicators;
      const body = detailed.map((indicator) => this.indicatorClause(indicator));
      const others = item.indicators.length - detailed.length;
      if (others > 0) body.push(this.fill(this.t.groupSection.othersFull, { n: String(others) }));
      this.paragraph("（" + (index + 1) + "）" + head + this.joinClauses(body));
    });
    if (quiet > 0)
      this.paragraph(this.fill(this.t.groupSection.othersItemsFull, { n: String(quiet) }));
  }

  /** "就业率，分值30分，不适用，不予考核。", or "社会效益指标中的就业率…" for a sub-group. */
  private notApplicableItem(item: SubItem): string {
    const own = item.indicators.length === 1 && item.indicators[0].name === item.name;
    const names = this.indicatorNames(item.indicators);
    const label = this.clause(item.name);
    const maxima = item.indicators.map((indicator) => indicator.max);
    const max = maxima.every((m): m is number => m !== null)
      ? formatScore(maxima.reduce((sum, m) => sum + m, 0))
      : null;
    return this.fill(this.t.groupSection.itemNotApplicable, {
      name: own || label === "" ? names : label + this.t.groupSection.memberOf + names,
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
    if (indicator.kind === "not-applicable")
      return this.fill(t.notApplicable, { name: this.indicatorName(indicator) });
    let text = this.fill(t.indicator, {
      name: this.indicatorName(indicator),
      target: this.valuePhrase(this.targetText(indicator)),
      actual: this.valuePhrase(this.actualText(indicator)),
    });
    if (indicator.scoreSource === "computed" && indicator.score !== null)
      text += this.fill(this.blankScores.has(indicator) ? t.computed : t.computedInvalid, {
        score: formatScore(indicator.score),
      });
    // A 指标偏离 deduction is said as such; only what completion lost is "扣…分".
    const before = this.beforeDeviation.get(indicator.row);
    const lost = pointsLost(before ?? indicator.score, indicator.max, this.tolerance);
    if (lost > 0) text += this.fill(t.lost, { lost: formatScore(lost) });
    const deviation = this.form.ruleSet.deviation;
    if (before !== undefined && indicator.score !== null && deviation)
      text += this.fill(t.deviation, {
        excess: formatPercent(deviation.atRatio - 1),
        lost: formatScore(before - indicator.score),
      });
    if (lost === 0 && indicator.targetMet === false && indicator.score !== null)
      text += t.missedButFull;
    const reason = this.reasonText(indicator);
    if (reason !== "" && (lost > 0 || indicator.targetMet === false))
      text += this.fill(t.reason, { reason });
    else if (lost > 0 || indicator.targetMet === false) text += t.reasonMissing;
    return text;
  }

  // ---- 二、存在的主要问题 and 三、下一步改进措施 ----

  private problemText(issue: NarrativeIssue): string {
    const t = this.t.problems;
    switch (issue.kind) {
      case "lost-points": {
        const indicator = issue.indicator;
        const values = {
          name: this.indicatorName(indicator),
          target: this.valuePhrase(this.targetText(indicator)),
          actual: this.valuePhrase(this.actualText(indicator)),
          lost: formatScore(issue.lost),
          score: indicator.score === null ? null : formatScore(indicator.score),
          max: indicator.max === null ? null : formatScore(indicator.max),
        };
        const head = this.fill(
          indicator.targetMet === false ? t.lostPoints : t.lostPointsOther,
          values
        );
        const reason = this.reasonText(indicator);
        return head + (reason !== "" ? this.fill(t.reason, { reason }) : t.reasonMissing);
      }
      case "more-lost":
        return this.fill(t.moreLost, { n: String(issue.count) });
      case "budget":
        return this.fill(t.budget, {
          rate: issue.budget.rate === null ? null : formatPercent(issue.budget.rate),
          lost: formatScore(issue.lost),
        });
      case "execution-cap":
        return this.fill(t.executionCap, {
          rules: this.clause(this.form.ruleSet.name),
          rate: formatPercent(issue.rate),
          cap: formatScore(issue.cap),
          uncapped: formatScore(issue.uncapped),
          lost: formatScore(issue.uncapped - issue.cap),
        });
      case "deviation":
        return this.fill(t.deviation, {
          rules: this.clause(this.form.ruleSet.name),
          names: this.indicatorNames(issue.indicators),
          excess: formatPercent(issue.excess),
          lost: formatScore(issue.lost),
        });
      case "over-completion":
        return (
          this.fill(t.overCompletion, { names: this.indicatorNames(issue.indicators) }) +
          (issue.reasonMissing.length > 0
            ? this.fill(t.overCompletionReason, {
                names: this.indicatorNames(issue.reasonMissing),
                rules: this.clause(this.form.ruleSet.name),
              })
            : "")
        );
      case "score-ahead":
        return this.fill(t.scoreAhead, {
          scoreRate: formatPercent(issue.scoreRate),
          rate: formatPercent(issue.rate),
        });
      case "budget-reason":
        return this.fill(t.budgetReason, {
          rules: this.clause(this.form.ruleSet.name),
          rate: formatPercent(issue.rate),
          threshold: formatPercent(issue.threshold),
        });
      case "not-applicable":
        return this.fill(t.notApplicable, { names: this.indicatorNames(issue.indicators) });
      case "disagreement":
        return this.fill(t.disagreement, {
          items: this.joinList(
            issue.entries.map((entry) => this.disagreementText(entry)),
            this.t.clauseSeparator
          ),
        });
      case "missing": {
        const items = issue.entries
          .map((entry) =>
            this.fill(t.missingItem, {
              name:
                entry.name !== ""
                  ? this.clause(entry.name)
                  : this.fill(t.unnamedIndicator, { row: String(entry.row) }),
              fields: entry.fields
                .map((field) => this.t.fields[field] ?? field)
                .join(this.t.listSeparator),
            })
          )
          .concat(
            issue.computed.map((indicator) =>
              this.fill(t.computedItem, {
                name: this.indicatorName(indicator),
                score: formatScore(indicator.score as number),
              })
            )
          );
        return this.fill(t.missing, { items: this.joinList(items, this.t.clauseSeparator) });
      }
      case "vague":
        return this.fill(t.vague, {
          items: this.joinList(
            issue.indicators.map((indicator) =>
              this.fill(t.vagueItem, {
                name: this.indicatorName(indicator),
                target: this.targetText(indicator) ?? "",
              })
            ),
            this.t.clauseSeparator
          ),
        });
      case "input-errors": {
        const limit = this.t.limits.namesPerItem;
        const items = issue.faults.slice(0, limit).map((fault) => this.faultText(fault));
        const more =
          issue.faults.length > limit
            ? this.fill(t.moreFaults, { n: String(issue.faults.length) })
            : "";
        return this.fill(t.inputErrors, {
          items: items.join(this.t.clauseSeparator) + more,
        });
      }
    }
  }

  private disagreementText(entry: DisagreementEntry): string {
    const t = this.t.problems;
    const indicator = entry.indicator;
    const values = {
      name: this.clause(entry.name),
      target: indicator ? this.valuePhrase(indicator.target) : null,
      actual: indicator ? this.valuePhrase(this.actualText(indicator)) : null,
      lost: entry.lost !== undefined ? formatScore(entry.lost) : null,
      entered: entry.entered !== undefined ? formatScore(entry.entered) : null,
      computed: entry.computed !== undefined ? formatScore(entry.computed) : null,
    };
    switch (entry.kind) {
      case "met-but-lost":
        return this.fill(t.metButLost, values);
      case "missed-but-full":
        return this.fill(t.missedButFull, values);
      case "differs":
        return this.fill(t.differs, values);
      case "grade-band":
        return this.fill(t.gradeBand, {
          ...values,
          actual: indicator ? this.actualText(indicator) : null,
          score: entry.score !== undefined ? formatScore(entry.score) : null,
          low: entry.low !== undefined ? formatScore(entry.low) : null,
          high: entry.high !== undefined ? formatScore(entry.high) : null,
        });
    }
  }

  private measureText(issue: NarrativeIssue): string {
    const t = this.t.measures;
    switch (issue.kind) {
      case "lost-points": {
        const indicator = issue.indicator;
        const reasonMissing = this.reasonText(indicator) === "";
        return (
          this.fill(indicator.targetMet === false ? t.lostPoints : t.lostPointsOther, {
            name: this.indicatorName(indicator),
            measure: this.keywordMeasure(indicator),
          }) + (reasonMissing ? t.reasonMissing : "")
        );
      }
      case "more-lost":
        return t.moreLost;
      case "budget":
        return this.fill(t.budget, {
          measure: this.measureFor([this.t.budget.groupName]) ?? t.default,
        });
      case "execution-cap":
        return t.executionCap;
      case "deviation":
        return this.fill(t.deviation, { names: this.indicatorNames(issue.indicators) });
      case "over-completion":
        return (
          this.fill(t.overCompletion, { names: this.indicatorNames(issue.indicators) }) +
          (issue.reasonMissing.length > 0 ? t.overCompletionReason : "")
        );
      case "score-ahead":
        return t.scoreAhead;
      case "budget-reason":
        return t.budgetReason;
      case "not-applicable":
        return t.notApplicable;
      case "disagreement":
        return this.fill(t.disagreement, {
          names: this.names(issue.entries.map((entry) => this.clause(entry.name))),
        });
      case "missing":
        return this.fill(t.missing, {
          names: this.names(
            issue.entries
              .map((entry) =>
                entry.name !== ""
                  ? this.clause(entry.name)
                  : this.fill(this.t.problems.unnamedIndicator, { row: String(entry.row) })
              )
              .concat(issue.computed.map((indicator) => this.indicatorName(indicator)))
          ),
        });
      case "vague":
        return this.fill(t.vague, {
          names: this.names(issue.indicators.map((indicator) => this.indicatorName(indicator))),
        });
      case "input-errors":
        return t.inputErrors;
    }
  }

  /**
   * The measure for an indicator: its 二级指标 (数量指标, 时效指标, 社会效益指标…) says what it is
   * about before its own name does (老年人生活质量 is a 效益, not a 质量, indicator).
   */
  private keywordMeasure(indicator: FormIndicator): string {
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
  private measureFor(names: readonly string[]): string | null {
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

  // ---- wording helpers ----

  private clause(text: string): string {
    let cleaned = this.clauses.get(text);
    if (cleaned === undefined) {
      cleaned = clause(text);
      this.clauses.set(text, cleaned);
    }
    return cleaned;
  }

  private fill(template: string, values: TemplateValues = {}): string {
    return fillTemplate(template, values, this.base);
  }

  /** Up to the template's limit of indicators by name, then "等". */
  private indicatorNames(indicators: readonly FormIndicator[]): string {
    return this.names(indicators.map((indicator) => this.indicatorName(indicator)));
  }

  private indicatorName(indicator: FormIndicator): string {
    return this.clause(indicator.name) || this.unnamed(indicator);
  }

  private unnamed(indicator: FormIndicator): string {
    return this.fill(this.t.problems.unnamedIndicator, { row: String(indicator.row) });
  }

  /** The actual as the sheet states it, with the target's unit where it was typed bare. */
  private actualText(indicator: FormIndicator): string | null {
    if (indicator.actual === null) return null;
    const actual = halfWidthNumbers(this.clause(indicator.actual));
    return actual === "" ? null : withTargetUnit(actual, indicator.target);
  }

  private targetText(indicator: FormIndicator): string | null {
    if (indicator.target === null) return null;
    const target = halfWidthNumbers(this.clause(indicator.target));
    return target === "" ? null : target;
  }

  /** The deviation reason as the table gives it, ready to quote; "" when there is none. */
  private reasonText(indicator: FormIndicator): string {
    return indicator.reason === null || !givesReason(indicator.reason)
      ? ""
      : reasonClause(indicator.reason);
  }

  /** A wrong entry named by its indicator and fault, as a report can say it. */
  private faultText(fault: Problem): string {
    const faults = this.t.problems.faults;
    const facts = fault.facts;
    const field = (name: FieldName): string => this.t.fields[name] ?? name;
    const named = (subject: string): string => this.clause(subject) || fault.cell;
    switch (facts.code) {
      case "not-a-number":
        return this.fill(faults["not-a-number"], {
          name: named(facts.subject),
          field: field(facts.field),
          text: this.clause(facts.text),
        });
      case "negative-value":
        return this.fill(faults["negative-value"], {
          name: named(facts.subject),
          field: field(facts.field),
        });
      case "score-exceeds-max":
        return this.fill(faults["score-exceeds-max"], {
          name: named(facts.subject),
          score: formatScore(facts.score),
          max: formatScore(facts.max),
        });
      case "formula-error":
        return this.fill(faults["formula-error"], { cell: fault.cell, error: facts.error });
      case "total-mismatch":
        return this.fill(faults["total-mismatch"], {
          label: this.clause(facts.label),
          field: field(facts.field),
        });
      case "weights-total":
        return this.fill(faults["weights-total"], {
          sum: formatScore(facts.sum),
          expected: formatScore(facts.expected),
        });
      case "unit-mismatch":
        return this.fill(faults["unit-mismatch"], {
          name: named(facts.subject),
          actualUnit: facts.actualUnit,
          targetUnit: facts.targetUnit,
        });
      case "rating-mismatch":
        return this.fill(faults["rating-mismatch"], {
          stated: this.clause(facts.stated),
          computed: facts.computed,
        });
      case "missing-value":
        return this.fill(faults["budget-zero"], { name: named(facts.subject) });
      default:
        return fault.message;
    }
  }

  /** "≥95%" stays as it is after its label; "准确" reads "为准确"; a blank reads "未填写". */
  private valuePhrase(value: string | null): string {
    if (value === null || this.clause(value) === "") return this.t.groupSection.notFilled;
    const text = this.clause(value);
    return readsAsNumber(text) ? text : this.t.groupSection.wordsPrefix + text;
  }

  private scoreWords(score: number | null): string {
    return score === null
      ? this.t.groupSection.scoreUndetermined
      : this.fill(this.t.groupSection.score, { score: formatScore(score) });
  }

  private joinClauses(parts: readonly string[]): string {
    const text = parts.filter((part) => part !== "").join(this.t.clauseSeparator);
    return text === "" ? "" : text + "。";
  }

  private joinList(parts: readonly string[], separator: string): string {
    return parts.join(separator);
  }

  /** Up to the template's limit of names, then "等". */
  private names(names: readonly string[]): string {
    const distinct = names.filter((name, index) => names.indexOf(name) === index);
    const limit = this.t.limits.namesPerItem;
    const shown = distinct.slice(0, limit).join(this.t.listSeparator);
    return distinct.length > limit ? shown + "等" : shown;
  }

  /** 一是…。二是…。 */
  private enumerate(items: readonly string[]): string {
    return items
      .map(
        (item, index) =>
          this.fill(this.t.ordinal, { n: chineseNumeral(index + 1) }) + sentence(item)
      )
      .join("");
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
