/**
 * Writes the scored copy of an .xlsx by adding to the original package: fills and notes on the
 * marked cells, the output sheets, and their ownership marks. Parts are edited as text, never
 * round-tripped through a spreadsheet library, so everything the tool does not touch — custom XML,
 * document properties, drawings, cached formula results — comes out exactly as it went in.
 * Works in Node and in the browser.
 */
import type { RawDeflate } from "./opcPackage";
import { openZipPackage, type ZipPackage } from "./zipPackage";
import {
  MARK_FILL_COLOURS,
  marksBySheet,
  normaliseA1,
  parseA1,
  type PlacedMark,
  type PlacedOutputSheet,
  toA1,
  type WritePlan,
} from "../../engine";
import { formatOwnerMark } from "../ownerMark";
import { fillRecordRefs, type FillRecord, type RecordedFill } from "../office/fillRecord";
import { resolveRecordedSheets } from "../office/recordedSheets";
import {
  markColour,
  originalFillMarkup,
  readAddinRecords,
  withoutEntries,
  writeAddinRecord,
  type AddinRecord,
} from "./addinRecords";
import {
  addNotes,
  readNotes,
  removeOwnNotes,
  sameNoteText,
  type DrawingInsertion,
  type NoteToAdd,
  type NotesContext,
} from "./legacyNotes";
import {
  readMarkRecord,
  writeMarkRecord,
  type MarkRecord,
  type RecordContext,
  type RecordedCell,
} from "./markRecord";
import {
  CONTENT_TYPE,
  encodeUtf8Pieces,
  PackageEditor,
  RELATIONSHIP_TYPE,
  addRelationship,
  findWorkbookPart,
  parseRelationships,
  partDirectory,
  relationshipKind,
  relationshipsPartFor,
  relativeTarget,
  removeOverrideContentType,
  resolveTarget,
  setOverrideContentType,
  type Relationship,
} from "./opcPackage";
import { isStrictWorkbook } from "./packageKind";
import { renderOutputSheet } from "./renderOutputSheet";
import { ScoredCopyError, malformedPart } from "./scoredCopyError";
import { UnreadableWorkbookError } from "./unreadableWorkbookError";
import { ZipLimitError } from "./zipWriter";
import { restyleCellPieces, restyleCells, type RowRestyles } from "./sheetCells";
import { StyleSheetEditor, emptyStyleSheet } from "./styleSheet";
import {
  addWorksheetTitle,
  appendWorkbookSheet,
  readWorkbookSheets,
  setOwnerMarkName,
  type WorkbookSheet,
} from "./workbookPart";

export interface WriteScoredCopyOptions {
  /** The package the reader opened from the same bytes: its parts are not read twice. */
  readonly zip?: ZipPackage;
  /** A platform deflate (Node's zlib); fflate's is used without it. */
  readonly deflate?: RawDeflate;
}

/** A sheet's key in the mark record: its sheetId, which a rename leaves alone. */
function sheetRecordKey(sheet: WorkbookSheet): string {
  return "#" + sheet.sheetId;
}

/** What markCells learns of one cell while restyling it, before its note is known. */
interface MarkedCell {
  readonly reference: string;
  readonly original: number;
  readonly mark: number;
  readonly markFill: string;
  readonly originalFill: string | null;
}

function rowRestyles(
  marks: readonly PlacedMark[],
  styles: StyleSheetEditor,
  marked: Map<string, MarkedCell>
): RowRestyles[] {
  const rows: Array<{ row: number; cells: RowRestyles["cells"][number][] }> = [];
  for (const mark of marks) {
    let last = rows[rows.length - 1];
    if (!last || last.row !== mark.row) rows.push((last = { row: mark.row, cells: [] }));
    const severity = mark.severity;
    const reference = toA1(mark.row, mark.column);
    last.cells.push({
      column: mark.column,
      restyle: (originalXf) => {
        const markXf = styles.markedStyle(originalXf, severity);
        marked.set(reference, {
          reference,
          original: originalXf,
          mark: markXf,
          markFill: "FF" + MARK_FILL_COLOURS[severity],
          originalFill: styles.fillOf(originalXf),
        });
        return markXf;
      },
    });
  }
  return rows;
}

