/**
 * Reads an .xlsx into the engine's grid with the package layer the scored copy is written with:
 * the zip container (zipPackage.ts), the relationships (opcPackage.ts), the workbook part
 * (workbookPart.ts) and start-tag scanning of worksheet parts (worksheetCells.ts). Works in Node
 * and in the browser. Every way a file can fail to be a readable workbook ends in one
 * UnreadableWorkbookError with a reason code; readErrorText.ts words it.
 */
import { MalformedXmlError } from "./malformedXml";
import { createSheetGrid, type SheetGrid, type SheetOwner, type WorkbookGrid } from "../../engine";
import { readCellFormats } from "./cellFormats";
import { formatCellText } from "./formatCellText";
import {
  parseRelationships,
  relationshipKind,
  relationshipsPartFor,
  resolveTarget,
  type Relationship,
} from "./opcPackage";
import type { RawInflate } from "./rawInflate";
import { readOwnerMarks } from "./readOwnerMarks";
import { stringItemReader, withoutMarkupDeclarations } from "./stringItems";
import { UnreadableWorkbookError } from "./unreadableWorkbookError";
import { readWorkbookSheets, type SheetState, type WorkbookSheet } from "./workbookPart";
import { readWorksheetCells } from "./worksheetCells";
import { openZipPackage, type PackageLimits, type ZipPackage } from "./zipPackage";
import { elementPrefix, escapeRegExp, findChild, getAttribute, rootElement } from "./xmlText";

export { UnreadableWorkbookError } from "./unreadableWorkbookError";

/** Strict Open XML (ISO/IEC 29500 Strict) namespaces start so; transitional ones do not. */
const STRICT_NAMESPACE = "http://purl.oclc.org/ooxml/";

export interface XlsxSheet {
  readonly name: string;
  readonly state: SheetState;
  /** "worksheet" for the sheets in the grid; chart, dialog and macro sheets are not read. */
  readonly kind: string;
}

export interface XlsxWorkbook {
  readonly grid: WorkbookGrid;
  /** Every sheet of the workbook, in tab order, with its state and kind. */
  readonly sheets: readonly XlsxSheet[];
  /**
   * The package as read, for writing the scored copy from (writeScoredCopy's `zip` option):
   * its parts are inflated and decoded once, for the reader and the writer alike.
   */
  readonly zip: ZipPackage;
}

export interface ReadXlsxOptions {
  /** A faster platform inflater (Node's zlib, from the CLI); fflate's otherwise. */
  readonly inflate?: RawInflate;
  readonly limits?: PackageLimits;
}

function missingPart(part: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError("malformed", { malformed: "missing-part", part });
}

function badXml(part: string, error: unknown): UnreadableWorkbookError {
  return new UnreadableWorkbookError("malformed", {
    malformed: "bad-xml",
    part,
    detail: error instanceof Error ? error.message : String(error),
  });
}

/** Runs a reading step over one part: anything but our own refusal means the XML is broken. */
function parsing<T>(part: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) throw error;
    throw badXml(part, error);
  }
}

function isStrict(namespaceOrType: string): boolean {
  return namespaceOrType.indexOf(STRICT_NAMESPACE) === 0;
}

/** The namespace the root element's own name is in. */
function rootNamespace(xml: string): string {
  const root = rootElement(xml);
  const prefix = elementPrefix(root).replace(/:$/, "");
  const pattern = new RegExp(
    "\\sxmlns" + (prefix ? ":" + escapeRegExp(prefix) : "") + "\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')"
  );
  const match = pattern.exec(root.attributes);
  return match ? (match[1] !== undefined ? match[1] : match[2]) : "";
}

/** The workbook part, from the package relationships; refuses Strict Open XML. */
function findWorkbookPart(zip: ZipPackage): string {
  const relationships = parsing("_rels/.rels", () =>
    parseRelationships(zip.readText("_rels/.rels"))
  );
  const office = relationships.find(
    (relationship) =>
      relationshipKind(relationship.type) === "officeDocument" && !relationship.external
  );
  if (office && isStrict(office.type)) throw new UnreadableWorkbookError("strict-ooxml");
  const path = office ? resolveTarget("", office.target) : "xl/workbook.xml";
  const name = zip.partName(path);
  if (name === null) throw missingPart(path);
  return name;
}

function isDate1904(workbookXml: string): boolean {
  const root = rootElement(workbookXml);
  const workbookPr = findChild(workbookXml, root, "workbookPr");
  const value = workbookPr ? getAttribute(workbookPr.attributes, "date1904") : null;
  return value === "1" || value === "true";
}

/** A part linked from the workbook by kind ("styles", "sharedStrings"), or null. */
function linkedPart(
  zip: ZipPackage,
  workbookPart: string,
  relationships: readonly Relationship[],
  kind: string
): string | null {
  const relationship = relationships.find(
    (candidate) => relationshipKind(candidate.type) === kind && !candidate.external
  );
  return relationship ? zip.partName(resolveTarget(workbookPart, relationship.target)) : null;
}

