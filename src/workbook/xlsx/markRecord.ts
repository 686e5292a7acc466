/**
 * The record of the cells a scored copy marked, kept in a custom XML part of its own (Excel
 * preserves custom XML, and so does LibreOffice, which links it from the package root). Scoring
 * the copy again reads it to take back exactly our earlier marks and nothing of the user's.
 *
 *   <selfevalMarks xmlns="urn:selfeval:marks:v1">
 *     <sheet id="1">
 *       <c r="F14" s="3" m="27" f="FFFFC7CE">
 *         <fill>&lt;fill&gt;&lt;patternFill patternType="none"/&gt;&lt;/fill&gt;</fill>
 *         <note>【错误】「项目按期完成率」实际完成值未填写，请补充。</note>
 *       </c>
 *       <c r="G3" s="5" m="5"><note>…</note></c>
 *     </sheet>
 *   </selfevalMarks>
 *
 * `s`/`m` are xf indexes, which hold only while no other program renumbers the styles; the mark's
 * fill colour (`f`), the cell's own fill before it (`<fill>`, as markup) and the note's exact text
 * (`<note>`) are what survive a LibreOffice or WPS save. A cell that got a note but kept its style
 * has s = m. Records written before these were kept have only r, s and m, and are still read.
 */
import { normaliseA1 } from "../../engine";
import {
  RELATIONSHIPS_NAMESPACE,
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
import {
  childElements,
  escapeSpreadsheetText,
  escapeXmlAttribute,
  getAttribute,
  prefixForNamespace,
  rootElement,
} from "./xmlText";
import { decodeSpreadsheetText } from "./spreadsheetText";

export const MARK_RECORD_NAMESPACE = "urn:selfeval:marks:v1";
/** The fixed datastore item id of our record part. */
export const MARK_RECORD_ITEM_ID = "{5E1FE7A1-3C0B-4D8E-9A52-6B7C1D2E3F40}";
const CUSTOM_XML_TYPE = RELATIONSHIPS_NAMESPACE + "/customXml";
const CUSTOM_XML_PROPS_TYPE = RELATIONSHIPS_NAMESPACE + "/customXmlProps";
const CUSTOM_XML_PROPS_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const CUSTOM_XML_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml";

export interface RecordedCell {
  /** "F14" */
  readonly reference: string;
  /** The cell's xf index before we marked it. */
  readonly original: number;
  /** The xf index we gave it (equal to `original` when only a note was added). */
  readonly mark: number;
  /** The mark's fill colour, ARGB ("FFFFC7CE"); absent in older records and note-only entries. */
  readonly markFill?: string;
  /** The cell's own <fill> before the mark, as unprefixed markup; absent in older records. */
  readonly originalFill?: string;
  /** The exact text of the note the tool put on the cell; absent when it wrote none (and in older records). */
  readonly note?: string;
}

/** Recorded cells by sheet — "#<sheetId>" (or a sheet name, in records written before ids) — in the order written. */
export type MarkRecord = Map<string, RecordedCell[]>;

/** Parses a record part; null when the XML is not ours. */
export function parseMarkRecord(xml: string): MarkRecord | null {
  let root;
  try {
    root = rootElement(xml);
  } catch {
    return null;
  }
  if (root.localName !== "selfevalMarks") return null;
  const prefix = root.qualifiedName.slice(0, root.qualifiedName.length - root.localName.length);
  if (prefixForNamespace(root, MARK_RECORD_NAMESPACE) !== prefix) return null;
  const record: MarkRecord = new Map();
  for (const sheet of childElements(xml, root)) {
    if (sheet.localName !== "sheet") continue;
    const id = getAttribute(sheet.attributes, "id");
    const name =
      id !== null && /^\d+$/.test(id) ? "#" + id : getAttribute(sheet.attributes, "name");
    if (name === null) continue;
    const cells = record.get(name) ?? [];
    record.set(name, cells);
    for (const cell of childElements(xml, sheet)) {
      if (cell.localName !== "c") continue;
      const reference = getAttribute(cell.attributes, "r");
      const original = parseInt(getAttribute(cell.attributes, "s") ?? "", 10);
      const mark = parseInt(getAttribute(cell.attributes, "m") ?? "", 10);
      if (reference === null || !(original >= 0) || !(mark >= 0)) continue;
      const entry: { -readonly [K in keyof RecordedCell]: RecordedCell[K] } = {
        reference: normaliseA1(reference),
        original,
        mark,
      };
      const markFill = getAttribute(cell.attributes, "f");
      if (markFill !== null && /^[0-9A-Fa-f]{6,8}$/.test(markFill))
        entry.markFill = markFill.toUpperCase();
      if (!cell.empty) {
        for (const child of childElements(xml, cell)) {
          const text = decodeSpreadsheetText(xml.slice(child.startTagEnd, child.closeStart));
          if (child.localName === "fill") entry.originalFill = text;
          else if (child.localName === "note") entry.note = text;
        }
      }
      cells.push(entry);
    }
  }
  return record;
}

export function formatMarkRecord(record: MarkRecord): string {
  // The fills from before the marks are a handful of <fill> markups, each escaped once, not once
  // for each of 3,000 cells.
  const escapedFills = new Map<string, string>();
  const escapedFill = (fill: string): string => {
    let escaped = escapedFills.get(fill);
    if (escaped === undefined) escapedFills.set(fill, (escaped = escapeSpreadsheetText(fill)));
    return escaped;
  };
  let body = "";
  record.forEach((cells, key) => {
    if (cells.length === 0) return;
    const id = /^#(\d+)$/.exec(key);
    body += id ? `<sheet id="${id[1]}">` : `<sheet name="${escapeXmlAttribute(key)}">`;
    for (const cell of cells) {
      body += `<c r="${escapeXmlAttribute(cell.reference)}" s="${cell.original}" m="${cell.mark}"`;
      if (cell.markFill !== undefined) body += ` f="${escapeXmlAttribute(cell.markFill)}"`;
      let children = "";
      if (cell.originalFill !== undefined)
        children += `<fill>${escapedFill(cell.originalFill)}</fill>`;
      if (cell.note !== undefined) children += `<note>${escapeSpreadsheetText(cell.note)}</note>`;
      body += children === "" ? "/>" : ">" + children + "</c>";
    }
    body += "</sheet>";
  });
  return (
    XML_DECLARATION + `<selfevalMarks xmlns="${MARK_RECORD_NAMESPACE}">${body}</selfevalMarks>`
  );
}

/** The record found in a package: its part and contents. */
export interface FoundMarkRecord {
  readonly part: string;
  readonly record: MarkRecord;
}

/** Our record among the workbook's custom XML parts, or null when the package has none. */
export async function readMarkRecord(
  editor: PackageEditor,
  workbookPart: string,
  workbookRels: string | null
): Promise<FoundMarkRecord | null> {
  for (const relationship of parseRelationships(workbookRels)) {
    if (relationship.external || relationshipKind(relationship.type) !== "customXml") continue;
    const part = editor.partName(resolveTarget(workbookPart, relationship.target));
    if (part === null) continue;
    const xml = await editor.readText(part);
    const record = xml === null ? null : parseMarkRecord(xml);
    if (record) return { part, record };
  }
  // Some programs (LibreOffice) link custom XML from the package root instead: look at every item.
  for (const part of editor.partNames()) {
    if (!/^customXml\/item\d+\.xml$/i.test(part)) continue;
    const xml = await editor.readText(part);
    const record = xml === null ? null : parseMarkRecord(xml);
    if (record) return { part, record };
  }
  return null;
}

export interface RecordContext {
  readonly editor: PackageEditor;
  readonly workbookPart: string;
  workbookRels: string;
  contentTypes: string;
}

/**
 * Writes the record: over the earlier record's part when there is one, else as a new custom XML
 * item (with its properties part) linked from the workbook.
 */
export function writeMarkRecord(
  context: RecordContext,
  existingPart: string | null,
  record: MarkRecord
): void {
  const editor = context.editor;
  const xml = formatMarkRecord(record);
  if (existingPart !== null) {
    editor.writeText(existingPart, xml);
    return;
  }
  let n = 1;
  const free = (path: string): boolean => editor.partName(path) === null;
  while (
    !free(`customXml/item${n}.xml`) ||
    !free(`customXml/itemProps${n}.xml`) ||
    !free(relationshipsPartFor(`customXml/item${n}.xml`))
  )
    n++;
  const item = `customXml/item${n}.xml`;
  const itemProps = `customXml/itemProps${n}.xml`;
  editor.writeText(item, xml);
  editor.writeText(
    itemProps,
    XML_DECLARATION +
      `<ds:datastoreItem ds:itemID="${MARK_RECORD_ITEM_ID}" xmlns:ds="${CUSTOM_XML_NAMESPACE}">` +
      "<ds:schemaRefs/></ds:datastoreItem>"
  );
  editor.writeText(
    relationshipsPartFor(item),
    addRelationship(null, CUSTOM_XML_PROPS_TYPE, relativeTarget(item, itemProps)).xml
  );
  context.workbookRels = addRelationship(
    context.workbookRels || null,
    CUSTOM_XML_TYPE,
    relativeTarget(context.workbookPart, item)
  ).xml;
  let types = context.contentTypes;
  types = ensureDefaultContentType(types, "xml", "application/xml");
  types = ensureDefaultContentType(
    types,
    "rels",
    "application/vnd.openxmlformats-package.relationships+xml"
  );
  types = setOverrideContentType(types, itemProps, CUSTOM_XML_PROPS_CONTENT_TYPE);
  context.contentTypes = types;
}
