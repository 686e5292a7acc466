import { chineseNumeral } from "../narrative/chineseNumeral";
import { fillTemplate } from "../narrative/fillTemplate";
import type { NarrativeBlock, NarrativeDocument } from "../narrative/types";
import { formatScore, round2 } from "../score/round";
import { fileNoteText, kindName, riskFactorText } from "./batchMessages";
import wording from "./templates/zh-CN.json";
import type { BatchForm, BatchSummary } from "./types";

/** How many kinds of problem the report names, and how many forms it names for review. */
const PROBLEM_KINDS = 5;
const REVIEW_FORMS = 5;
/** How many files that could not be scored it names before counting the rest. */
const NOT_SCORED_NAMED = 10;

type Wording = typeof wording;

function percent(fraction: number): string {
  return formatScore(fraction * 100) + "%";
}

/** Money as reports write it: at most two decimals, no trailing zeros. */
function money(value: number): string {
  return String(round2(value));
}

/**
 * The years the forms state, for the title: "2024", or "2020—2024" when they differ (the most
 * common year alone would title a batch of 2020–2024 forms "2024年度"). Null when none states one.
 */
function yearSpan(forms: readonly BatchForm[]): string | null {
  let first: number | null = null;
  let last: number | null = null;
  for (const form of forms) {
    if (form.year === null) continue;
    if (first === null || form.year < first) first = form.year;
    if (last === null || form.year > last) last = form.year;
  }
  if (first === null || last === null) return null;
  return first === last ? String(first) : first + "—" + last;
}

function formName(form: BatchForm, text: Wording): { unit: string; project: string } {
  return {
    unit: form.unitName || form.title || form.sheet,
    project:
      form.kind === "department"
        ? ""
        : form.projectName
          ? fillTemplate(text.review.project, { name: form.projectName })
          : "",
  };
}

/**
 * The 汇总分析报告 of a batch, in the register of the 自评表说明: how many forms, the scores and
 * ratings, the problems most forms share and the units to look at, with the units' scores in a
 * table. Drawn from the same summary as the 汇总 workbook, so the numbers agree.
 */