function readSharedStrings(zip: ZipPackage, part: string | null): string[] {
  if (part === null) return [];
  const text = zip.readText(part);
  if (text === null) return [];
  const strings = parsing(part, () => {
    const head = rootElement(text);
    const body = text.slice(head.startTagEnd);
    const xml = /<[!?]/.test(body) ? withoutMarkupDeclarations(body) : body;
    const p = elementPrefix(head);
    const readItem = stringItemReader(p);
    // Each <si …> (not <sit…>) up to its ">"; "/>" makes it empty. Found by indexOf, not by a
    // pattern and its match for each of 22,000 items.
    const open = "<" + p + "si";
    const close = "</" + p + "si>";
    const items: string[] = [];
    let at = xml.indexOf(open);
    while (at >= 0) {
      const next = xml.charAt(at + open.length);
      if (next !== ">" && next !== "/" && !/\s/.test(next)) {
        at = xml.indexOf(open, at + 1);
        continue;
      }
      const tagEnd = xml.indexOf(">", at + open.length);
      if (tagEnd < 0) break;
      let after: number; // past the item
      if (xml.charCodeAt(tagEnd - 1) === 47 /* / */) {
        items.push("");
        after = tagEnd + 1;
      } else {
        // readItem takes a plain <t>text</t> as it stands (stringItemReader's own shortcut).
        const start = tagEnd + 1;
        const end = xml.indexOf(close, start);
        if (end < 0) throw new MalformedXmlError("unclosed <si>");
        items.push(readItem(xml, start, end));
        after = end + close.length;
      }
      // Items follow one another: the next starts where this one ends, nearly always.
      at = xml.startsWith(open, after) ? after : xml.indexOf(open, after);
    }
    return items;
  });
  // The writer never needs the shared strings again.
  zip.forgetText(part);
  return strings;
}

/**
 * The tool's own sheets, with the fingerprint of what it wrote — unless the user has since
 * given one notes, pictures or charts (the tool writes none): such a sheet counts as edited,
 * so that re-scoring writes a new sheet beside it instead of dropping what the user added.
 */
function ownersAsWritten(
  zip: ZipPackage,
  workbookXml: string,
  sheetParts: ReadonlyMap<string, string>
): Map<string, SheetOwner> {
  const owners = readOwnerMarks(workbookXml);
  owners.forEach((owner, name) => {
    const part = sheetParts.get(name);
    if (part === undefined) return;
    const rels = zip.readText(relationshipsPartFor(part));
    if (rels !== null && parsing(part, () => parseRelationships(rels)).length > 0)
      owners.set(name, { kind: owner.kind, writtenFingerprint: null });
  });
  return owners;
}

/** Reads an .xlsx into the engine's grid. Throws UnreadableWorkbookError; never writes. */
export async function readXlsxGrid(
  bytes: Uint8Array,
  options: ReadXlsxOptions = {}
): Promise<XlsxWorkbook> {
  const zip = await openZipPackage(bytes, options);
  if (zip.readText("[Content_Types].xml") === null) throw missingPart("[Content_Types].xml");
  const workbookPart = findWorkbookPart(zip);
  const workbookXml = zip.readText(workbookPart);
  if (workbookXml === null) throw missingPart(workbookPart);
  if (parsing(workbookPart, () => isStrict(rootNamespace(workbookXml))))
    throw new UnreadableWorkbookError("strict-ooxml", { part: workbookPart });
  const workbookSheets: WorkbookSheet[] = parsing(workbookPart, () =>
    readWorkbookSheets(workbookXml)
  );
  const date1904 = parsing(workbookPart, () => isDate1904(workbookXml));
  const relsPart = relationshipsPartFor(workbookPart);
  const relationships = parsing(relsPart, () => parseRelationships(zip.readText(relsPart)));

  const stylesPart = linkedPart(zip, workbookPart, relationships, "styles");
  const stylesXml = stylesPart === null ? null : zip.readText(stylesPart);
  const formats = parsing(stylesPart ?? "xl/styles.xml", () => readCellFormats(stylesXml));
  const sharedStrings = readSharedStrings(
    zip,
    linkedPart(zip, workbookPart, relationships, "sharedStrings")
  );

  const sheets: XlsxSheet[] = [];
  const worksheetParts = new Map<string, string>();
  for (const sheet of workbookSheets) {
    const relationship = relationships.find((candidate) => candidate.id === sheet.relationshipId);
    const kind = relationship ? relationshipKind(relationship.type) : "missing";
    sheets.push({ name: sheet.name, state: sheet.state, kind });
    if (kind !== "worksheet" || !relationship || relationship.external) continue;
    const part = zip.partName(resolveTarget(workbookPart, relationship.target));
    if (part === null)
      throw new UnreadableWorkbookError("malformed", {
        malformed: "missing-sheet",
        sheet: sheet.name,
        part: resolveTarget(workbookPart, relationship.target),
      });
    worksheetParts.set(sheet.name, part);
  }
  const owners = ownersAsWritten(zip, workbookXml, worksheetParts);

  const grids: SheetGrid[] = [];
  const otherSheetNames: string[] = [];
  for (const sheet of sheets) {
    const part = worksheetParts.get(sheet.name);
    const xml = part === undefined ? null : zip.readText(part);
    // A dialog sheet may hide behind a worksheet relationship; its root says so.
    if (part === undefined || xml === null || !/^(?:[^:]+:)?worksheet$/.test(rootName(xml, part))) {
      otherSheetNames.push(sheet.name);
      continue;
    }
    const { eachCell, merges } = readWorksheetCells(xml, {
      sheet: sheet.name,
      part,
      sharedStrings,
      formats,
      date1904,
    });
    grids.push(
      createSheetGrid({
        name: sheet.name,
        cells: eachCell,
        merges,
        // Numbers get their displayed text when the engine asks for it.
        formatNumber: formatCellText,
        owner: owners.get(sheet.name) ?? null,
      })
    );
  }

  return { grid: { sheets: grids, otherSheetNames }, sheets, zip };
}

function rootName(xml: string, part: string): string {
  return parsing(part, () => rootElement(xml).qualifiedName);
}
