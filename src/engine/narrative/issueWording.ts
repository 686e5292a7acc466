/**
 * 二、存在的主要问题 and 三、下一步改进措施, worded issue by issue: each kind of issue has its
 * problem and its measure side by side, so a new kind is worded in one place, both ways.
 */
import type { Problem, FieldName } from "../validate/problem";
import { formatScore } from "../score/round";
import type { ScoredForm } from "../score/scoreForm";
import type { DisagreementEntry, MissingEntry, NarrativeIssue } from "./findNarrativeIssues";
import { formatPercent } from "./narrativeText";
import type { Wording } from "./narrativeWording";

type IssueKind = NarrativeIssue["kind"];
type IssueOf<K extends IssueKind> = Extract<NarrativeIssue, { readonly kind: K }>;

/** What an issue's wording may draw on besides the issue: the words, and the form's rule set. */
interface IssueScope {
  readonly w: Wording;
  readonly form: ScoredForm;
}

interface IssueWords<K extends IssueKind> {
  /** The sentence of 二、存在的主要问题. */
  readonly problem: (issue: IssueOf<K>, scope: IssueScope) => string;
  /** The sentence of 三、下一步改进措施. */
  readonly measure: (issue: IssueOf<K>, scope: IssueScope) => string;
}

const ISSUE_WORDS: { readonly [K in IssueKind]: IssueWords<K> } = {
  "lost-points": {
    problem: (issue, { w }) => {
      const t = w.t.problems;
      const indicator = issue.indicator;
      const values = {
        name: w.indicatorName(indicator),
        target: w.valuePhrase(w.targetText(indicator)),
        actual: w.valuePhrase(w.actualText(indicator)),
        lost: formatScore(issue.lost),
        score: indicator.score === null ? null : formatScore(indicator.score),
        max: indicator.max === null ? null : formatScore(indicator.max),
      };
      const head = w.fill(indicator.targetMet === false ? t.lostPoints : t.lostPointsOther, values);
      const reason = w.reasonText(indicator);
      return head + (reason !== "" ? w.fill(t.reason, { reason }) : t.reasonMissing);
    },
    measure: (issue, { w }) => {
      const t = w.t.measures;
      const indicator = issue.indicator;
      const reasonMissing = w.reasonText(indicator) === "";
      return (
        w.fill(indicator.targetMet === false ? t.lostPoints : t.lostPointsOther, {
          name: w.indicatorName(indicator),
          measure: w.keywordMeasure(indicator),
        }) + (reasonMissing ? t.reasonMissing : "")
      );
    },
  },
  "more-lost": {
    problem: (issue, { w }) => w.fill(w.t.problems.moreLost, { n: String(issue.count) }),
    measure: (_issue, { w }) => w.t.measures.moreLost,
  },
  budget: {
    problem: (issue, { w }) =>
      w.fill(w.t.problems.budget, {
        rate: issue.budget.rate === null ? null : formatPercent(issue.budget.rate),
        lost: formatScore(issue.lost),
      }),
    measure: (_issue, { w }) =>
      w.fill(w.t.measures.budget, {
        measure: w.measureFor([w.t.budget.groupName]) ?? w.t.measures.default,
      }),
  },
  "execution-cap": {
    problem: (issue, { w, form }) =>
      w.fill(w.t.problems.executionCap, {
        rules: w.clause(form.ruleSet.name),
        rate: formatPercent(issue.rate),
        cap: formatScore(issue.cap),
        uncapped: formatScore(issue.uncapped),
        lost: formatScore(issue.uncapped - issue.cap),
      }),
    measure: (_issue, { w }) => w.t.measures.executionCap,
  },
  deviation: {
    problem: (issue, { w, form }) =>
      w.fill(w.t.problems.deviation, {
        rules: w.clause(form.ruleSet.name),
        names: w.indicatorNames(issue.indicators),
        excess: formatPercent(issue.excess),
        lost: formatScore(issue.lost),
      }),
    measure: (issue, { w }) =>
      w.fill(w.t.measures.deviation, { names: w.indicatorNames(issue.indicators) }),
  },
  "over-completion": {
    problem: (issue, { w, form }) =>
      w.fill(w.t.problems.overCompletion, { names: w.indicatorNames(issue.indicators) }) +
      (issue.reasonMissing.length > 0
        ? w.fill(w.t.problems.overCompletionReason, {
            names: w.indicatorNames(issue.reasonMissing),
            rules: w.clause(form.ruleSet.name),
          })
        : ""),
    measure: (issue, { w }) =>
      w.fill(w.t.measures.overCompletion, { names: w.indicatorNames(issue.indicators) }) +
      (issue.reasonMissing.length > 0 ? w.t.measures.overCompletionReason : ""),
  },
  "score-ahead": {
    problem: (issue, { w }) =>
      w.fill(w.t.problems.scoreAhead, {
        scoreRate: formatPercent(issue.scoreRate),
        rate: formatPercent(issue.rate),
      }),
    measure: (_issue, { w }) => w.t.measures.scoreAhead,
  },
  "budget-reason": {
    problem: (issue, { w, form }) =>
      w.fill(w.t.problems.budgetReason, {
        rules: w.clause(form.ruleSet.name),
        rate: formatPercent(issue.rate),
        threshold: formatPercent(issue.threshold),
      }),
    measure: (_issue, { w }) => w.t.measures.budgetReason,
  },
  "not-applicable": {
    problem: (issue, { w }) =>
      w.fill(w.t.problems.notApplicable, { names: w.indicatorNames(issue.indicators) }),
    measure: (_issue, { w }) => w.t.measures.notApplicable,
  },
  disagreement: {
    problem: (issue, { w }) =>
      w.fill(w.t.problems.disagreement, {
        items: issue.entries.map((entry) => disagreementText(entry, w)).join(w.t.clauseSeparator),
      }),
    measure: (issue, { w }) =>
      w.fill(w.t.measures.disagreement, {
        names: w.names(issue.entries.map((entry) => w.clause(entry.name))),
      }),
  },
  missing: {
    problem: (issue, { w }) => {
      const t = w.t.problems;
      const items = issue.entries
        .map((entry) =>
          w.fill(t.missingItem, {
            name: missingName(entry, w),
            fields: entry.fields.map((field) => w.t.fields[field] ?? field).join(w.t.listSeparator),
          })
        )
        .concat(
          issue.computed.map((indicator) =>
            w.fill(t.computedItem, {
              name: w.indicatorName(indicator),
              score: formatScore(indicator.score as number),
            })
          )
        );
      return w.fill(t.missing, { items: items.join(w.t.clauseSeparator) });
    },
    measure: (issue, { w }) =>
      w.fill(w.t.measures.missing, {
        names: w.names(
          issue.entries
            .map((entry) => missingName(entry, w))
            .concat(issue.computed.map((indicator) => w.indicatorName(indicator)))
        ),
      }),
  },
  vague: {
    problem: (issue, { w }) =>
      w.fill(w.t.problems.vague, {
        items: issue.indicators
          .map((indicator) =>
            w.fill(w.t.problems.vagueItem, {
              name: w.indicatorName(indicator),
              target: w.targetText(indicator) ?? "",
            })
          )
          .join(w.t.clauseSeparator),
      }),
    measure: (issue, { w }) =>
      w.fill(w.t.measures.vague, {
        names: w.names(issue.indicators.map((indicator) => w.indicatorName(indicator))),
      }),
  },
  "input-errors": {
    problem: (issue, { w }) => {
      const limit = w.t.limits.namesPerItem;
      const items = issue.faults.slice(0, limit).map((fault) => faultText(fault, w));
      const more =
        issue.faults.length > limit
          ? w.fill(w.t.problems.moreFaults, { n: String(issue.faults.length) })
          : "";
      return w.fill(w.t.problems.inputErrors, { items: items.join(w.t.clauseSeparator) + more });
    },
    measure: (_issue, { w }) => w.t.measures.inputErrors,
  },
};

