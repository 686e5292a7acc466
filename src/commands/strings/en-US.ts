import type { CommandStrings } from "./types";

const plural = (count: number, one: string, many: string) =>
  count + " " + (count === 1 ? one : many);

export const enUS: CommandStrings = {
  scoredTitle: "Scoring finished",
  failedTitle: "Scoring failed",
  columnMapErrorsTitle: "The column map cannot be applied",
  fixColumnMapInPane:
    "Open the assistant's task pane and change the column map there, or set it back to automatic.",
  noFormReadTitle: "No form could be scored",
  missLine: (miss) => miss + "。",
  noFormReadNothingChanged:
    "Nothing was changed. Open the assistant's task pane and name the missing columns in its column map.",
  noFormTitle: "No self-evaluation form found",
  noFormLines: [
    "This workbook has no indicator table with headers such as 分值 or 得分; nothing was changed.",
    "Open a department or project expenditure self-evaluation form and try again.",
  ],
  sentence: (text) => text + ".",
  formLine: (form) =>
    "“" +
    form.sheet +
    "”: total " +
    form.total +
    " / " +
    form.max +
    ", rating " +
    form.rating +
    (form.complete ? "" : " (some scores could not be determined)") +
    (form.notes.length > 0 ? "; " + form.notes.join("; ") : ""),
  moreForms: (count) =>
    "…and " + plural(count, "more form", "more forms") + ": see the results sheet.",
  headersUnread: (count) =>
    plural(count, "more header", "more headers") +
    " could not be read as an indicator table; the task pane's column map says why.",
  noProblems: "No problems found.",
  problemsFound: (errors, warnings, infos) =>
    "Found " +
    plural(errors, "error", "errors") +
    (infos > 0 ? ", " : " and ") +
    plural(warnings, "warning", "warnings") +
    (infos > 0 ? " and " + plural(infos, "note", "notes") : "") +
    ", marked on their cells.",
  writtenTo: (sheets) =>
    "Results written to " +
    (sheets.length === 1 ? "sheet " : "sheets ") +
    sheets.map((sheet) => "“" + sheet + "”").join(", ") +
    ".",
  openPaneForProblems: "Open the assistant's task pane to go to each problem.",
  unexpectedError: (detail) => "Scoring stopped on an unexpected error: " + detail,
  retryInPane: "Open the assistant's task pane and try again.",
  busyTitle: "Scoring is under way…",
  busyLine: "The previous run has not finished yet; its result will be shown when it has.",
  settingsUnread:
    "The form kind, rule set and column map saved in the workbook could not be read; this run used the national rules and detected every column.",
  clearedTitle: "Marks cleared",
  cleared: (count) => "Cleared " + plural(count, "mark", "marks") + ".",
  clearFailedTitle: "Clearing the marks failed",
  actionFailedTitle: "The action could not be completed",
};
