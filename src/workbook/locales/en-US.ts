/**
 * The workbook layer's words in English, for the pane when Office runs in English: the same
 * facts as zh-CN.ts, the same sheets and cells named. Menu names are given as the English
 * builds of Excel and WPS show them.
 */
import type { HostName, PortErrorFacts, ProtectedAction, WriteNotice } from "../port";
import type { ScoredCopyFacts } from "../xlsx/scoredCopyError";
import type { MalformedDetail, UnreadableFacts } from "../xlsx/unreadableWorkbookError";
import { cellOf, sizeText } from "./shared";
import type { UnreadableError, WorkbookWording } from "./types";

const HOST: Readonly<Record<HostName, string>> = { excel: "Excel", wps: "WPS Spreadsheets" };

const ACTION: Readonly<Record<ProtectedAction, string>> = {
  mark: "mark or clear problems on it",
  replace: "replace it with the new results",
  clear: "clear its marks",
};

const UNCHANGED = " The workbook was not changed.";
const UNDONE = " What was written has been undone; the workbook is as it was.";

function quoted(names: readonly string[]): string {
  return names.map((name) => "“" + name + "”").join(", ");
}

function sheetsWord(names: readonly string[]): string {
  return (names.length === 1 ? "sheet " : "sheets ") + quoted(names);
}

function undoFailed(detail: string, involved: readonly string[]): string {
  return (
    " Undoing it did not finish either (" +
    detail +
    "): check " +
    sheetsWord(involved) +
    " and any sheet whose name starts with “SelfEval”."
  );
}

function portError(facts: PortErrorFacts): string {
  switch (facts.code) {
    case "not-in-excel":
      return "Not running in Excel: open the add-in from Excel's add-in pane, or choose an .xlsx file in browser mode.";
    case "no-workbook":
      return "No workbook is open in WPS Spreadsheets: open the self-evaluation workbook first.";
    case "read-failed":
      return "Reading the workbook failed (" + facts.detail + ").";
    case "write-failed":
      return "Writing failed (" + facts.detail + "); the workbook was not changed.";
    case "clear-failed":
      return "Clearing the marks failed (" + facts.detail + ").";
    case "select-failed":
      return (
        "Cannot go to cell " +
        facts.cell +
        " of sheet “" +
        facts.sheet +
        "” (" +
        facts.detail +
        ")."
      );
    case "sheet-missing":
      return (
        "Sheet “" +
        facts.sheet +
        "” is not found (renamed or deleted?), so cell " +
        facts.cell +
        " cannot be shown. Score the workbook again."
      );
    case "preview-sheet-missing":
      return "Sheet “" + facts.sheet + "” is not found.";
    case "marked-sheets-missing":
      return (
        "The marked " +
        sheetsWord(facts.sheets) +
        (facts.sheets.length === 1 ? " is" : " are") +
        " not found: renamed or deleted? If renamed, give back the old name and clear the marks again; the record of the marks is kept."
      );
    case "workbook-protected":
      return (
        "The workbook's structure is protected, so no result sheet can be added. Unprotect it (Review › Protect Workbook) and score again." +
        (facts.host === "wps" ? UNCHANGED : "")
      );
    case "sheet-protected":
      return (
        "Sheet “" +
        facts.sheet +
        "” is protected, so the add-in cannot " +
        ACTION[facts.action] +
        ". Unprotect it (Review › Unprotect Sheet) and try again." +
        UNCHANGED
      );
    case "write-protected":
      return (
        (facts.sheets.length === 0
          ? "Writing failed: the workbook's structure is protected and Excel refused to add the result sheets. Unprotect it (Review › Protect Workbook) and score again."
          : "Writing failed: " +
            sheetsWord(facts.sheets) +
            " (or the workbook's structure) is protected and Excel refused the change. Unprotect it (Review › Unprotect Sheet, or Review › Protect Workbook for the structure) and score again.") +
        (facts.undoFailure === null ? UNDONE : undoFailed(facts.undoFailure, facts.involved))
      );
    case "write-refused":
      return (
        "Writing failed: " +
        HOST[facts.host] +
        " refused a change to " +
        sheetsWord(facts.involved) +
        " (" +
        facts.detail +
        ")." +
        (facts.undoFailure === null ? UNDONE : undoFailed(facts.undoFailure, facts.involved))
      );
    case "clear-protected":
      return (
        "Clearing the marks failed: " +
        sheetsWord(facts.sheets) +
        " is protected and Excel refused the change. Unprotect it (Review › Unprotect Sheet) and clear the marks again."
      );
    case "clear-refused":
      return (
        "Clearing the marks failed: " +
        HOST[facts.host] +
        " refused a change to " +
        sheetsWord(facts.sheets) +
        " (" +
        facts.detail +
        "). Try again."
      );
    case "file-unreadable":
      return unreadable({ reason: facts.reason, facts: facts.unreadable }, facts.file);
    case "copy-failed":
      return "Cannot make the scored copy of " + facts.file + ": " + scoredCopy(facts.copy) + ".";
    case "message":
      return facts.text;
  }
}