/** The issue's wording, as 二 and 三 say it. */
function wordsOf(issue: NarrativeIssue): IssueWords<IssueKind> {
  // The table is keyed by kind, so the entry found takes this very issue.
  return ISSUE_WORDS[issue.kind] as unknown as IssueWords<IssueKind>;
}

/** The sentence of 二、存在的主要问题 for one issue. */
export function problemText(issue: NarrativeIssue, scope: IssueScope): string {
  return wordsOf(issue).problem(issue, scope);
}

/** The sentence of 三、下一步改进措施 for one issue. */
export function measureText(issue: NarrativeIssue, scope: IssueScope): string {
  return wordsOf(issue).measure(issue, scope);
}

function missingName(entry: MissingEntry, w: Wording): string {
  return entry.name !== "" ? w.clause(entry.name) : w.unnamed(entry);
}

function disagreementText(entry: DisagreementEntry, w: Wording): string {
  const t = w.t.problems;
  const indicator = entry.indicator;
  const values = {
    name: w.clause(entry.name),
    target: indicator ? w.valuePhrase(indicator.target) : null,
    actual: indicator ? w.valuePhrase(w.actualText(indicator)) : null,
    lost: entry.lost !== undefined ? formatScore(entry.lost) : null,
    entered: entry.entered !== undefined ? formatScore(entry.entered) : null,
    computed: entry.computed !== undefined ? formatScore(entry.computed) : null,
  };
  switch (entry.kind) {
    case "met-but-lost":
      return w.fill(t.metButLost, values);
    case "missed-but-full":
      return w.fill(t.missedButFull, values);
    case "differs":
      return w.fill(t.differs, values);
    case "grade-band":
      return w.fill(t.gradeBand, {
        ...values,
        actual: indicator ? w.actualText(indicator) : null,
        score: entry.score !== undefined ? formatScore(entry.score) : null,
        low: entry.low !== undefined ? formatScore(entry.low) : null,
        high: entry.high !== undefined ? formatScore(entry.high) : null,
      });
  }
}