/** True when a <fill> is a solid fill of one of these ARGB colours (alpha ignored). */
function isSolidFillOf(fillMarkup: string | null, colours: readonly string[]): boolean {
  if (fillMarkup === null) return false;
  if (!/<(?:[\w.-]+:)?patternFill\b[^>]*\bpatternType\s*=\s*["']solid["']/.test(fillMarkup))
    return false;
  const colour = /<(?:[\w.-]+:)?fgColor\b[^>]*\brgb\s*=\s*["']([0-9A-Fa-f]{6,8})["']/.exec(
    fillMarkup
  );
  if (!colour) return false;
  const rgb = colour[1].slice(-6).toUpperCase();
  return colours.some((wanted) => wanted.slice(-6).toUpperCase() === rgb);
}

const FILL_TAG =
  /<\/?(?:fill|patternFill|gradientFill|fgColor|bgColor|stop|color)(?:\s+[A-Za-z]+\s*=\s*"[^"<>&]*")*\s*\/?>/g;

/** A <fill> as styles.xml holds one: only fill elements with plain attributes, nothing else. */
function isPlainFill(markup: string): boolean {
  return (
    /^<fill[\s>]/.test(markup) &&
    /<\/fill>$|^<fill\s*\/>$/.test(markup) &&
    markup.length < 2000 &&
    markup.replace(FILL_TAG, "").trim() === ""
  );
}

/** Two xfs that differ at most in their fill (fillId, applyFill). */
function sameApartFromFill(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  const withoutFill = (xf: string): string =>
    xf.replace(/\s(?:fillId|applyFill)\s*=\s*(?:"[^"]*"|'[^']*')/g, "");
  return withoutFill(a) === withoutFill(b);
}

/** Two fills that look the same: their markup without white space between tags. */
function sameFill(a: string | null, b: string | null): boolean {
  const canonical = (fill: string | null): string | null =>
    fill === null ? null : fill.replace(/>\s+</g, "><").trim();
  return canonical(a) === canonical(b);
}

/**
 * A mark to take back, from the copy's own record (markRecord.ts) or from an add-in's
 * (addinRecords.ts): where it is, the colours it may show, the fill from before it, the note.
 */
interface TakeBack {
  readonly reference: string;
  /** The fill colours (ARGB) the mark may show; none when only a note was added. */
  readonly markColours: readonly string[];
  /** The xf indexes before and after the mark: only the copy's own record has them. */
  readonly xf?: { readonly original: number; readonly mark: number };
  /** The cell's own <fill> from before the mark, as unprefixed markup. */
  readonly originalFill?: string;
  /** The exact text of the note put there. */
  readonly note?: string;
}

const MARK_COLOURS = [MARK_FILL_COLOURS.error, MARK_FILL_COLOURS.warning];

function ownTakeBack(cell: RecordedCell): TakeBack {
  return {
    reference: cell.reference,
    // A cell recorded with its style unchanged got only a note.
    markColours:
      cell.original === cell.mark
        ? []
        : cell.markFill !== undefined
          ? [cell.markFill]
          : MARK_COLOURS,
    xf: { original: cell.original, mark: cell.mark },
    ...(cell.originalFill !== undefined ? { originalFill: cell.originalFill } : {}),
    ...(cell.note !== undefined ? { note: cell.note } : {}),
  };
}

function addinTakeBack(cell: RecordedFill): TakeBack {
  const colour = markColour(cell);
  const fill = originalFillMarkup(cell);
  return {
    reference: normaliseA1(cell.cell),
    markColours: colour !== null && fill !== null ? [colour] : [],
    ...(fill !== null ? { originalFill: fill } : {}),
    ...(cell.note !== undefined ? { note: cell.note } : {}),
  };
}

/**
 * The style that takes a recorded mark back from a cell now styled `currentXf`, or null to leave
 * the cell alone. A cell is ours to reset only while it still shows the mark's fill (whatever its
 * xf index now is: LibreOffice and WPS renumber styles on saving); one the user repainted keeps
 * the user's fill. Where the styles are as the copy left them the cell gets its original xf
 * back; where they were renumbered (or the mark was an add-in's, whose record has no xf) only
 * the fill comes off, back to the one recorded from before the mark, and everything else the
 * cell shows now stays.
 */
function restoredStyle(cell: TakeBack, currentXf: number, styles: StyleSheetEditor): number | null {
  if (cell.markColours.length === 0) return null;
  if (!isSolidFillOf(styles.fillOf(currentXf), cell.markColours)) return null;
  // Our mark xf is the original with only its fill changed: if the two indexes still stand for
  // such a pair, no other program renumbered the styles.
  const xf = cell.xf;
  const unchanged =
    xf !== undefined &&
    currentXf === xf.mark &&
    sameApartFromFill(styles.xfMarkup(xf.mark), styles.xfMarkup(xf.original)) &&
    (cell.originalFill === undefined || sameFill(styles.fillOf(xf.original), cell.originalFill));
  if (unchanged) return xf.original;
  // A record from before fills were kept cannot say what was under the mark; nor can one whose
  // fill is anything but a plain <fill> (the record comes with the file, and its markup goes
  // into styles.xml).
  if (cell.originalFill === undefined || !isPlainFill(cell.originalFill)) return null;
  return styles.withFill(currentXf, cell.originalFill);
}

/**
 * The recorded cells where they are now. A row or column the user inserted or deleted since
 * moves cells, and Excel and LibreOffice move each note with its cell: a recorded note that no
 * longer reads at its recorded cell, but reads word for word at exactly one other cell (and is
 * the only recorded note with that text), shows where its cell went. Other cells stay where
 * the record has them.
 */
function followMovedCells(
  cells: readonly TakeBack[],
  notes: ReadonlyMap<string, string>
): TakeBack[] {
  const recordedTexts = new Map<string, number>();
  for (const cell of cells)
    if (cell.note !== undefined)
      recordedTexts.set(cell.note, (recordedTexts.get(cell.note) ?? 0) + 1);
  return cells.map((cell) => {
    if (cell.note === undefined || recordedTexts.get(cell.note) !== 1) return cell;
    const here = notes.get(cell.reference);
    if (here !== undefined && sameNoteText(here, cell.note)) return cell;
    const elsewhere: string[] = [];
    notes.forEach((text, reference) => {
      if (sameNoteText(text, cell.note as string)) elsewhere.push(reference);
    });
    // The text is the only one of its kind, so no cell the record keeps in place reads it.
    if (elsewhere.length !== 1) return cell;
    return { ...cell, reference: elsewhere[0] };
  });
}

/** Restyles that take back recorded marks (see restoredStyle). */
function restoringRestyles(cells: readonly TakeBack[], styles: StyleSheetEditor): RowRestyles[] {
  const byCell = new Map<string, { row: number; column: number; cell: TakeBack }>();
  for (const cell of cells) {
    const address = parseA1(cell.reference);
    const key = address ? address.row + ":" + address.column : "";
    // The first entry of a cell holds its style from before any mark.
    if (address && !byCell.has(key)) byCell.set(key, { ...address, cell });
  }
  const sorted = Array.from(byCell.values()).sort((a, b) => a.row - b.row || a.column - b.column);
  const rows: Array<{ row: number; cells: RowRestyles["cells"][number][] }> = [];
  for (const { row, column, cell } of sorted) {
    let last = rows[rows.length - 1];
    if (!last || last.row !== row) rows.push((last = { row, cells: [] }));
    last.cells.push({
      column,
      restyle: (currentXf) => restoredStyle(cell, currentXf, styles),
    });
  }
  return rows;
}

/**
 * Inserts `insertion.element` into the pieces `insertion.fromEnd` characters before their end;
 * false (pieces left alone) when they are not that long.
 */
function insertFromEnd(pieces: string[], insertion: DrawingInsertion): boolean {
  let remaining = insertion.fromEnd;
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i];
    if (remaining <= piece.length) {
      const cut = piece.length - remaining;
      pieces.splice(i, 1, piece.slice(0, cut), insertion.element, piece.slice(cut));
      return true;
    }
    remaining -= piece.length;
  }
  return false;
}

/** The highest VML shape block (o:idmap data) in use, so new drawings get unique shape ids. */
async function highestShapeBlock(editor: PackageEditor): Promise<number> {
  let highest = 0;
  for (const name of editor.partNames()) {
    if (!/\.vml$/i.test(name)) continue;
    const vml = (await editor.readBinary(name)) ?? "";
    const pattern = /<o:idmap[^>]*\sdata\s*=\s*["']([^"']*)["']/g;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(vml))) {
      for (const block of match[1].split(/[\s,]+/)) {
        const n = parseInt(block, 10);
        if (n > highest) highest = n;
      }
    }
  }
  return highest;
}

