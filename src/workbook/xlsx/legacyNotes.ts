/**
 * Notes ("legacy comments") on marked cells. A note is two things in the package: a <comment>
 * in the sheet's comments part (the text) and a VML shape in the sheet's legacy drawing (the
 * box). Existing comments parts and drawings are extended; otherwise new ones are created and
 * linked from the sheet. A cell that already has a comment keeps it and gets no note from us.
 */
import { MalformedXmlError } from "./malformedXml";
import { normaliseA1, parseA1, toA1, wrappedLineCount } from "../../engine";
import {
  CONTENT_TYPE,
  RELATIONSHIPS_NAMESPACE,
  RELATIONSHIP_TYPE,
  XML_DECLARATION,
  addRelationship,
  ensureDefaultContentType,
  parseRelationships,
  relationshipKind,
  relationshipsPartFor,
  relativeTarget,
  resolveTarget,
  setOverrideContentType,
  type PackageEditor,
} from "./opcPackage";
import { SPREADSHEET_NAMESPACE } from "./styleSheet";
import {
  bindNamespacePrefix,
  childElements,
  elementPrefix,
  escapeSpreadsheetText,
  escapeXmlText,
  findChild,
  insertionPoint,
  openElement,
  relationshipIdOf,
  rootElement,
  setAttribute,
  splice,
  startTagPattern,
  unescapeXml,
  withPrefix,
  type ElementSpan,
} from "./xmlText";
import { decodeSpreadsheetText } from "./spreadsheetText";

export const NOTE_AUTHOR = "绩效自评助手";

export interface NoteToAdd {
  /** 1-based. */
  readonly row: number;
  readonly column: number;
  readonly text: string;
}

/** What adding notes needs from the package being written. */
export interface NotesContext {
  readonly editor: PackageEditor;
  /** "xl/" — where new comments and drawing parts go. */
  readonly workbookDirectory: string;
  /** [Content_Types].xml, updated in place. */
  contentTypes: string;
  /** Shape-id blocks (of 1024) for a new VML drawing, unique in the workbook. */
  allocateShapeBlocks(count: number): number[];
}

/** CT_Worksheet's child order: <legacyDrawing> must come exactly here for Excel to open the file. */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

const VML_NAMESPACES: ReadonlyArray<readonly [string, string]> = [
  ["v", "urn:schemas-microsoft-com:vml"],
  ["o", "urn:schemas-microsoft-com:office:office"],
  ["x", "urn:schemas-microsoft-com:office:excel"],
];

const NOTE_SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** The cells that already have a comment in a comments part. */
function commentedCells(commentsXml: string): Set<string> {
  const root = rootElement(commentsXml);
  const pattern = startTagPattern(elementPrefix(root) + "comment");
  const cells = new Set<string>();
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(commentsXml))) {
    const reference = /\sref\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(match[1]);
    if (reference) cells.add(normaliseA1(reference[1] ?? reference[2]));
  }
  return cells;
}

function commentMarkup(note: NoteToAdd, authorId: number): string {
  // One run in Excel's note font; ExcelJS reads note text only from runs.
  return (
    `<comment ref="${toA1(note.row, note.column)}" authorId="${authorId}"><text><r>` +
    `<rPr><sz val="9"/><color indexed="81"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr>` +
    `<t xml:space="preserve">${escapeSpreadsheetText(note.text)}</t></r></text></comment>`
  );
}