/** A wrong entry named by its indicator and fault, as a report can say it. */
function faultText(fault: Problem, w: Wording): string {
  const faults = w.t.problems.faults;
  const facts = fault.facts;
  const field = (name: FieldName): string => w.t.fields[name] ?? name;
  const named = (subject: string): string => w.clause(subject) || fault.cell;
  switch (facts.code) {
    case "not-a-number":
      return w.fill(faults["not-a-number"], {
        name: named(facts.subject),
        field: field(facts.field),
        text: w.clause(facts.text),
      });
    case "negative-value":
      return w.fill(faults["negative-value"], {
        name: named(facts.subject),
        field: field(facts.field),
      });
    case "score-exceeds-max":
      return w.fill(faults["score-exceeds-max"], {
        name: named(facts.subject),
        score: formatScore(facts.score),
        max: formatScore(facts.max),
      });
    case "formula-error":
      return w.fill(faults["formula-error"], { cell: fault.cell, error: facts.error });
    case "total-mismatch":
      return w.fill(faults["total-mismatch"], {
        label: w.clause(facts.label),
        field: field(facts.field),
      });
    case "weights-total":
      return w.fill(faults["weights-total"], {
        sum: formatScore(facts.sum),
        expected: formatScore(facts.expected),
      });
    case "group-score-exceeds-max":
      return w.fill(faults["group-score-exceeds-max"], {
        label: w.clause(facts.group.split("/").pop() as string),
        score: formatScore(facts.score),
        max: formatScore(facts.max),
      });
    case "total-exceeds-max":
      return w.fill(faults["total-exceeds-max"], {
        score: formatScore(facts.score),
        max: formatScore(facts.max),
      });
    case "maxima-unknown":
      return w.fill(faults["maxima-unknown"], { max: formatScore(facts.totalMax) });
    case "rate-mismatch":
      return w.fill(faults["rate-mismatch"], {
        stated: formatPercent(facts.stated),
        computed: formatPercent(facts.computed),
      });
    case "unit-mismatch":
      return w.fill(faults["unit-mismatch"], {
        name: named(facts.subject),
        actualUnit: facts.actualUnit,
        targetUnit: facts.targetUnit,
      });
    case "rating-mismatch":
      return w.fill(faults["rating-mismatch"], {
        stated: w.clause(facts.stated),
        computed: facts.computed,
      });
    case "missing-value":
      return w.fill(faults["budget-zero"], { name: named(facts.subject) });
    default:
      return fault.message;
  }
}