function writeNotice(notice: WriteNotice): string {
  switch (notice.code) {
    case "no-notes":
      return (
        "This version of Excel cannot add notes to cells: the problems are listed only on the " +
        (notice.resultsSheet !== null ? "“" + notice.resultsSheet + "”" : "results") +
        " sheet."
      );
    case "no-formatting":
      return (
        "This version of Excel cannot merge cells or set column widths and row heights: " +
        sheetsWord(notice.sheets) +
        " are written with the default format."
      );
    case "no-page-setup":
      return (
        "This version of Excel cannot set up pages: before printing " +
        sheetsWord(notice.sheets) +
        ", choose A4 and fit to one page wide (Page Layout)."
      );
    case "record-not-saved":
      return (
        "The record of the marks could not be saved in the " +
        (notice.host === "wps" ? "document properties" : "document") +
        " (" +
        (notice.noCustomProperties
          ? "this version of WPS Spreadsheets has no custom document properties"
          : (notice.detail ?? "unknown error")) +
        "): once the workbook is closed, “Clear marks” cannot give these cells back their fills."
      );
    case "old-sheet-kept":
      return (
        "The old results sheet could not be deleted and is kept as “" +
        notice.sheet +
        "”; delete it by hand once the new one looks right."
      );
  }
}

function scoredCopy(facts: ScoredCopyFacts): string {
  switch (facts.reason) {
    case "not-zip":
      return "the file is not an .xlsx (zip) package";
    case "missing-part":
      return facts.part === "[Content_Types].xml"
        ? "the workbook lacks [Content_Types].xml and is not a complete .xlsx file"
        : "the workbook lacks part " + facts.part;
    case "strict-ooxml":
      return 'this is a Strict Open XML workbook, in which the copy cannot be written; save it as "Excel Workbook (*.xlsx)" first';
    case "malformed-part":
      return facts.part === ""
        ? "the workbook's structure is not as expected"
        : "part " + facts.part + " is not structured as expected";
    case "sheet-name-taken":
      return "the workbook already has a sheet named “" + facts.sheet + "”";
    case "too-large":
      return facts.entries !== undefined
        ? "the copy would have " +
            facts.entries +
            " parts, more than an .xlsx package holds (65,535)"
        : "the copy would be " +
            sizeText(facts.bytes) +
            ", more than an .xlsx package holds (4 GiB)";
  }
}

const HOSTILE_EN = "It is damaged or built to exhaust memory; reading stopped.";

const MALFORMED_EN: Readonly<Record<MalformedDetail, (facts: UnreadableFacts) => string>> = {
  "broken-zip": () => "the zip directory is cut short or points outside the file",
  "unsupported-compression": (facts) => "part " + facts.part + " uses an unsupported compression",
  "corrupt-entry": (facts) => "the compressed data of part " + facts.part + " is corrupt",
  "missing-part": (facts) => facts.part + " is missing",
  "bad-xml": (facts) =>
    (facts.sheet ? 'sheet "' + facts.sheet + '": ' : "") + facts.part + " is not well-formed XML",
  "missing-sheet": (facts) =>
    'the workbook lists sheet "' + facts.sheet + '" but its part (' + facts.part + ") is missing",
  "bad-shared-string": (facts) =>
    'sheet "' + facts.sheet + '", cell ' + cellOf(facts) + ", refers to a missing shared string",
};

function unreadable(error: UnreadableError, file: string): string {
  const facts = error.facts;
  const head = "Cannot read " + file + ": ";
  switch (error.reason) {
    case "not-zip":
      return head + "this is not an .xlsx workbook (not an Excel workbook, or damaged).";
    case "encrypted":
      return head + "the workbook is encrypted; remove its password before scoring it.";
    case "legacy-xls":
      return head + "this is a legacy .xls workbook; save it as .xlsx in Excel or WPS first.";
    case "too-large":
      if (
        facts.part &&
        facts.declaredBytes !== undefined &&
        facts.limitBytes === facts.declaredBytes
      )
        return (
          head +
          "part " +
          facts.part +
          " inflates past the size it declares (" +
          sizeText(facts.declaredBytes) +
          "). " +
          HOSTILE_EN
        );
      return (
        head +
        "it inflates" +
        (facts.declaredBytes !== undefined ? " to " + sizeText(facts.declaredBytes) : "") +
        " past the limit of " +
        sizeText(facts.limitBytes) +
        ". " +
        HOSTILE_EN
      );
    case "doctype":
      return (
        head +
        facts.part +
        " holds a DOCTYPE or entity declaration, which Excel never writes; reading stopped."
      );
    case "too-many-rows":
      return (
        head + 'sheet "' + facts.sheet + '" has row ' + facts.row + ", past Excel's 1,048,576 rows."
      );
    case "too-many-columns":
      return (
        head +
        'sheet "' +
        facts.sheet +
        '" has a cell in row ' +
        facts.row +
        " past Excel's last column, XFD (16,384)."
      );
    case "strict-ooxml":
      return (
        head + 'this is a Strict Open XML workbook; save it as "Excel Workbook (*.xlsx)" first.'
      );
    case "malformed":
      return (
        head +
        "this is not a valid .xlsx workbook (" +
        (facts.malformed ? MALFORMED_EN[facts.malformed](facts) : "incomplete structure") +
        ")."
      );
  }
}

export const enUS: WorkbookWording = { portError, writeNotice, scoredCopy, unreadable };
