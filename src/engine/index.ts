/**
 * The engine's public surface: hosts (the CLI, the add-in's Office.js path, browser mode, WPS,
 * the docx renderer, the corpus check) import the engine from here and from nowhere inside it.
 * Two lighter entry points sit beside this one for what must load without the rest:
 * catalog.ts (the rule sets and kinds of form as data, re-exported here too) and checks.ts (the
 * zod checks of a bureau's own files, loaded with import()). ESLint's no-restricted-imports
 * refuses any other engine path in the host folders it covers (eslint.config.js).
 *
 * This file is also the entry of the browser library dist/selfeval-engine.js (webpack.config.js).
 */

// ---- The grid a host hands in ----
export {
  createSheetGrid,
  type CellSource,
  type RawCell,
  type SheetGridInput,
} from "./grid/createSheetGrid";
export type {
  CellValue,
  GridCell,
  MergedArea,
  SheetGrid,
  SheetOwner,
  SheetOwnerKind,
  WorkbookGrid,
} from "./grid/types";
export { columnLetters, parseA1, parseRange, toA1 } from "./grid/address";
export { normaliseA1, scanA1 } from "./grid/address";
export { isWhitespaceCode } from "./grid/whitespace";

// ---- Scoring and what it reports ----
export { scoreWorkbook, type ScoreOptions, type ScoreResult } from "./scoreWorkbook";
export type { Report } from "./report/schema";
export type { Problem, ProblemCode } from "./validate/problem";
export type { RuleEffects } from "./score/applyRuleSet";
export { formatScore } from "./score/round";
export * from "./catalog";

// ---- Reading: how each form was read, and the user's column map ----
export { readWorkbook, type DetectOptions } from "./detect/detectForms";
export {
  inspectWorkbook,
  describeReading,
  missMessage,
  type Inspection,
  type InspectedForm,
  type InspectedColumn,
  type InspectedMiss,
  type InspectOptions,
} from "./detect/inspectWorkbook";
export {
  parseColumnMap,
  formatColumnMap,
  roleOfName,
  EMPTY_COLUMN_MAP,
  type ColumnMap,
  type ColumnMapEntry,
} from "./detect/columnMap";
export { ROLE_LABELS } from "./detect/roleLabels";
export { columnsForSheet } from "./detect/columnMap";
export { INDICATOR_COLUMN_ROLES } from "./detect/types";
export type {
  ColumnMapError,
  IndicatorColumnRole,
  ReadingMiss,
  SkippedRowReason,
  WorkbookReading,
} from "./detect/types";

// ---- What the writers write: the output sheets and marks ----
export { buildWritePlan, buildCellMarks } from "./output/buildWritePlan";
export { textWidth } from "./output/textWidth";
export type { CellMark, OutputSheet, PlacedOutputSheet, WritePlan } from "./output/types";
// What the host writers (src/workbook: Office.js, WPS, the .xlsx package) serialise: one layout of
// each output sheet, the mark colours and formats, and the helpers they share with the engine.
export type { OutputStyle, Severity } from "./output/types";
export {
  GENERAL_FORMAT,
  STYLE_ATTRIBUTES,
  TEXT_FORMAT,
  layOutRow,
  layOutSheet,
  layOutSheetFrame,
  mergeRuns,
  pageLayoutOf,
  rowRangesByHeight,
  styleAreas,
  type CellArea,
  type LayoutCell,
  type SheetFrame,
  type SheetLayout,
  type StyleAttribute,
  type ValuedArea,
} from "./output/sheetLayout";
export { marksBySheet, type PlacedMark } from "./output/cellMarks";
export {
  MARK_FILL_COLOURS,
  OUTPUT_STYLE_FORMATS,
  type OutputStyleFormat,
} from "./output/outputStyles";
export { freeSheetName } from "./output/planOutputSheets";
export { wrappedLineCount } from "./output/textWidth";

// ---- The 自评表说明 ----
export { buildNarrative, buildNarratives } from "./narrative/buildNarrative";
export {
  narrativeTemplateFor,
  type NarrativeTemplate,
  type NarrativeTemplateOverride,
} from "./narrative/narrativeTemplate";
export { renderNarrativeMarkdown } from "./narrative/renderNarrativeMarkdown";
export type { NarrativeBlock, NarrativeDocument } from "./narrative/types";

// ---- A batch of workbooks: the 汇总 ----
export { buildBatchSummary, batchExitCode } from "./batch/buildBatchSummary";
export { buildBatchReport } from "./batch/buildBatchReport";
export { summarizeForms } from "./batch/summarizeForms";
export { summaryJson } from "./batch/summaryJson";
export { planMirroredNames, narrativeNameFor } from "./batch/planOutputNames";
export { DEFAULT_SAMPLE_PERCENT } from "./batch/sampleByBudgetBand";
export { amountInWan, budgetInWan } from "./batch/budgetAmount";
export { extensionOf, spreadsheetKindOf, type SpreadsheetKind } from "./batch/spreadsheetKind";
export {
  STATUS_NAMES,
  alertName,
  fileNoteText,
  kindName,
  riskFactorText,
  severityName,
} from "./batch/batchMessages";
export type {
  BatchFile,
  BatchFileOutcome,
  BatchForm,
  BatchProblem,
  BatchSummary,
  FileNote,
  FormRef,
  Spread,
} from "./batch/types";

// ---- Text as the outputs show it ----
export { escapeBidiControlsInJson, hasBidiControls, showBidiControls } from "./values/bidiControls";
