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
  profileLabel: "Scoring rules",
  profileAuto: "Automatic",
  profileProject: "Project expenditure",
  profileDepartment: "Department expenditure",
  undoNotice:
    "Scoring highlights cells with problems and adds result sheets. Excel's Undo (Ctrl+Z) cannot be relied on to undo an add-in's changes (Office 2016/2019 also clears the earlier undo history), so save the workbook first. “Clear marks” removes the highlights; delete the result sheets by hand if you do not want them.",
  progressReading: "Reading the workbook…",
  progressWriting: "Marking problems and writing result sheets…",
  progressClearing: "Clearing marks…",
  total: "Total",
  rating: "Rating",
  ratingName: (rating) => RATING_NAMES[rating] ?? rating,
  incompleteTotal: "Some scores could not be determined; the total is incomplete.",
  formHeading: (title, sheet) => (title === sheet ? sheet : title + " (" + sheet + ")"),
  groupsCaption: "Scores by indicator level",
  groupColumn: "Indicator",
  scoreColumn: "Score/max",
  groupIncomplete: " (incomplete)",
  unknownScore: "—",
  problemsHeading: "Problems",
  errors: "Errors",
  warnings: "Warnings",
  noProblems: "No problems found.",
  problemLocation: (sheet, cell) => sheet + "!" + cell,
  problemActionHint: "Press Enter to go to the cell",
  moreProblems: (hidden) => hidden + " more not listed here; the results sheet has the full list.",
  outputSheetsHeading: "Result sheets",
  goToSheet: (sheet) => "Go to “" + sheet + "”",
  written: (marked) => "Marked " + marked + (marked === 1 ? " cell." : " cells."),
  noFormFound:
    "No indicator table found (未找到绩效指标表): no sheet has a table with headers such as 一级指标, 分值 and 自评得分. Nothing was changed.",
  marksCleared: (count) => "Cleared " + count + (count === 1 ? " mark." : " marks."),
  genericError:
    "The action could not be completed. Please try again; if it keeps failing, close and reopen this pane.",
  settingsNotSaved: "The choice of scoring rules could not be saved in the workbook.",
  browserModeTitle: "Performance self-evaluation (browser mode)",
  browserModeBody:
    "Not open in Excel: open a local .xlsx self-evaluation workbook here to score it. The file is processed in this browser only and is not uploaded.",
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
};
