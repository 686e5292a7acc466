import { formatScore, missMessage } from "../engine";
import { ruleNotes } from "../taskpane/components/ruleNotes";
import type { SavedScoring } from "../taskpane/settings/savedScoring";
import { stringsFor, type TaskpaneLanguage } from "../taskpane/strings";
import { describePortError, describeWriteNotices } from "../workbook/describePortError";
import { WorkbookPortError } from "../workbook/port";
import type { ScoredOpenWorkbook } from "../workbook/scoreOpenWorkbook";
import { commandStringsFor } from "./strings";

/** How a finished command went, for the colour of the message. */
export type CommandMessageKind = "success" | "warning" | "error";

/** What the ribbon's 一键评分 tells the user once it has finished, in Office's language. */
export interface CommandMessage {
  readonly kind: CommandMessageKind;
  readonly title: string;
  readonly lines: readonly string[];
}

// A dialog is small: a workbook with many forms points to the results sheet for the rest.
const FORMS_LISTED = 5;

/**
 * The message for a run that read the workbook (whether or not it found a form), by the choices
 * saved with the workbook (`saved`: what the pane chose; absent: national, every column detected).
 * The engine's own words (a header's miss, a column map entry's fault) stay Chinese.
 */
export function describeScored(
  scored: ScoredOpenWorkbook,
  saved?: SavedScoring,
  language: TaskpaneLanguage = "zh-CN"
): CommandMessage {
  const words = commandStringsFor(language);
  const paneWords = stringsFor(language);
  const { result, written } = scored;
  const choiceLines: string[] = [];
  if (saved && saved.unknownRuleSet !== null)
    choiceLines.push(paneWords.unknownRuleSet(saved.unknownRuleSet));
  if (scored.columnMapErrors.length > 0) {
    return {
      kind: "error",
      title: words.columnMapErrorsTitle,
      lines: choiceLines.concat([
        paneWords.columnMapErrors(scored.columnMapErrors),
        words.fixColumnMapInPane,
      ]),
    };
  }
  const misses = result.reading.misses;
  if (result.forms.length === 0 && misses.length > 0) {
    return {
      kind: "warning",
      title: words.noFormReadTitle,
      lines: choiceLines.concat(
        misses.slice(0, FORMS_LISTED).map((miss) => words.missLine(missMessage(miss))),
        [words.noFormReadNothingChanged]
      ),
    };
  }
  if (result.forms.length === 0) {
    return { kind: "warning", title: words.noFormTitle, lines: words.noFormLines.slice() };
  }
  const lines = choiceLines.slice();
  // The rule set is named when it is not the national one: the user chose it in the pane.
  const ruleSet = result.forms[0].ruleSet;
  if (ruleSet.id !== "national")
    lines.push(words.sentence(paneWords.scoredByRuleSet(ruleSet.name)));
  result.forms.slice(0, FORMS_LISTED).forEach((form) => {
    const { total, sheet } = form.summary;
    // Two forms on one sheet are told apart by their projects, as the pane heads them.
    const shared = result.forms.filter((other) => other.summary.sheet === sheet).length > 1;
    const title = form.summary.projectName ?? form.summary.title;
    lines.push(
      words.formLine({
        sheet: shared && title !== null ? paneWords.formHeading(title, sheet) : sheet,
        total: total.score === null ? "—" : formatScore(total.score),
        max: formatScore(total.max),
        rating: form.summary.rating === null ? "—" : paneWords.ratingName(form.summary.rating),
        complete: total.complete,
        notes: ruleNotes(form.summary, form.effects, paneWords),
      })
    );
  });
  if (result.forms.length > FORMS_LISTED) {
    lines.push(words.moreForms(result.forms.length - FORMS_LISTED));
  }
  if (misses.length > 0) lines.push(words.headersUnread(misses.length));
  const count = (severity: string) =>
    result.problems.filter((problem) => problem.severity === severity).length;
  const errors = count("error");
  // 提示 (info) say what a bureau's rule did, such as dropping an indicator that does not apply.
  lines.push(
    result.problems.length === 0
      ? words.noProblems
      : words.problemsFound(errors, count("warning"), count("info"))
  );
  if (written) {
    if (written.sheets.length > 0) lines.push(words.writtenTo(written.sheets.map((s) => s.name)));
    lines.push(...describeWriteNotices(written, language));
  }
  lines.push(words.openPaneForProblems);
  return { kind: errors > 0 ? "warning" : "success", title: words.scoredTitle, lines };
}

/**
 * The message for a run that failed: a port's failure in `language` (naming the sheet or cell),
 * anything else as what was thrown.
 */
export function describeFailure(
  error: unknown,
  language: TaskpaneLanguage = "zh-CN"
): CommandMessage {
  const words = commandStringsFor(language);
  if (error instanceof WorkbookPortError) {
    return { kind: "error", title: words.failedTitle, lines: [describePortError(error, language)] };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    kind: "error",
    title: words.failedTitle,
    lines: [words.unexpectedError(detail), words.retryInPane],
  };
}
