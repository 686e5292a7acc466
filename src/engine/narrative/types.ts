/**
 * The 自评表说明 as a host-neutral document: the workbook sheet, the Word file and the Markdown
 * text are all drawn from this. Every text is plain: no markup, no formula, no field.
 */
export type NarrativeBlock =
  | { readonly kind: "title"; readonly text: string }
  /** Level 1: 一、…  Level 2: （一）… */
  | { readonly kind: "heading"; readonly level: 1 | 2; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string }
  | {
      readonly kind: "table";
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
    };

/** One form's narrative. */
export interface NarrativeDocument {
  readonly blocks: readonly NarrativeBlock[];
}
