/** Every text the task pane shows besides what the engine and the port write (those are Chinese). */
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
  /** Shown before anything is written: Excel's undo cannot take back an add-in's writes. */
  readonly undoNotice: string;
  readonly progressReading: string;
  readonly progressWriting: string;
  readonly progressClearing: string;
  readonly total: string;
  readonly rating: string;
  readonly ratingName: (rating: string) => string;
  readonly incompleteTotal: string;
  readonly formHeading: (title: string, sheet: string) => string;
  readonly groupsCaption: string;
  readonly groupColumn: string;
  readonly scoreColumn: string;
  readonly groupIncomplete: string;
  readonly unknownScore: string;
  readonly problemsHeading: string;
  readonly errors: string;
  readonly warnings: string;
  readonly noProblems: string;
  readonly problemLocation: (sheet: string, cell: string) => string;
  readonly problemActionHint: string;
  readonly moreProblems: (hidden: number) => string;
  readonly outputSheetsHeading: string;
  readonly goToSheet: (sheet: string) => string;
  readonly written: (marked: number) => string;
  readonly noFormFound: string;
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
}