class ScoredCopyWriter implements NotesContext {
  readonly editor: PackageEditor;
  readonly workbookDirectory: string;
  contentTypes = "";
  private workbookXml = "";
  private workbookRels = "";
  private relationships: Relationship[] = [];
  private styles!: StyleSheetEditor;
  /** "" while the package has no stylesheet part. */
  private stylesPart = "";
  private nextShapeBlock = 1;
  /** The part of the record an earlier run left, and what it recorded. */
  private earlierRecordPart: string | null = null;
  private earlierRecord: MarkRecord | null = null;
  /** What this run marks, by sheet name. */
  private readonly record: MarkRecord = new Map();
  /** The add-ins' records in the package (WPS's custom properties, Excel's web extension). */
  private addinRecords: AddinRecord[] = [];
  /** What is left of them once their marks are taken back, written by finish(). */
  private readonly addinRecordsLeft: Array<{ found: AddinRecord; record: FillRecord }> = [];

  private readonly pendingTitles: Array<{ before: WorkbookSheet[]; name: string }> = [];

  private constructor(
    editor: PackageEditor,
    private readonly workbookPart: string,
    private readonly progress: Progress
  ) {
    this.editor = editor;
    this.workbookDirectory = partDirectory(workbookPart);
  }

  /** The part being edited, named in the error if the package turns out to be malformed there. */
  private set activePart(part: string) {
    this.progress.part = part;
  }