/** Adds our author (if missing) and the comments to an existing comments part. */
function extendComments(xml: string, notes: readonly NoteToAdd[]): string {
  let text = xml;
  const p = elementPrefix(rootElement(text));
  let authors = findChild(text, rootElement(text), "authors");
  if (!authors) {
    const at = rootElement(text).startTagEnd;
    text = splice(text, at, at, withPrefix(p, "<authors></authors>"));
    authors = findChild(text, rootElement(text), "authors");
    if (!authors) throw new MalformedXmlError("comments part without <authors>");
  }
  const names = childElements(text, authors)
    .filter((author) => author.localName === "author")
    .map((author) => unescapeXml(text.slice(author.startTagEnd, author.closeStart)));
  let authorId = names.indexOf(NOTE_AUTHOR);
  if (authorId < 0) {
    authorId = names.length;
    const opened = openElement(text, authors);
    const author = withPrefix(p, `<author>${escapeXmlText(NOTE_AUTHOR)}</author>`);
    text = splice(opened.xml, opened.appendAt, opened.appendAt, author);
  }
  let commentList = findChild(text, rootElement(text), "commentList");
  if (!commentList) {
    const afterAuthors = findChild(text, rootElement(text), "authors");
    const at = afterAuthors ? afterAuthors.end : rootElement(text).startTagEnd;
    text = splice(text, at, at, withPrefix(p, "<commentList></commentList>"));
    commentList = findChild(text, rootElement(text), "commentList");
    if (!commentList) throw new MalformedXmlError("comments part without <commentList>");
  }
  const opened = openElement(text, commentList);
  const markup = notes.map((note) => withPrefix(p, commentMarkup(note, authorId))).join("");
  return splice(opened.xml, opened.appendAt, opened.appendAt, markup);
}

function newCommentsPart(notes: readonly NoteToAdd[]): string {
  return (
    XML_DECLARATION +
    `<comments xmlns="${SPREADSHEET_NAMESPACE}"><authors><author>${escapeXmlText(NOTE_AUTHOR)}</author></authors>` +
    `<commentList>${notes.map((note) => commentMarkup(note, 0)).join("")}</commentList></comments>`
  );
}

/** The VML box of one note, anchored beside its cell and tall enough for its text. */
function noteShape(note: NoteToAdd, shapeId: number, zIndex: number): string {
  const lines = Math.min(40, wrappedLineCount(note.text, 24));
  const heightPt = Math.max(60, lines * 12 + 12);
  const column0 = note.column - 1;
  const row0 = note.row - 1;
  const topRow = Math.max(0, row0 - 1);
  const bottomRow = topRow + Math.ceil(heightPt / 15);
  // Excel places the box by x:Anchor; the style margins only approximate it for other readers.
  const marginLeft = (column0 + 1) * 48 + 11.25;
  const marginTop = topRow * 15 + 1.5;
  const anchor = [column0 + 1, 15, topRow, 10, column0 + 4, 15, bottomRow, 4].join(", ");
  return (
    `<v:shape id="_x0000_s${shapeId}" type="#_x0000_t202" style="position:absolute;` +
    `margin-left:${marginLeft}pt;margin-top:${marginTop}pt;width:144pt;height:${heightPt}pt;` +
    `z-index:${zIndex};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>` +
    `<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto">` +
    `<div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note">` +
    `<x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row0}</x:Row><x:Column>${column0}</x:Column>` +
    `</x:ClientData></v:shape>`
  );
}

function newVmlDrawing(notes: readonly NoteToAdd[], blocks: readonly number[]): string {
  const namespaces = VML_NAMESPACES.map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`).join(" ");
  const firstId = blocks[0] * 1024 + 1;
  const shapes = notes.map((note, i) => noteShape(note, firstId + i, i + 1)).join("");
  return (
    `<xml ${namespaces}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(",")}"/>` +
    `</o:shapelayout>${NOTE_SHAPE_TYPE}${shapes}</xml>`
  );
}

/**
 * Appends note shapes to an existing VML drawing. VML is edited as bytes (a "binary string"):
 * Excel's VML is not always well-formed XML nor UTF-8, and our additions are plain ASCII.
 */
