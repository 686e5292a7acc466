import type { TaskpaneStrings } from "./types";

const RATING_NAMES: Readonly<Record<string, string>> = {
  优: "优 (excellent)",
  良: "良 (good)",
  中: "中 (fair)",
  差: "差 (poor)",
};

export const enUS: TaskpaneStrings = {
  paneTitle: "Performance self-evaluation",
  scoreButton: "Score workbook",
  rescoreButton: "Score again",
  clearMarksButton: "Clear marks",
  profileLabel: "Form kind",
  profileAuto: "Automatic",
  profileProject: "Project expenditure",
  profileDepartment: "Department expenditure",
  ruleSetLabel: "Rule set",
  importedRuleSetName: (name) => name + " (imported)",
  ruleSetHelpInOffice:
    "The rule set is saved with the workbook. Only the bundled rule sets can be chosen here; import a finance bureau's own rule set file (.json) in browser mode or the offline file.",
  ruleSetHelpInBrowser:
    "You can import a finance bureau's own rule set file (.json, stating only what differs from a bundled set); an imported set lasts until this page is closed.",
  importRuleSetButton: "Import rule set…",
  ruleSetImported: (name) => "Rule set “" + name + "” imported and chosen.",
  ruleSetRefused: (fileName, reason) =>
    "The rule set file “" + fileName + "” cannot be used (规则集有误): " + reason,
  unknownRuleSet: (id) =>
    "The workbook names the rule set “" +
    id +
    "”, which is not bundled; the national rules are used instead. Choose another rule set if needed.",
  undoNotice:
    "Scoring highlights cells with problems and adds result sheets. Excel's Undo (Ctrl+Z) cannot be relied on to undo an add-in's changes (Office 2016/2019 also clears the earlier undo history), so save the workbook first. “Clear marks” removes the highlights; delete the result sheets by hand if you do not want them.",
  wpsUndoNotice:
    "Scoring highlights cells with problems and adds result sheets. The Undo (Ctrl+Z) of WPS Spreadsheets may not undo an add-in's changes, so save the workbook first. “Clear marks” removes the highlights; delete the result sheets by hand if you do not want them.",
  busyScoring: "Scoring is under way; please wait…",
  busyClearing: "Clearing the marks; please wait…",
  progressReading: "Reading the workbook…",
  progressWriting: "Marking problems and writing result sheets…",
  progressClearing: "Clearing marks…",
  total: "Total",
  rating: "Rating",
  ratingName: (rating) => RATING_NAMES[rating] ?? rating,
  incompleteTotal: "Some scores could not be determined; the total is incomplete.",
  scoredByRuleSet: (name) => "Rule set: " + name,
  totalCapped: (rate, cap, uncapped) =>
    "Capped at " +
    cap +
    " by the budget execution rate of " +
    rate +
    " (" +
    uncapped +
    " uncapped)",
  totalUnderCap: (rate, cap) =>
    "Budget execution rate " + rate + ": at most " + cap + " points, not exceeded",
  totalRescaled: (count, applicableMax, unscaled) =>
    count +
    (count === 1 ? " indicator does" : " indicators do") +
    " not apply; rescaled to 100 from the applicable " +
    applicableMax +
    " points" +
    (unscaled === null ? "" : " (" + unscaled + " before rescaling)"),
  notApplicableDropped: (count) =>
    count + (count === 1 ? " indicator does" : " indicators do") + " not apply and is left out",
  formHeading: (title, sheet) => (title === sheet ? sheet : title + " (" + sheet + ")"),
  groupsCaption: "Scores by indicator level",
  groupColumn: "Indicator",
  scoreColumn: "Score/max",
  groupIncomplete: " (incomplete)",
  unknownScore: "—",
  problemsHeading: "Problems",
  errors: "Errors",
  warnings: "Warnings",
  infos: "Information",
  severityHeading: (label, count) => label + " (" + count + ")",
  noProblems: "No problems found.",
  problemLocation: (sheet, cell) => sheet + "!" + cell,
  problemActionHint: "Press Enter to go to the cell",
  moreProblems: (hidden) => hidden + " more not listed here; the results sheet has the full list.",
  outputSheetsHeading: "Result sheets",
  goToSheet: (sheet) => "Go to “" + sheet + "”",
  written: (marked) => "Marked " + marked + (marked === 1 ? " cell." : " cells."),
  noFormFound:
    "No indicator table found (未找到绩效指标表): no sheet has a table with headers such as 一级指标, 分值 and 自评得分. Nothing was changed.",
  noFormRead: (misses) =>
    "No indicator table could be scored (未找到可评分的绩效指标表): " +
    misses.join("; ") +
    ". Name the missing columns under “Column map” below.",
  someHeadersUnread: (count) =>
    count +
    (count === 1 ? " more header was" : " more headers were") +
    " not read as an indicator table; “Column map” says why.",
  columnMapErrors: (errors) =>
    "The column map has errors (列对应有误); nothing was changed: " +
    errors.map((error) => "“" + error.entry + "”: " + error.message).join("; "),
  columnMapLink: "Column map (列对应)",
  columnMapHeading: "Column map (列对应)",
  columnMapIntro:
    "Each column's role is detected from its header and content. Where that is wrong, choose the column for the role, then click “Score with this column map”.",
  columnMapAuto: (detected) =>
    detected === null ? "Automatic (not found)" : "Automatic (" + detected + ")",
  columnMapChoice: (column, header) => column + " · " + (header === "" ? "(no header)" : header),
  columnMapWhy: (column, reason) => column + ": " + reason,
  columnMapNotFound: "not found",
  columnMapApply: "Score with this column map",
  columnMapReset: "Back to automatic",
  columnMapClose: "Hide",
  columnMapSharedSheet: (forms) =>
    "This sheet holds " + forms + " forms; they share one column map.",
  columnMapSheetUnnamed:
    "This sheet's name contains a comma, semicolon or exclamation mark, so it cannot have a column map of its own; rename the sheet first.",
  columnMapKeptInWorkbook:
    "The column map is saved with the workbook; the ribbon's Score button uses it too.",
  columnMapKeptInBrowser:
    "The column map is kept in this browser and used again for a file of the same name.",
  marksCleared: (count) => "Cleared " + count + (count === 1 ? " mark." : " marks."),
  genericError:
    "The action could not be completed. Please try again; if it keeps failing, close and reopen this pane.",
  settingsNotSaved: "Your choices could not be saved in the workbook.",
  browserModeTitle: "Performance self-evaluation (browser mode)",
  browserModeBody:
    "Scoring in the browser: open a local .xlsx self-evaluation workbook to score it. The file is processed in this browser only and is not uploaded.",
  openWorkbookButton: "Open local workbook",
  tryExampleLink: "Try the example workbook",
  dropHint: "You can also drop an .xlsx file onto this page.",
  dropActive: "Release to open this workbook",
  openedFile: (fileName) => "Workbook: " + fileName,
  openingWorkbook: "Opening the workbook…",
  notXlsx: (fileName) =>
    "“" +
    fileName +
    "” is not an .xlsx workbook. Choose an .xlsx file; save older .xls/.et files as .xlsx in Excel or WPS first.",
  fileNotRead: (fileName) =>
    "The file “" + fileName + "” could not be read. Please choose it again.",
  exampleNotLoaded: "The example workbook could not be loaded. Check the network and try again.",
  partNotLoaded:
    "A part of the page needed for scoring could not be loaded. Check the network and reload the page.",
  browserScoredNote:
    "The original file is unchanged. The scored copy marks the cells with problems and adds the sheets 评分结果 and 自评表说明.",
  downloadScoredButton: "Download scored workbook",
  downloadNarrativeButton: "Download 自评表说明 (Word)",
  preparingDownload: "Preparing the file…",
  downloadFailed: "The file could not be made. Please try again.",
  scoredFileName: (baseName) => baseName + "-评分.xlsx",
  narrativeFileName: (baseName) => baseName + "-自评表说明.docx",
  previewHeading: "Workbook preview",
  previewSheets: "Sheets",
  previewRows: (first, last, total) => "Rows " + first + "–" + last + " of " + total,
  previewColumnsCut: (shown, total) => "First " + shown + " of " + total + " columns shown",
  previewEarlierRows: "Previous rows",
  previewLaterRows: "Next rows",
  previewEmptySheet: "This sheet is empty.",
  previewLegendError: "Error",
  previewLegendWarning: "Warning",
  previewLegendInfo: "Information",
};