  static async open(zip: ZipPackage, progress: Progress): Promise<ScoredCopyWriter> {
    const editor = new PackageEditor(zip);
    // Most failures come from parsing the part read last: each read names it.
    const readText = editor.readText.bind(editor);
    const readBinary = editor.readBinary.bind(editor);
    editor.readText = (path: string) => {
      progress.part = editor.partName(path) ?? path;
      return readText(path);
    };
    editor.readBinary = (path: string) => {
      progress.part = editor.partName(path) ?? path;
      return readBinary(path);
    };
    progress.part = "_rels/.rels";
    const writer = new ScoredCopyWriter(editor, await findWorkbookPart(editor), progress);
    await writer.load();
    return writer;
  }

  allocateShapeBlocks(count: number): number[] {
    const blocks: number[] = [];
    for (let i = 0; i < count; i++) blocks.push(this.nextShapeBlock++);
    return blocks;
  }

  private async load(): Promise<void> {
    const editor = this.editor;
    this.activePart = "[Content_Types].xml";
    const contentTypes = await editor.readText("[Content_Types].xml");
    if (contentTypes === null)
      throw new ScoredCopyError({ reason: "missing-part", part: "[Content_Types].xml" });
    this.activePart = this.workbookPart;
    const workbookXml = await editor.readText(this.workbookPart);
    if (workbookXml === null)
      throw new ScoredCopyError({ reason: "missing-part", part: this.workbookPart });
    // Everything this writer adds is transitional OOXML; mixed into a Strict package it would
    // leave a file whose programs disagree on how many sheets it has.
    if (isStrictWorkbook(workbookXml))
      throw new ScoredCopyError({ reason: "strict-ooxml", part: this.workbookPart });
    this.contentTypes = contentTypes;
    this.workbookXml = workbookXml;
    this.workbookRels = (await editor.readText(relationshipsPartFor(this.workbookPart))) ?? "";
    this.relationships = parseRelationships(this.workbookRels || null);

    const stylesRelationship = this.relationships.find(
      (relationship) => relationshipKind(relationship.type) === "styles" && !relationship.external
    );
    const stylesPart = stylesRelationship
      ? editor.partName(resolveTarget(this.workbookPart, stylesRelationship.target))
      : null;
    if (stylesPart !== null) this.activePart = stylesPart;
    const stylesXml = stylesPart === null ? null : await editor.readText(stylesPart);
    if (stylesPart !== null && stylesXml !== null) {
      this.stylesPart = stylesPart;
      this.styles = new StyleSheetEditor(stylesXml);
    } else {
      // A package without styles (some generators omit them): ours becomes its stylesheet,
      // linked in finish() only if anything was added to it.
      this.styles = new StyleSheetEditor(emptyStyleSheet());
    }
    this.activePart = "xl/drawings";
    this.nextShapeBlock = (await highestShapeBlock(editor)) + 1;
    this.activePart = "docProps/custom.xml";
    this.addinRecords = await readAddinRecords(editor);
    this.activePart = "customXml";
    const found = await readMarkRecord(editor, this.workbookPart, this.workbookRels || null);
    if (found) {
      this.earlierRecordPart = found.part;
      this.earlierRecord = found.record;
    }
  }

