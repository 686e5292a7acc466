/**
 * How each output style looks, shared by every host so that the xlsx writer and the Office.js
 * adapter draw the same sheet. Colours are RGB hex without alpha.
 */
import type { OutputStyle, Severity } from "./types";

/** Excel's own light red ("Bad") and light yellow ("Neutral") fills; a light blue for what a rule did. */
export const MARK_FILL_COLOURS: Readonly<Record<Severity, string>> = {
  error: "FFC7CE",
  warning: "FFEB9C",
  info: "DDEBF7",
};

export interface OutputStyleFormat {
  readonly bold?: boolean;
  /** Points; 11 when absent. */
  readonly fontSize?: number;
  readonly fill?: string;
  /** Thin borders on all four sides. */
  readonly border?: boolean;
  readonly horizontal?: "center";
  readonly vertical: "center" | "top";
  readonly wrap: boolean;
}

export const OUTPUT_STYLE_FORMATS: Readonly<Record<OutputStyle, OutputStyleFormat>> = {
  title: { bold: true, fontSize: 14, horizontal: "center", vertical: "center", wrap: true },
  heading: { bold: true, vertical: "center", wrap: true },
  tableHeader: {
    bold: true,
    fill: "D9D9D9",
    border: true,
    horizontal: "center",
    vertical: "center",
    wrap: true,
  },
  tableCell: { border: true, vertical: "center", wrap: true },
  body: { vertical: "top", wrap: true },
  error: { fill: MARK_FILL_COLOURS.error, border: true, vertical: "center", wrap: true },
  warning: { fill: MARK_FILL_COLOURS.warning, border: true, vertical: "center", wrap: true },
  info: { fill: MARK_FILL_COLOURS.info, border: true, vertical: "center", wrap: true },
};

/** Whether an output style wraps its text (and so may need a taller row). */
export function outputStyleWraps(style: OutputStyle | undefined): boolean {
  return style !== undefined && OUTPUT_STYLE_FORMATS[style].wrap;
}

/** Point size of an output style's font. */
export function outputStyleFontSize(style: OutputStyle | undefined): number {
  return (style && OUTPUT_STYLE_FORMATS[style].fontSize) || 11;
}
