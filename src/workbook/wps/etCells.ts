/// <reference types="et-jsapi-declare/lib.et" />
/**
 * The fills and notes (批注) of the user's cells that a write or a clear touches: read in bulk and
 * set in bulk. A fill is read from a multi-area range of many cells at once — ET gives a
 * property's common value, or null when the cells differ — and the list is halved only where
 * they differ, so cells that all have no fill (the usual case) cost a few calls per 255
 * characters of addresses. Fills are set one call per fill and address list, the list kept
 * under 255 characters (the limit of a multi-area reference). Notes are read from the sheet's
 * comment collection, one entry per existing note.
 */
import { normaliseColour } from "../office/fillRecord";
import type { CellState } from "../office/inspectCells";
import { cellAreas, packAreaLists, type CellFill } from "../office/paintFills";
import {
  XL_PATTERN_NONE,
  XL_PATTERN_SOLID,
  addressOf,
  bgrToHex,
  hexToBgr,
  patternConstant,
  patternName,
} from "./etValues";

type FillState = Pick<CellState, "fill" | "pattern" | "patternColor">;

/** Cells packed into comma-separated lists of at most 255 characters. */
function cellLists(cells: readonly string[]): string[][] {
  const lists: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const cell of cells) {
    if (current.length > 0 && length + 1 + cell.length > 255) {
      lists.push(current);
      current = [];
      length = 0;
    }
    length += (current.length > 0 ? 1 : 0) + cell.length;
    current.push(cell);
  }
  if (current.length > 0) lists.push(current);
  return lists;
}

/** The common value of an Interior property over the cells, or null when they differ. */
function common(sheet: Et.Worksheet, cells: readonly string[], read: (i: Et.Interior) => unknown) {
  const value = read(sheet.Range(cells.join(",")).Interior);
  return value === null || value === undefined ? null : value;
}

function readFills(
  sheet: Et.Worksheet,
  cells: readonly string[],
  into: Map<string, FillState>
): void {
  const split = () => {
    const middle = Math.ceil(cells.length / 2);
    readFills(sheet, cells.slice(0, middle), into);
    readFills(sheet, cells.slice(middle), into);
  };
  const pattern = common(sheet, cells, (interior) => interior.Pattern);
  if (pattern === null) return cells.length > 1 ? split() : undefined;
  // A pattern this code does not know (a newer kind of fill) is kept as a plain fill of its colour.
  const name = patternName(Number(pattern)) ?? "Solid";
  if (name === "None") {
    // "No fill" reads as white in Color; Pattern tells it apart, as on ExcelApi 1.9.
    for (const cell of cells) into.set(cell, { fill: null, pattern: null, patternColor: null });
    return;
  }
  const colour = common(sheet, cells, (interior) => interior.Color);
  if (colour === null) return cells.length > 1 ? split() : undefined;
  let patternColor: string | null = null;
  if (name !== "Solid") {
    const read = common(sheet, cells, (interior) => interior.PatternColor);
    if (read === null) return cells.length > 1 ? split() : undefined;
    patternColor = bgrToHex(read);
  }
  for (const cell of cells)
    into.set(cell, {
      fill: bgrToHex(colour),
      pattern: name === "Solid" ? null : name,
      patternColor: name === "Solid" ? null : patternColor,
    });
}

/** Every note on the sheet, by A1 address. */
export function readNotes(sheet: Et.Worksheet): Map<string, string> {
  const notes = new Map<string, string>();
  const comments = sheet.Comments;
  const count = comments.Count;
  for (let index = 1; index <= count; index++) {
    const comment = comments.Item(index);
    const cell = addressOf(comment.Parent as Et.Range);
    notes.set(cell, String(comment.Text()));
  }
  return notes;
}

/** The fill and note of each of the cells. */
export function inspectCells(
  sheet: Et.Worksheet,
  cells: readonly string[]
): Map<string, CellState> {
  const fills = new Map<string, FillState>();
  for (const list of cellLists(cells)) readFills(sheet, list, fills);
  const notes = cells.length > 0 ? readNotes(sheet) : new Map<string, string>();
  const states = new Map<string, CellState>();
  for (const cell of cells) {
    const fill = fills.get(cell) ?? { fill: null, pattern: null, patternColor: null };
    states.set(cell, { ...fill, note: notes.get(cell) ?? null });
  }
  return states;
}

function setInterior(interior: Et.Interior, spec: CellFill): void {
  if (spec.fill === null) {
    interior.Pattern = XL_PATTERN_NONE;
    return;
  }
  interior.Pattern = spec.pattern ? patternConstant(spec.pattern) : XL_PATTERN_SOLID;
  interior.Color = hexToBgr(spec.fill);
  if (spec.pattern && spec.patternColor) interior.PatternColor = hexToBgr(spec.patternColor);
}

function fillKey(spec: CellFill): string {
  return [normaliseColour(spec.fill) ?? "", spec.pattern ?? "", spec.patternColor ?? ""].join("|");
}

/** Sets the cells' fills: one call per fill and list of areas. */
export function applyFills(sheet: Et.Worksheet, fills: readonly CellFill[]): void {
  const byFill = new Map<string, { spec: CellFill; cells: string[] }>();
  for (const spec of fills) {
    const key = fillKey(spec);
    const group = byFill.get(key);
    if (group) group.cells.push(spec.cell);
    else byFill.set(key, { spec, cells: [spec.cell] });
  }
  byFill.forEach(({ spec, cells }) => {
    for (const address of packAreaLists(cellAreas(cells)))
      setInterior(sheet.Range(address).Interior, spec);
  });
}