  /**
   * Takes back the marks recorded in the package before this run's go on: first those an add-in
   * made (WPS's or Excel's record: made on this file after any copy the CLI wrote, since a copy
   * the CLI writes no longer holds the add-in's entries for the sheets it took back), then the
   * copy's own from an earlier run. Sheets being replaced, and sheets no longer there, are
   * skipped; the add-in records' entries taken back are dropped from them, the rest stay.
   */
  async takeBackEarlierMarks(replaced: ReadonlySet<string>): Promise<void> {
    for (const found of this.addinRecords) {
      const sheets = this.sheets().map((sheet) => ({ id: sheet.name, name: sheet.name, sheet }));
      const resolved = resolveRecordedSheets(sheets, fillRecordRefs(found.record));
      const takenBack = new Set<string>();
      for (const [key, { sheet }] of Array.from(resolved.entries())) {
        if (replaced.has(sheet.name.toLowerCase())) continue;
        if (await this.takeBack(sheet, found.record[key].cells.map(addinTakeBack)))
          takenBack.add(key);
      }
      this.addinRecordsLeft.push({ found, record: withoutEntries(found.record, takenBack) });
    }
    if (!this.earlierRecord) return;
    for (const [key, cells] of Array.from(this.earlierRecord.entries())) {
      const sheet = this.findRecordedSheet(key);
      if (!sheet || replaced.has(sheet.name.toLowerCase())) continue;
      await this.takeBack(sheet, cells.map(ownTakeBack));
    }
  }

  /**
   * Takes recorded marks back from one sheet: the cells still showing their mark get their fill
   * back, the notes still reading as written go. False when the sheet has no worksheet part.
   */
  private async takeBack(sheet: WorkbookSheet, cells: readonly TakeBack[]): Promise<boolean> {
    const part = this.worksheetPart(sheet);
    if (part === null) return false;
    this.activePart = part;
    const original = await this.editor.readText(part);
    if (original === null) return false;
    const found = followMovedCells(cells, await readNotes(this.editor, part));
    const xml = restyleCells(original, restoringRestyles(found, this.styles));
    if (xml !== original) this.editor.writeText(part, xml);
    const notes = new Map<string, string>();
    for (const cell of found)
      if (cell.note !== undefined && !notes.has(cell.reference))
        notes.set(cell.reference, cell.note);
    await removeOwnNotes(this.editor, part, xml, notes);
    return true;
  }

  private sheets(): WorkbookSheet[] {
    const before = this.progress.part;
    this.activePart = this.workbookPart;
    const sheets = readWorkbookSheets(this.workbookXml);
    this.activePart = before;
    return sheets;
  }

  /** The sheet a record entry names: by its sheetId, which survives renaming; by name in older records. */
  private findRecordedSheet(key: string): WorkbookSheet | undefined {
    const id = /^#(\d+)$/.exec(key);
    if (id) return this.sheets().find((sheet) => sheet.sheetId === Number(id[1]));
    return this.findSheet(key);
  }

