/**
 * The engine's public surface, the one import hosts use: the add-in's Office.js path, the
 * browser mode and the CLI all go through these.
 */
export { createSheetGrid, type RawCell, type SheetGridInput } from "./grid/createSheetGrid";
export type {
  CellValue,
  GridCell,
  MergedArea,
  SheetGrid,
  SheetOwner,
  WorkbookGrid,
} from "./grid/types";
export { scoreWorkbook, type ScoreOptions, type ScoreResult } from "./scoreWorkbook";
export { buildWritePlan, buildCellMarks } from "./output/buildWritePlan";
export type { CellMark, OutputSheet, PlacedOutputSheet, WritePlan } from "./output/types";
export type { Report } from "./report/schema";
export type { Problem, ProblemCode } from "./validate/problem";
export { PROFILES, ratingOf, type Profile, type ProfileId } from "./rules/profile";
export {
  RULE_SETS,
  RULE_SET_IDS,
  DEFAULT_RULE_SET,
  isRuleSetId,
  resolveRuleSet,
  type RuleSetId,
} from "./rules/ruleSets";
export { ratingByBands, type RuleSet, type RuleSetOverride } from "./rules/ruleSet";
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
export type {
  ColumnMapError,
  IndicatorColumnRole,
  ReadingMiss,
  WorkbookReading,
} from "./detect/types";
