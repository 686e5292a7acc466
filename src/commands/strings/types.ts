/**
 * Every sentence the ribbon's 一键评分 (and WPS's 清除标记) says in its dialog, besides those it
 * shares with the task pane (src/taskpane/strings) and the workbook layer (src/workbook/locales).
 * The dialog speaks Office's display language, as the pane does.
 */
export interface CommandStrings {
  readonly scoredTitle: string;
  readonly failedTitle: string;
  readonly columnMapErrorsTitle: string;
  /** After the column map's errors: where to change it. */
  readonly fixColumnMapInPane: string;
  /** Headers were found, and none gave a form. */
  readonly noFormReadTitle: string;
  /** One header that gave no form (the engine's words, in Chinese). */
  readonly missLine: (miss: string) => string;
  readonly noFormReadNothingChanged: string;
  readonly noFormTitle: string;
  readonly noFormLines: readonly string[];
  /** A sentence of the pane's (such as 评分规则集：…) ended as the dialog ends its lines. */
  readonly sentence: (text: string) => string;
  /** A form's total and rating; `notes`: what the rule set did to the total. */
  readonly formLine: (form: {
    readonly sheet: string;
    readonly total: string;
    readonly max: string;
    readonly rating: string;
    readonly complete: boolean;
    readonly notes: readonly string[];
  }) => string;
  /** More forms than the dialog lists. */
  readonly moreForms: (count: number) => string;
  readonly headersUnread: (count: number) => string;
  readonly noProblems: string;
  readonly problemsFound: (errors: number, warnings: number, infos: number) => string;
  readonly writtenTo: (sheets: readonly string[]) => string;
  readonly openPaneForProblems: string;
  /** Something other than a port failure stopped the run; `detail` is what was thrown. */
  readonly unexpectedError: (detail: string) => string;
  readonly retryInPane: string;
  /** A second click while a run is under way. */
  readonly busyTitle: string;
  readonly busyLine: string;
  /** The workbook's saved choices could not be read: the run used the defaults. */
  readonly settingsUnread: string;
  /** WPS's 清除标记. */
  readonly clearedTitle: string;
  readonly cleared: (count: number) => string;
  readonly clearFailedTitle: string;
  /** A ribbon button whose action could not even start (WPS). */
  readonly actionFailedTitle: string;
}