  private findSheet(name: string): WorkbookSheet | undefined {
    const sheets = this.sheets();
    return (
      sheets.find((sheet) => sheet.name === name) ??
      sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase())
    );
  }

  /** A sheet's worksheet part, or null for a chart sheet or a broken link. */
  private worksheetPart(sheet: WorkbookSheet): string | null {
    const relationship = this.relationships.find(
      (candidate) => candidate.id === sheet.relationshipId
    );
    if (!relationship || relationshipKind(relationship.type) !== "worksheet") return null;
    return this.editor.partName(resolveTarget(this.workbookPart, relationship.target));
  }

  async markCells(sheetName: string, marks: readonly PlacedMark[]): Promise<void> {
    const sheet = this.findSheet(sheetName);
    const part = sheet ? this.worksheetPart(sheet) : null;
    if (!sheet || part === null) return;
    this.activePart = part;
    const xml = await this.editor.readText(part);
    if (xml === null) return;
    const key = sheetRecordKey(sheet);
    const recorded = this.record.get(key) ?? [];
    this.record.set(key, recorded);
    const marked = new Map<string, MarkedCell>();
    // The restyled part stays in pieces (slices of the part as read), encoded as they are: the
    // marked sheet of 20,000 rows is not made one string, nor a second one to link the drawing.
    const pieces = restyleCellPieces(xml, rowRestyles(marks, this.styles, marked));
    const notes: NoteToAdd[] = marks.map((mark) => ({
      row: mark.row,
      column: mark.column,
      text: mark.note,
    }));
    // The notes' drawing is linked after <sheetData>, which restyling leaves as it was: found in
    // the part as read.
    const withNotes = await addNotes(this, part, xml, notes, { deferLink: true });
    const link = withNotes.link;
    if (!link) this.editor.writeUtf8(part, encodeUtf8Pieces(pieces));
    else if (link.insertion && insertFromEnd(pieces, link.insertion))
      this.editor.writeUtf8(part, encodeUtf8Pieces(pieces));
    else this.editor.writeText(part, link.apply(pieces.join("")));
    const noted = new Map<string, string>();
    for (const note of withNotes.added) noted.set(toA1(note.row, note.column), note.text);
    for (const mark of marks) {
      const reference = toA1(mark.row, mark.column);
      const cell = marked.get(reference);
      const note = noted.get(reference);
      if (!cell) continue;
      // A cell already showing that very mark (from a run whose record was lost) has no
      // original left to remember; recording it as its own original would make it permanent.
      const restyled = cell.mark !== cell.original;
      if (!restyled && note === undefined) continue;
      recorded.push({
        reference,
        original: restyled ? cell.original : cell.mark,
        mark: cell.mark,
        ...(restyled ? { markFill: cell.markFill } : {}),
        ...(restyled && cell.originalFill !== null ? { originalFill: cell.originalFill } : {}),
        ...(note !== undefined ? { note } : {}),
      });
    }
  }

  async writeOutputSheet(placed: PlacedOutputSheet): Promise<void> {
    this.activePart = this.workbookPart;
    const existing = placed.mode === "replace" ? this.findSheet(placed.name) : undefined;
    const existingPart = existing ? this.worksheetPart(existing) : null;
    if (existingPart !== null) this.activePart = existingPart;
    let index: number;
    if (existing && existingPart !== null) {
      const old = (await this.editor.readText(existingPart)) ?? "";
      const tabSelected =
        /<(?:[^\s/>:]+:)?sheetView\s[^>]*tabSelected\s*=\s*["'](?:1|true)["']/.test(old);
      await this.dropSheetRelationships(existingPart);
      this.editor.writeUtf8(
        existingPart,
        renderOutputSheet(placed.sheet, this.styles, { tabSelected })
      );
      index = existing.index;
    } else {
      // Excel refuses a workbook with two sheets of one name (compared ignoring case), and a
      // user's sheet is never overwritten: the plan must have chosen a free name.
      if (existing || this.findSheet(placed.name)) {
        throw new ScoredCopyError({
          reason: "sheet-name-taken",
          part: this.workbookPart,
          sheet: placed.name,
        });
      }
      index = this.createSheet(placed);
    }
    this.workbookXml = setOwnerMarkName(
      this.workbookXml,
      index,
      formatOwnerMark(placed.sheet.owner, placed.sheet.fingerprint)
    );
  }

  /** A replaced sheet links to nothing any more: its .rels goes, with its notes and their drawing. */
  private async dropSheetRelationships(sheetPart: string): Promise<void> {
    const relsPart = relationshipsPartFor(sheetPart);
    const relationships = parseRelationships(await this.editor.readText(relsPart));
    for (const relationship of relationships) {
      const kind = relationshipKind(relationship.type);
      if (relationship.external) continue;
      if (kind !== "comments" && kind !== "vmlDrawing" && kind !== "threadedComment") continue;
      const target = this.editor.partName(resolveTarget(sheetPart, relationship.target));
      if (target === null) continue;
      this.editor.remove(target);
      this.editor.remove(relationshipsPartFor(target));
      this.contentTypes = removeOverrideContentType(this.contentTypes, target);
    }
    this.editor.remove(relsPart);
  }

  private createSheet(placed: PlacedOutputSheet): number {
    const sheetsBefore = this.sheets();
    const part = this.editor.freePartName(
      this.workbookDirectory + "worksheets/sheet{n}.xml",
      relationshipsPartFor
    );
    this.editor.writeUtf8(
      part,
      renderOutputSheet(placed.sheet, this.styles, { tabSelected: false })
    );
    const link = addRelationship(
      this.workbookRels || null,
      RELATIONSHIP_TYPE.worksheet,
      relativeTarget(this.workbookPart, part)
    );
    this.workbookRels = link.xml;
    this.relationships = parseRelationships(this.workbookRels);
    this.contentTypes = setOverrideContentType(this.contentTypes, part, CONTENT_TYPE.worksheet);
    const appended = appendWorkbookSheet(this.workbookXml, placed.name, link.id);
    this.workbookXml = appended.xml;
    this.pendingTitles.push({ before: sheetsBefore, name: placed.name });
    return appended.index;
  }

  /** Adds the new sheets' titles to docProps/app.xml when its sheet list is recognisable. */
  private async updateAppProperties(): Promise<void> {
    if (this.pendingTitles.length === 0) return;
    const packageRelationships = parseRelationships(await this.editor.readText("_rels/.rels"));
    const appRelationship = packageRelationships.find(
      (relationship) => relationshipKind(relationship.type) === "extended-properties"
    );
    const appPart = this.editor.partName(
      appRelationship ? resolveTarget("", appRelationship.target) : "docProps/app.xml"
    );
    if (appPart === null) return;
    const original = await this.editor.readText(appPart);
    if (original === null) return;
    let xml = original;
    for (const pending of this.pendingTitles) {
      const worksheetNames = pending.before
        .filter((sheet) => this.worksheetPart(sheet) !== null)
        .map((sheet) => sheet.name);
      const updated =
        addWorksheetTitle(xml, worksheetNames, pending.name) ??
        addWorksheetTitle(
          xml,
          pending.before.map((sheet) => sheet.name),
          pending.name
        );
      if (updated === null) return; // leave app.xml as it was rather than half-updated
      xml = updated;
    }
    this.editor.writeText(appPart, xml);
  }

  /** Links a stylesheet we had to create, now that something is in it. */
  private linkNewStyleSheet(): void {
    this.stylesPart = this.editor.freePartName(this.workbookDirectory + "styles{n}.xml");
    this.workbookRels = addRelationship(
      this.workbookRels || null,
      RELATIONSHIP_TYPE.styles,
      relativeTarget(this.workbookPart, this.stylesPart)
    ).xml;
    this.contentTypes = setOverrideContentType(
      this.contentTypes,
      this.stylesPart,
      CONTENT_TYPE.styles
    );
  }

  /** Records this run's marks (over an earlier record), unless there is nothing to record. */
  private writeRecord(): void {
    let marked = false;
    this.record.forEach((cells) => (marked = marked || cells.length > 0));
    if (!marked && this.earlierRecordPart === null) return;
    const context: RecordContext = {
      editor: this.editor,
      workbookPart: this.workbookPart,
      workbookRels: this.workbookRels,
      contentTypes: this.contentTypes,
    };
    writeMarkRecord(context, this.earlierRecordPart, this.record);
    this.workbookRels = context.workbookRels;
    this.contentTypes = context.contentTypes;
  }

  async finish(deflate?: RawDeflate): Promise<Uint8Array> {
    this.activePart = "docProps/app.xml";
    await this.updateAppProperties();
    this.activePart = "customXml";
    this.writeRecord();
    for (const { found, record } of this.addinRecordsLeft) {
      this.activePart = found.part;
      await writeAddinRecord(this.editor, found, record);
    }
    this.activePart = this.workbookPart;
    if (this.stylesPart === "" && this.styles.text !== emptyStyleSheet()) this.linkNewStyleSheet();
    const editor = this.editor;
    const writeIfChanged = async (path: string, text: string): Promise<void> => {
      if ((await editor.readText(path)) !== text) editor.writeText(path, text);
    };
    await writeIfChanged(this.workbookPart, this.workbookXml);
    if (this.workbookRels)
      await writeIfChanged(relationshipsPartFor(this.workbookPart), this.workbookRels);
    if (this.stylesPart !== "") await writeIfChanged(this.stylesPart, this.styles.text);
    await writeIfChanged("[Content_Types].xml", this.contentTypes);
    this.activePart = "";
    this.progress.generating = true;
    return editor.generate(deflate);
  }
}

