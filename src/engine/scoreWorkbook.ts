import type { WorkbookGrid } from "./grid/types";
import { readWorkbook } from "./detect/detectForms";
import type { ColumnMap } from "./detect/columnMap";
import type { WorkbookReading } from "./detect/types";
import { chooseProfile } from "./rules/chooseProfile";
import type { ProfileId } from "./rules/profile";
import type { RuleSet } from "./rules/ruleSet";
import { DEFAULT_RULE_SET } from "./rules/ruleSets";
import { scoreForm, type ScoredForm } from "./score/scoreForm";
import type { Report } from "./report/schema";
import type { Problem } from "./validate/problem";

export interface ScoreOptions {
  /** The file's base name, for the report. */
  readonly fileName?: string;
  /** Use this profile for every form instead of choosing one per form. */
  readonly profile?: ProfileId;
  /**
   * The finance bureau's rules: a bundled set (RULE_SETS.yitihua…) or a bureau's own, resolved
   * by the host. @default RULE_SETS.national
   */
  readonly ruleSet?: RuleSet;
  /**
   * The user's column map (parseColumnMap): the roles it names override detection, the rest is
   * still detected. Entries it cannot apply come back in `reading.columnMapErrors`.
   */
  readonly columnMap?: ColumnMap;
}

export interface ScoreResult {
  readonly report: Report;
  /** The same problems as the report's, with their facts (for other languages and the narrative). */
  readonly problems: readonly Problem[];
  readonly forms: readonly ScoredForm[];
  /**
   * How the workbook was read: the forms, the headers that gave no form and what they lack
   * (missMessage words it), the column map entries that could not be applied.
   */
  readonly reading: WorkbookReading;
}

/**
 * Finds every form in the workbook, scores it and checks it. Pure: the same grid gives the same
 * result, and nothing is read or written outside it. A workbook without a form gives a report
 * with no forms (the caller says 未找到绩效指标表).
 */
export function scoreWorkbook(workbook: WorkbookGrid, options: ScoreOptions = {}): ScoreResult {
  const sheets = new Map(workbook.sheets.map((sheet) => [sheet.name, sheet]));
  const ruleSet = options.ruleSet ?? DEFAULT_RULE_SET;
  const reading = readWorkbook(workbook, { columnMap: options.columnMap });
  const forms = reading.forms.map((detected, index) => {
    const sheet = sheets.get(detected.sheet)!;
    // Each top-level name once (chooseProfile asks only which names occur), not one per row.
    // Rows of one category follow each other: only a change of name is looked up.
    const topLevelNames: string[] = [];
    const named = new Set<string>();
    const rows = detected.table.indicators;
    let previous: string | null = null;
    for (let i = 0; i < rows.length; i++) {
      const name = rows[i].path.length > 0 ? rows[i].path[0] : "";
      if (name === previous || named.has(name)) continue;
      previous = name;
      named.add(name);
      topLevelNames.push(name);
    }
    const profile = chooseProfile(detected, topLevelNames, options.profile);
    return scoreForm(sheet, detected, profile, ruleSet, index);
  });
  // The report's lists, each entry naming its form; built by pushing, never by concat (a copy
  // of the list so far per form) or by spreading 20,000 indicators.
  const problems: Problem[] = [];
  const groups: Report["groups"] = [];
  const indicators: Report["indicators"] = [];
  const reportProblems: Report["problems"] = [];
  forms.forEach((form, index) => {
    const formProblems = form.problems.list();
    for (let i = 0; i < formProblems.length; i++) problems.push(formProblems[i]);
    form.groups.forEach((group) => groups.push({ form: index, ...group }));
    // The form's own indicators, made with its index (scoreForm): the same objects, not copies.
    for (let i = 0; i < form.indicators.length; i++) indicators.push(form.indicators[i]);
    // Each problem names its form, as groups and indicators do: two forms on one sheet share
    // the sheet name.
    formProblems.forEach((problem) =>
      reportProblems.push({
        form: index,
        code: problem.code,
        severity: problem.severity,
        sheet: problem.sheet,
        cell: problem.cell,
        message: problem.message,
      })
    );
  });
  const single = forms.length === 1 ? forms[0].summary : null;
  const report: Report = {
    schemaVersion: 1,
    file: options.fileName ?? "",
    profile: single
      ? single.profile
      : forms.length === 0 && options.profile
        ? options.profile
        : "mixed",
    ruleSet: ruleSet.id,
    total: single ? single.total : null,
    rating: single ? single.rating : null,
    budget: single ? single.budget : null,
    groups,
    indicators,
    problems: reportProblems,
    forms: forms.map((form) => form.summary),
  };
  return { report, problems, forms, reading };
}
