/**
 * Every text the task pane shows besides what the engine writes (Chinese) and what the workbook
 * layer words in the same language (src/workbook/locales: its failures and notices).
 */
export interface TaskpaneStrings {
  readonly paneTitle: string;
  /** The primary action; other tools find the button by this label. */
  readonly scoreButton: string;
  readonly rescoreButton: string;
  readonly clearMarksButton: string;
  readonly profileLabel: string;
  readonly profileAuto: string;
  readonly profileProject: string;
  readonly profileDepartment: string;
  /** The rule set drop-down beside the form kind. */
  readonly ruleSetLabel: string;
  /** A rule set the user imported (browser mode), as the drop-down lists it. */
  readonly importedRuleSetName: (name: string) => string;
  /** Under the drop-down in Excel and WPS, which cannot open a file: bundled sets only. */
  readonly ruleSetHelpInOffice: string;
  /** Under the drop-down in browser mode, beside 导入规则集…. */
  readonly ruleSetHelpInBrowser: string;
  readonly importRuleSetButton: string;
  readonly ruleSetImported: (name: string) => string;
  /** A bureau's rule set file refused by the check; `reason` names the key (Chinese, from the engine). */
  readonly ruleSetRefused: (fileName: string, reason: string) => string;
  /** The workbook names a rule set this version does not bundle. */
  readonly unknownRuleSet: (id: string) => string;
  /** Shown before anything is written: Excel's undo cannot take back an add-in's writes. */
  readonly undoNotice: string;
  /** The same in WPS 表格, whose undo is no more reliable for an add-in's changes. */
  readonly wpsUndoNotice: string;
  /** A second click while a scoring run is under way (the buttons are disabled meanwhile). */
  readonly busyScoring: string;
  /** A second click while the marks are being cleared. */
  readonly busyClearing: string;
  readonly progressReading: string;
  readonly progressWriting: string;
  readonly progressClearing: string;
  readonly total: string;
  readonly rating: string;
  readonly ratingName: (rating: string) => string;
  readonly incompleteTotal: string;
  /** Which rules the form was scored by. */
  readonly scoredByRuleSet: (name: string) => string;
  /** The 预算执行率 capped the total ("按预算执行率 72% 封顶 89 分（未封顶 93.5 分）"). */
  readonly totalCapped: (rate: string, cap: string, uncapped: string) => string;
  /** The 预算执行率 caps the total, which stayed under the cap. */
  readonly totalUnderCap: (rate: string, cap: string) => string;
  /** Not-applicable indicators dropped and the total rescaled to 100. */
  readonly totalRescaled: (count: number, applicableMax: string, unscaled: string | null) => string;
  /** Not-applicable indicators dropped without rescaling (a bureau's set may say so). */
  readonly notApplicableDropped: (count: number) => string;
  readonly formHeading: (title: string, sheet: string) => string;
  readonly groupsCaption: string;
  readonly groupColumn: string;
  readonly scoreColumn: string;
  readonly groupIncomplete: string;
  readonly unknownScore: string;
  readonly problemsHeading: string;
  readonly errors: string;
  readonly warnings: string;
  /** 提示: what a rule did (an indicator dropped, a deduction). */
  readonly infos: string;
  /** A severity group's heading with its count: 错误（3） / Errors (3). */
  readonly severityHeading: (label: string, count: number) => string;
  readonly noProblems: string;
  readonly problemLocation: (sheet: string, cell: string) => string;
  readonly problemActionHint: string;
  readonly moreProblems: (hidden: number) => string;
  readonly outputSheetsHeading: string;
  readonly goToSheet: (sheet: string) => string;
  readonly written: (marked: number) => string;
  readonly noFormFound: string;
  /** Headers were found but none gave a form: each miss says what was found and what is missing. */
  readonly noFormRead: (misses: readonly string[]) => string;
  /** Forms were read, and some other headers gave none. */
  readonly someHeadersUnread: (count: number) => string;
  /** The column map could not be applied: nothing was written. */
  readonly columnMapErrors: (errors: ReadonlyArray<{ entry: string; message: string }>) => string;
  readonly columnMapLink: string;
  readonly columnMapHeading: string;
  readonly columnMapIntro: string;
  /** The drop-down's first choice: the column detection chose (or none). */
  readonly columnMapAuto: (detected: string | null) => string;
  /** A column as the drop-downs list it ("F · 分值"). */
  readonly columnMapChoice: (column: string, header: string) => string;
  /** How the column in use was chosen, quietly under its drop-down. */
  readonly columnMapWhy: (column: string, reason: string) => string;
  readonly columnMapNotFound: string;
  readonly columnMapApply: string;
  readonly columnMapReset: string;
  readonly columnMapClose: string;
  /** Several forms on one sheet share its column map. */
  readonly columnMapSharedSheet: (forms: number) => string;
  /** A sheet whose name the map's text cannot carry (",", "!", ";"). */
  readonly columnMapSheetUnnamed: string;
  /** Where the map is kept: Excel/WPS (the workbook) or browser mode (this browser). */
  readonly columnMapKeptInWorkbook: string;
  readonly columnMapKeptInBrowser: string;
  readonly marksCleared: (count: number) => string;
  readonly genericError: string;
  readonly settingsNotSaved: string;
  readonly browserModeTitle: string;
  readonly browserModeBody: string;
  /** Browser mode's file picker; other tools find the control by this label. */
  readonly openWorkbookButton: string;
  readonly tryExampleLink: string;
  readonly dropHint: string;
  readonly dropActive: string;
  readonly openedFile: (fileName: string) => string;
  readonly openingWorkbook: string;
  readonly notXlsx: (fileName: string) => string;
  readonly fileNotRead: (fileName: string) => string;
  readonly exampleNotLoaded: string;
  /** A lazily loaded part of the page (ExcelJS, docx) could not be fetched. */
  readonly partNotLoaded: string;
  readonly browserScoredNote: string;
  readonly downloadScoredButton: string;
  readonly downloadNarrativeButton: string;
  readonly preparingDownload: string;
  readonly downloadFailed: string;
  readonly scoredFileName: (baseName: string) => string;
  readonly narrativeFileName: (baseName: string) => string;
  readonly previewHeading: string;
  readonly previewSheets: string;
  readonly previewRows: (first: number, last: number, total: number) => string;
  readonly previewColumnsCut: (shown: number, total: number) => string;
  readonly previewEarlierRows: string;
  readonly previewLaterRows: string;
  readonly previewEmptySheet: string;
  readonly previewLegendError: string;
  readonly previewLegendWarning: string;
  readonly previewLegendInfo: string;
}