/** The part a writer is working on, shared with writeScoredCopy for its error. */
interface Progress {
  part: string;
  /** Every part has been edited; the package is being compressed. */
  generating: boolean;
}

/**
 * The scored copy of a workbook: `plan.marks` filled and noted, `plan.sheets` written, each
 * output sheet carrying its ownership mark. Returns the new package's bytes. Fails only with a
 * ScoredCopyError, whose Chinese message names the part it could not follow.
 */
export async function writeScoredCopy(
  input: Uint8Array | ArrayBuffer,
  plan: WritePlan,
  options: WriteScoredCopyOptions = {}
): Promise<Uint8Array> {
  const progress: Progress = { part: "", generating: false };
  try {
    let zip = options.zip;
    if (!zip) {
      try {
        zip = await openZipPackage(input instanceof Uint8Array ? input : new Uint8Array(input));
      } catch (error) {
        throw new ScoredCopyError({ reason: "not-zip", part: "", detail: String(error) });
      }
    }
    const writer = await ScoredCopyWriter.open(zip, progress);
    // Marks on a sheet about to be overwritten would vanish with it.
    const replaced = new Set(
      plan.sheets
        .filter((placed) => placed.mode === "replace")
        .map((placed) => placed.name.toLowerCase())
    );
    await writer.takeBackEarlierMarks(replaced);
    // With a deflate that runs beside this thread (Node's zlib on its thread pool), each part
    // made is compressed while the next is built, not all of them at the end.
    const deflate = options.deflate;
    const compressAhead = (): void => {
      if (deflate) writer.editor.compressAhead(deflate);
    };
    for (const [sheetName, marks] of Array.from(marksBySheet(plan.marks).entries())) {
      if (!replaced.has(sheetName.toLowerCase())) await writer.markCells(sheetName, marks);
      compressAhead();
    }
    for (const placed of plan.sheets) {
      await writer.writeOutputSheet(placed);
      compressAhead();
    }
    return await writer.finish(deflate);
  } catch (error) {
    // A part that cannot even be inflated is the reader's kind of failure, named as it names it.
    if (error instanceof ScoredCopyError || error instanceof UnreadableWorkbookError) throw error;
    if (error instanceof ZipLimitError)
      throw new ScoredCopyError({ reason: "too-large", part: "", ...error.over });
    // Compressing edits no part: a failure there is no part's fault, and is not called one.
    if (progress.generating) throw error;
    // The XML layer's MalformedXmlError, and anything else met while following a part's
    // structure, is that part's fault: named, so that the user knows where to look.
    throw malformedPart(progress.part, error instanceof Error ? error.message : String(error));
  }
}