export function buildBatchReport(
  summary: BatchSummary,
  text: Wording = wording
): NarrativeDocument {
  const forms: BatchForm[] = [];
  for (const file of summary.files) for (const form of file.forms) forms.push(form);
  const year = yearSpan(forms);
  const blocks: NarrativeBlock[] = [
    {
      kind: "title",
      text: fillTemplate(text.title, { year }),
    },
    { kind: "heading", level: 1, text: text.sections.overview },
  ];
  const totals = summary.totals;
  const kinds = summary.statistics.byKind
    .map((entry) =>
      fillTemplate(text.overview.kind, { kind: kindName(entry.kind), count: String(entry.count) })
    )
    .join("、");
  blocks.push({
    kind: "paragraph",
    text: fillTemplate(text.overview.files, {
      files: String(totals.files),
      scored: String(totals.scored),
      failed: totals.failed > 0 ? String(totals.failed) : null,
      skipped: totals.skipped > 0 ? String(totals.skipped) : null,
      forms: String(totals.forms),
      kinds: summary.statistics.byKind.length > 1 ? kinds : null,
    }),
  });
  const notScored = summary.files.filter((file) => file.status !== "scored");
  if (notScored.length > 0) {
    const named = notScored.slice(0, NOT_SCORED_NAMED).map((file) =>
      fillTemplate(text.overview.notScoredItem, {
        file: file.file,
        reason: file.notes.map(fileNoteText).join("").replace(/。$/, ""),
      })
    );
    if (notScored.length > NOT_SCORED_NAMED) named.push("等" + notScored.length + "个");
    blocks.push({
      kind: "paragraph",
      text: fillTemplate(text.overview.notScored, { list: named.join("；") }),
    });
  }
  if (forms.length === 0) {
    blocks.push({ kind: "paragraph", text: text.overview.none });
    return { blocks };
  }

  blocks.push({ kind: "heading", level: 1, text: text.sections.results });
  const stats = summary.statistics;
  if (stats.score.count > 0)
    blocks.push({
      kind: "paragraph",
      text: fillTemplate(text.results.scores, {
        count: String(stats.score.count),
        mean: formatScore(stats.score.mean as number),
        max: formatScore(stats.score.max as number),
        min: formatScore(stats.score.min as number),
        spread: stats.score.count > 1 ? formatScore(stats.score.standardDeviation as number) : null,
        leftOut: stats.scoreLeftOut > 0 ? String(stats.scoreLeftOut) : null,
      }),
    });
  const rated = stats.byRating.filter((entry) => entry.count > 0);
  if (rated.length > 0 || stats.unrated > 0)
    blocks.push({
      kind: "paragraph",
      text: fillTemplate(text.results.ratings, {
        parts: rated
          .map((entry) =>
            fillTemplate(text.results.rating, { rating: entry.rating, count: String(entry.count) })
          )
          .join("、"),
        unrated: stats.unrated > 0 ? String(stats.unrated) : null,
      }),
    });
  // The same figures as the 汇总表's 合计 row: only forms stating both amounts.
  const funds = stats.funds;
  if (funds.rate !== null)
    blocks.push({
      kind: "paragraph",
      text: fillTemplate(text.results.budget, {
        forms: String(funds.forms),
        budget: money(funds.budget),
        executed: money(funds.executed),
        rate: percent(funds.rate),
        leftOut: funds.leftOut > 0 ? String(funds.leftOut) : null,
      }),
    });
  blocks.push({ kind: "paragraph", text: text.results.tableIntro });
  blocks.push({
    kind: "table",
    header: text.results.columns,
    rows: forms.map((form, index) => [
      String(index + 1),
      form.unitName || form.sheet,
      form.kind === "department" ? text.results.department : form.projectName || "",
      form.total.score === null ? text.results.undetermined : formatScore(form.total.score),
      form.rating || text.results.undetermined,
      form.budget && form.budget.rate !== null
        ? percent(form.budget.rate)
        : text.results.undetermined,
    ]),
  });

  blocks.push({ kind: "heading", level: 1, text: text.sections.problems });
  blocks.push(...problemParagraphs(summary, text));

  blocks.push({ kind: "heading", level: 1, text: text.sections.review });
  const flagged = summary.risks.filter((risk) => risk.factors.length > 0).slice(0, REVIEW_FORMS);
  blocks.push({
    kind: "paragraph",
    text:
      flagged.length === 0
        ? text.review.nothing
        : fillTemplate(text.review.ranked, {
            list: flagged
              .map((risk) => {
                const name = formName(summary.files[risk.file].forms[risk.form], text);
                return fillTemplate(text.review.rankedItem, {
                  unit: name.unit,
                  project: name.project,
                  why: risk.factors.slice(0, 3).map(riskFactorText).join("，"),
                });
              })
              .join("；"),
          }),
  });
  const sampled = summary.sample.bands.reduce((sum, band) => sum + band.picked.length, 0);
  if (sampled > 0)
    blocks.push({
      kind: "paragraph",
      text: fillTemplate(text.review.sample, {
        percent: formatScore(summary.sample.percent),
        count: String(sampled),
      }),
    });
  return { blocks };
}

/**
 * 三、存在的共性问题: the kinds of problem most forms share, "一是…，二是…" (errors and warnings:
 * the forms' problem counts leave out info problems such as rows that do not apply).
 */
function problemParagraphs(summary: BatchSummary, text: Wording): NarrativeBlock[] {
  const formsWith = new Map<string, number>();
  const order: string[] = [];
  for (const file of summary.files)
    for (const form of file.forms)
      for (const code of Object.keys(form.problemCounts)) {
        if (!formsWith.has(code)) order.push(code);
        formsWith.set(code, (formsWith.get(code) || 0) + 1);
      }
  const ranked = order
    .slice()
    .sort((a, b) => (formsWith.get(b) as number) - (formsWith.get(a) as number))
    .slice(0, PROBLEM_KINDS);
  if (ranked.length === 0) return [{ kind: "paragraph", text: text.problems.none }];
  const codes = text.problems.codes as Readonly<Record<string, string>>;
  const items = ranked.map((code, index) =>
    fillTemplate(text.problems.item, {
      ordinal: chineseNumeral(index + 1),
      what: codes[code] || fillTemplate(text.problems.otherCode, { code }),
      count: String(formsWith.get(code)),
    })
  );
  return [
    { kind: "paragraph", text: text.problems.intro + items.join("；") + "。" },
    {
      kind: "paragraph",
      text: fillTemplate(text.problems.errorsTotal, {
        errors: String(summary.totals.errors),
        warnings: String(summary.totals.warnings),
      }),
    },
  ];
}
