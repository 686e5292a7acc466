import type { ApiRequirements } from "./officeHost";

/**
 * The Excel API sets the adapter can use beyond ExcelApi 1.1, its only requirement. Each feature
 * is used only when the host says it has it; every one has a path without it.
 */
export interface ApiSupport {
  /** ExcelApi 1.2: merging cells, column widths and row heights, worksheet protection. */
  readonly formatting: boolean;
  /** ExcelApi 1.4: worksheet-scoped names (the ownership mark), getItemOrNullObject. */
  readonly scopedNames: boolean;
  /** ExcelApi 1.7: the workbook's structure protection. */
  readonly workbookProtection: boolean;
  /** ExcelApi 1.9: RangeAreas (`getRanges`), `fill.pattern` (no fill vs white, patterns), page layout. */
  readonly rangeAreas: boolean;
  /** ExcelApi 1.13: reading merged areas. */
  readonly mergedAreas: boolean;
  /** ExcelApi 1.18: cell notes. */
  readonly notes: boolean;
}

export function detectApiSupport(requirements: ApiRequirements): ApiSupport {
  const has = (version: string): boolean => requirements.isSetSupported("ExcelApi", version);
  return {
    formatting: has("1.2"),
    scopedNames: has("1.4"),
    workbookProtection: has("1.7"),
    rangeAreas: has("1.9"),
    mergedAreas: has("1.13"),
    notes: has("1.18"),
  };
}
