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
    "Scoring highlights cells with problems and adds result sheets. Excel's Undo (Ctrl+Z) cannot undo these changes; use “Clear marks” to remove the highlights.",
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
  browserModeTitle: "Not open in Excel",
  browserModeBody:
    "This pane runs inside Excel: open the self-evaluation workbook in Excel and start the add-in from the ribbon.",
};