function extendVmlDrawing(vml: string, notes: readonly NoteToAdd[]): string {
  let text = vml;
  const rootStart = text.search(/<xml[\s>]/);
  if (rootStart < 0) throw new MalformedXmlError("VML drawing without <xml> root");
  const rootTagEnd = text.indexOf(">", rootStart) + 1;
  const rootTag = text.slice(rootStart, rootTagEnd);
  let declarations = "";
  for (const [prefix, uri] of VML_NAMESPACES) {
    if (rootTag.indexOf("xmlns:" + prefix + "=") < 0) declarations += ` xmlns:${prefix}="${uri}"`;
  }
  if (declarations) text = splice(text, rootTagEnd - 1, rootTagEnd - 1, declarations);
  let highest = 0;
  let shapeCount = 0;
  // Excel names form-control shapes ("Check_x0020_Box_x0020_1") and keeps their number in o:spid.
  const idPattern = /<v:shape\s[^>]*?\b(?:id|o:spid)\s*=\s*["']_x0000_s(\d+)/g;
  let match: RegExpExecArray | null;
  while ((match = idPattern.exec(text))) {
    highest = Math.max(highest, parseInt(match[1], 10));
    shapeCount++;
  }
  if (highest === 0) {
    const idmap = /<o:idmap[^>]*\sdata\s*=\s*["']\s*(\d+)/.exec(text);
    highest = (idmap ? parseInt(idmap[1], 10) : 1) * 1024;
  }
  const shapeType = text.indexOf("_x0000_t202") >= 0 ? "" : NOTE_SHAPE_TYPE;
  const shapes = notes
    .map((note, i) => noteShape(note, highest + 1 + i, shapeCount + i + 1))
    .join("");
  const close = text.lastIndexOf("</xml");
  if (close < 0) throw new MalformedXmlError("VML drawing without </xml>");
  return splice(text, close, close, shapeType + shapes);
}

/** A <legacyDrawing> element to insert `fromEnd` characters before the end of a worksheet part. */
export interface DrawingInsertion {
  readonly fromEnd: number;
  readonly element: string;
}

/** The sheet's link to its new note drawing, when addNotes was asked to leave the part alone. */
export interface DeferredDrawingLink {
  /** The link as one insertion after <sheetData>, where it is that (nearly always). */
  readonly insertion: DrawingInsertion | null;
  /** The link made in the part's text (restyled or not). */
  readonly apply: (sheetXml: string) => string;
}

export interface AddedNotes {
  /** The part with its drawing linked (as given when the link is deferred). */
  readonly xml: string;
  readonly added: NoteToAdd[];
  /** With `deferLink`, the link the part still needs, if any. */
  readonly link?: DeferredDrawingLink;
}

/**
 * Adds notes to a sheet, skipping cells that already have a comment. Returns the sheet's XML,
 * with a <legacyDrawing> added when the sheet had no drawing for notes yet, and the notes added.
 * With `deferLink` the part is returned as given and the link it needs comes apart (`link`): the
 * caller restyling the same part links it while encoding (writeScoredCopy's markCells).
 */
export async function addNotes(
  context: NotesContext,
  sheetPart: string,
  sheetXml: string,
  notes: readonly NoteToAdd[],
  options: { readonly deferLink?: boolean } = {}
): Promise<AddedNotes> {
  const editor = context.editor;
  const relsPart = relationshipsPartFor(sheetPart);
  const originalRelsXml = await editor.readText(relsPart);
  let relsXml = originalRelsXml;
  const relationships = parseRelationships(relsXml).filter(
    (relationship) => !relationship.external
  );

  const commentsRelationship = relationships.find(
    (relationship) => relationshipKind(relationship.type) === "comments"
  );
  const existingCommentsPart = commentsRelationship
    ? editor.partName(resolveTarget(sheetPart, commentsRelationship.target))
    : null;
  const existingComments =
    existingCommentsPart === null ? null : await editor.readText(existingCommentsPart);
  const taken = existingComments === null ? new Set<string>() : commentedCells(existingComments);
  const added: NoteToAdd[] = [];
  for (const note of notes) {
    const reference = toA1(note.row, note.column);
    if (taken.has(reference)) continue;
    taken.add(reference);
    added.push(note);
  }
  if (added.length === 0) return { xml: sheetXml, added };

  // The text: the comments part.
  if (existingCommentsPart !== null && existingComments !== null) {
    editor.writeText(existingCommentsPart, extendComments(existingComments, added));
  } else {
    const commentsPart = editor.freePartName(context.workbookDirectory + "comments{n}.xml");
    editor.writeText(commentsPart, newCommentsPart(added));
    const link = addRelationship(
      relsXml,
      RELATIONSHIP_TYPE.comments,
      relativeTarget(sheetPart, commentsPart)
    );
    relsXml = link.xml;
    context.contentTypes = setOverrideContentType(
      context.contentTypes,
      commentsPart,
      CONTENT_TYPE.comments
    );
  }

  // The boxes: the sheet's legacy drawing (not legacyDrawingHF, which holds header pictures).
  let xml = sheetXml;
  let drawingLink: DeferredDrawingLink | undefined;
  const root = rootElement(xml);
  // <sheetData> (megabytes) is measured once, not by each walk past it.
  const sheetData = findChild(xml, root, "sheetData");
  const legacyDrawing = findChild(xml, root, "legacyDrawing", sheetData);
  const drawingId = legacyDrawing ? relationshipIdOf(legacyDrawing.attributes) : null;
  const drawingRelationship = relationships.find((relationship) => relationship.id === drawingId);
  const existingDrawingPart = drawingRelationship
    ? editor.partName(resolveTarget(sheetPart, drawingRelationship.target))
    : null;
  const existingDrawing =
    existingDrawingPart === null ? null : await editor.readBinary(existingDrawingPart);
  if (existingDrawingPart !== null && existingDrawing !== null) {
    editor.writeBinary(existingDrawingPart, extendVmlDrawing(existingDrawing, added));
  } else {
    const drawingPart = editor.freePartName(
      context.workbookDirectory + "drawings/vmlDrawing{n}.vml"
    );
    const blocks = context.allocateShapeBlocks(Math.ceil((added.length + 1) / 1024));
    editor.writeBinary(drawingPart, newVmlDrawing(added, blocks));
    const link = addRelationship(
      relsXml,
      RELATIONSHIP_TYPE.vmlDrawing,
      relativeTarget(sheetPart, drawingPart)
    );
    relsXml = link.xml;
    context.contentTypes = ensureDefaultContentType(
      context.contentTypes,
      "vml",
      CONTENT_TYPE.vmlDrawing
    );
    if (options.deferLink) {
      const id = link.id;
      const insertion = legacyDrawingInsertion(xml, id, sheetData);
      drawingLink = {
        insertion,
        apply: (text) => linkLegacyDrawing(text, id, text === sheetXml ? sheetData : null),
      };
    } else xml = linkLegacyDrawing(xml, link.id, sheetData);
  }
  if (relsXml !== null && relsXml !== originalRelsXml) {
    editor.writeText(relsPart, relsXml);
    context.contentTypes = ensureDefaultContentType(
      context.contentTypes,
      "rels",
      CONTENT_TYPE.relationships
    );
  }
  return drawingLink ? { xml, added, link: drawingLink } : { xml, added };
}

/**
 * The <legacyDrawing> element to add and where, counted from the part's end: after <sheetData>,
 * so that the same insertion holds in the part once its cells are restyled (restyleCells changes
 * nothing after <sheetData>'s content). Null when linking changes more than that: the root must
 * declare the relationships namespace, or a <legacyDrawing> is there to repoint.
 */
function legacyDrawingInsertion(
  sheetXml: string,
  relationshipId: string,
  sheetData: ElementSpan | null
): DrawingInsertion | null {
  if (sheetData === null) return null;
  const bound = bindNamespacePrefix(sheetXml, RELATIONSHIPS_NAMESPACE, "r");
  if (bound.xml !== sheetXml) return null;
  const root = rootElement(sheetXml);
  if (findChild(sheetXml, root, "legacyDrawing", sheetData)) return null;
  const at = insertionPoint(sheetXml, root, WORKSHEET_ORDER, "legacyDrawing", sheetData);
  if (at < sheetData.end) return null;
  const element = withPrefix(
    elementPrefix(root),
    `<legacyDrawing ${bound.prefix + "id"}="${relationshipId}"/>`
  );
  return { fromEnd: sheetXml.length - at, element };
}

/** Points the sheet's <legacyDrawing> at a relationship, adding the element in schema order. */
function linkLegacyDrawing(
  sheetXml: string,
  relationshipId: string,
  sheetData: ElementSpan | null
): string {
  const bound = bindNamespacePrefix(sheetXml, RELATIONSHIPS_NAMESPACE, "r");
  const xml = bound.xml;
  const root = rootElement(xml);
  // A prefix bound on the root moved every element after it: measured again then.
  const measured = xml === sheetXml ? sheetData : null;
  const idAttribute = bound.prefix + "id";
  const existing = findChild(xml, root, "legacyDrawing", measured);
  if (existing) {
    // A legacyDrawing whose drawing is missing: repoint it rather than add a second one.
    const startTag = xml.slice(existing.start, existing.startTagEnd);
    const repointed = setAttribute(startTag, idAttribute, relationshipId);
    return splice(xml, existing.start, existing.startTagEnd, repointed);
  }
  const at = insertionPoint(xml, root, WORKSHEET_ORDER, "legacyDrawing", measured);
  const element = withPrefix(
    elementPrefix(root),
    `<legacyDrawing ${idAttribute}="${relationshipId}"/>`
  );
  return splice(xml, at, at, element);
}

/** The plain text of a comment's body: its <t> runs (not phonetic guides), decoded and joined. */
function commentText(body: string): string {
  const withoutPhonetic = body.replace(
    /<(?:[A-Za-z_][\w.-]*:)?rPh\b[\s\S]*?<\/(?:[A-Za-z_][\w.-]*:)?rPh\s*>/g,
    ""
  );
  const pattern = /<(?:[A-Za-z_][\w.-]*:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?t>/g;
  let text = "";
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(withoutPhonetic))) text += decodeSpreadsheetText(match[1]);
  return text;
}

/**
 * Removes the notes the tool wrote from a comments part: a comment goes only when the record says
 * the tool put a note on that cell and the comment still reads exactly as the tool wrote it. Its
 * author is not looked at (LibreOffice drops it; Excel keeps it when the user types into the
 * note); a note the user reworded or added to in any way is theirs and stays. Returns the new
 * text and the cells whose notes went.
 */
function removeOwnComments(
  xml: string,
  recordedNotes: ReadonlyMap<string, string>
): { xml: string; cells: string[] } {
  const root = rootElement(xml);
  const commentList = findChild(xml, root, "commentList");
  if (!commentList) return { xml, cells: [] };
  const removed = childElements(xml, commentList).filter((comment) => {
    if (comment.localName !== "comment" || comment.empty) return false;
    const reference = /\sref\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(comment.attributes);
    if (!reference) return false;
    const recorded = recordedNotes.get(normaliseA1(reference[1] ?? reference[2]));
    return (
      recorded !== undefined &&
      sameNoteText(commentText(xml.slice(comment.startTagEnd, comment.closeStart)), recorded)
    );
  });
  let text = xml;
  const cells: string[] = [];
  for (let i = removed.length - 1; i >= 0; i--) {
    const comment = removed[i];
    const reference = /\sref\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(comment.attributes);
    if (reference) cells.push(normaliseA1(reference[1] ?? reference[2]));
    text = splice(text, comment.start, comment.end, "");
  }
  return { xml: text, cells };
}

/**
 * Removes from a VML drawing (a "binary string") the note shapes anchored on the given cells,
 * matched by <x:Row>/<x:Column> (0-based) in their <x:ClientData ObjectType="Note">.
 */
function removeNoteShapes(vml: string, cells: readonly string[]): string {
  const wanted = new Set<string>();
  for (const cell of cells) {
    const position = parseA1(cell);
    // VML anchors a note by 0-based row and column.
    if (position) wanted.add(position.row - 1 + ":" + (position.column - 1));
  }
  const startPattern = /<([A-Za-z0-9_]+:)?shape(?=[\s/>])(?:"[^"]*"|'[^']*'|[^>"'])*>/g;
  const pieces: string[] = [];
  let cursor = 0;
  let match: RegExpExecArray | null;
  while ((match = startPattern.exec(vml))) {
    if (match[0].slice(-2) === "/>") continue;
    const close = new RegExp("</" + (match[1] ?? "") + "shape\\s*>", "g");
    close.lastIndex = match.index + match[0].length;
    const closeMatch = close.exec(vml);
    if (!closeMatch) break;
    const end = closeMatch.index + closeMatch[0].length;
    startPattern.lastIndex = end;
    const shape = vml.slice(match.index, end);
    const clientData =
      /<(?:[A-Za-z0-9_]+:)?ClientData\s[^>]*ObjectType\s*=\s*["']Note["'][^>]*>([\s\S]*?)<\/(?:[A-Za-z0-9_]+:)?ClientData\s*>/.exec(
        shape
      );
    if (!clientData) continue;
    const row = /<(?:[A-Za-z0-9_]+:)?Row\s*>\s*([0-9]+)\s*</.exec(clientData[1]);
    const column = /<(?:[A-Za-z0-9_]+:)?Column\s*>\s*([0-9]+)\s*</.exec(clientData[1]);
    if (!row || !column) continue;
    const key = parseInt(row[1], 10) + ":" + parseInt(column[1], 10);
    if (!wanted.has(key)) continue;
    wanted.delete(key); // one note per cell
    pieces.push(vml.slice(cursor, match.index));
    cursor = end;
  }
  pieces.push(vml.slice(cursor));
  return pieces.join("");
}

/** The comments part of a sheet and its text, or null when the sheet has none. */
async function commentsOf(
  editor: PackageEditor,
  sheetPart: string
): Promise<{ part: string; xml: string } | null> {
  const relationships = parseRelationships(
    await editor.readText(relationshipsPartFor(sheetPart))
  ).filter((relationship) => !relationship.external);
  const commentsRelationship = relationships.find(
    (relationship) => relationshipKind(relationship.type) === "comments"
  );
  const part = commentsRelationship
    ? editor.partName(resolveTarget(sheetPart, commentsRelationship.target))
    : null;
  const xml = part === null ? null : await editor.readText(part);
  return part === null || xml === null ? null : { part, xml };
}

/** A sheet's notes as they read now, by cell ("F14"). */
export async function readNotes(
  editor: PackageEditor,
  sheetPart: string
): Promise<Map<string, string>> {
  const notes = new Map<string, string>();
  const comments = await commentsOf(editor, sheetPart);
  if (comments === null) return notes;
  const xml = comments.xml;
  const commentList = findChild(xml, rootElement(xml), "commentList");
  if (!commentList) return notes;
  for (const comment of childElements(xml, commentList)) {
    if (comment.localName !== "comment" || comment.empty) continue;
    const reference = /\sref\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(comment.attributes);
    if (!reference) continue;
    const cell = normaliseA1(reference[1] ?? reference[2]);
    if (!notes.has(cell))
      notes.set(cell, commentText(xml.slice(comment.startTagEnd, comment.closeStart)));
  }
  return notes;
}

/** Notes compared as the user sees them: line breaks of any kind are one line break. */
export function sameNoteText(a: string, b: string): boolean {
  const normal = (text: string): string => text.replace(/\r\n?/g, "\n");
  return normal(a) === normal(b);
}

/**
 * Removes the notes we wrote earlier from a sheet — `recordedNotes` holds their exact texts by
 * cell ("F14") — from its comments part, and their boxes from its legacy drawing. Parts without
 * any of our notes are left untouched.
 */
export async function removeOwnNotes(
  editor: PackageEditor,
  sheetPart: string,
  sheetXml: string,
  recordedNotes: ReadonlyMap<string, string>
): Promise<void> {
  if (recordedNotes.size === 0) return;
  const relationships = parseRelationships(
    await editor.readText(relationshipsPartFor(sheetPart))
  ).filter((relationship) => !relationship.external);
  const commentsRelationship = relationships.find(
    (relationship) => relationshipKind(relationship.type) === "comments"
  );
  const commentsPart = commentsRelationship
    ? editor.partName(resolveTarget(sheetPart, commentsRelationship.target))
    : null;
  const comments = commentsPart === null ? null : await editor.readText(commentsPart);
  if (commentsPart === null || comments === null) return;
  const removed = removeOwnComments(comments, recordedNotes);
  if (removed.cells.length === 0) return;
  editor.writeText(commentsPart, removed.xml);

  const legacyDrawing = findChild(sheetXml, rootElement(sheetXml), "legacyDrawing");
  const drawingId = legacyDrawing ? relationshipIdOf(legacyDrawing.attributes) : null;
  const drawingRelationship = relationships.find((relationship) => relationship.id === drawingId);
  const drawingPart = drawingRelationship
    ? editor.partName(resolveTarget(sheetPart, drawingRelationship.target))
    : null;
  const drawing = drawingPart === null ? null : await editor.readBinary(drawingPart);
  if (drawingPart === null || drawing === null) return;
  const trimmed = removeNoteShapes(drawing, removed.cells);
  if (trimmed !== drawing) editor.writeBinary(drawingPart, trimmed);
}
