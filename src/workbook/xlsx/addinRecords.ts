/**
 * The records the add-ins keep of the cells they marked, as a saved .xlsx holds them, so that the
 * scored copy can take those marks back as it takes back its own (markRecord.ts):
 *
 * - WPS 表格 keeps its record in the workbook's custom document properties, chunked
 *   (recordChunks.ts): docProps/custom.xml, `<property name="SelfEval.Marks.v1.n">` and
 *   `SelfEval.Marks.v1.0`… each holding `<vt:lpwstr>` text;
 * - Excel keeps an add-in's document settings in its web extension part,
 *   xl/webextensions/webextension1.xml: `<we:property name="SelfEval.Marks.v1" value="{…}"/>`,
 *   the value the setting's JSON.
 *
 * Both hold the same record (office/fillRecord.ts): by sheet (its name; ids are worth nothing in
 * a file), each marked cell with the fill it had before (`#RRGGBB` or none, a pattern and its
 * colour), the mark's colour and the exact text of the note the add-in wrote, if it wrote one.
 * What a record does not hold: the cell's style index, nor the note's author.
 */
import {
  MARK_RECORD_SETTING,
  normaliseColour,
  parseFillRecord,
  type FillRecord,
  type RecordedFill,
  type RecordedSheet,
} from "../office/fillRecord";
import { chunkCountName, chunkName, chunkText, isChunkProperty, joinChunks } from "../recordChunks";
import {
  parseRelationships,
  relationshipKind,
  resolveTarget,
  type PackageEditor,
} from "./opcPackage";
import {
  bindNamespacePrefix,
  childElements,
  escapeXmlAttribute,
  escapeXmlText,
  findChild,
  getAttribute,
  openElement,
  rootElement,
  setAttribute,
  splice,
  unescapeXml,
} from "./xmlText";

const VT_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
/** The format id every custom property carries (the user-defined property set). */
const CUSTOM_PROPERTY_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

/** An add-in's record found in the package. */
export interface AddinRecord {
  readonly host: "wps" | "excel";
  /** The part holding it. */
  readonly part: string;
  readonly record: FillRecord;
}

/** docProps/custom.xml, by the package's relationship (or where every program puts it). */
async function customPropertiesPart(editor: PackageEditor): Promise<string | null> {
  const relationships = parseRelationships(await editor.readText("_rels/.rels"));
  const relationship = relationships.find(
    (candidate) => !candidate.external && relationshipKind(candidate.type) === "custom-properties"
  );
  return editor.partName(
    relationship ? resolveTarget("", relationship.target) : "docProps/custom.xml"
  );
}

/** The custom properties' text values, by name (a property of another type reads as null). */
function customProperties(xml: string): Map<string, string | null> {
  const properties = new Map<string, string | null>();
  const root = rootElement(xml);
  for (const property of childElements(xml, root)) {
    if (property.localName !== "property") continue;
    const name = getAttribute(property.attributes, "name");
    if (name === null || properties.has(name)) continue;
    const value = property.empty ? [] : childElements(xml, property);
    properties.set(
      name,
      value.length === 1 && value[0].localName === "lpwstr"
        ? unescapeXml(xml.slice(value[0].startTagEnd, value[0].closeStart))
        : null
    );
  }
  return properties;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    // A setting stored as a JSON string of its JSON (double-encoded) is read through.
    return typeof value === "string" ? JSON.parse(value) : value;
  } catch {
    return null;
  }
}

function hasSheets(record: FillRecord): boolean {
  return Object.keys(record).length > 0;
}

/** WPS's record, from docProps/custom.xml. */
async function readWpsRecord(editor: PackageEditor): Promise<AddinRecord | null> {
  const part = await customPropertiesPart(editor);
  const xml = part === null ? null : await editor.readText(part);
  if (part === null || xml === null) return null;
  const properties = customProperties(xml);
  const text = joinChunks(MARK_RECORD_SETTING, (name) => properties.get(name) ?? null);
  const record = parseFillRecord(parseJson(text));
  return hasSheets(record) ? { host: "wps", part, record } : null;
}

/** The web extension parts: xl/webextensions/webextension1.xml and its kind. */
function webExtensionParts(editor: PackageEditor): string[] {
  return editor
    .partNames()
    .filter((name) => /(^|\/)webextensions\/webextension[^/]*\.xml$/i.test(name))
    .sort();
}

/** The <we:property> elements of a web extension part. */
function webExtensionProperties(xml: string): Array<{ start: number; end: number; tag: string }> {
  const root = rootElement(xml);
  const properties = findChild(xml, root, "properties");
  if (!properties) return [];
  return childElements(xml, properties)
    .filter((child) => child.localName === "property")
    .map((child) => ({
      start: child.start,
      end: child.end,
      tag: xml.slice(child.start, child.startTagEnd),
    }));
}

/** Excel's record, from the web extension part that holds one. */
async function readExcelRecords(editor: PackageEditor): Promise<AddinRecord[]> {
  const found: AddinRecord[] = [];
  for (const part of webExtensionParts(editor)) {
    const xml = await editor.readText(part);
    if (xml === null) continue;
    const property = webExtensionProperties(xml).find(
      (candidate) => getAttribute(candidate.tag, "name") === MARK_RECORD_SETTING
    );
    if (!property) continue;
    const record = parseFillRecord(parseJson(getAttribute(property.tag, "value")));
    if (hasSheets(record)) found.push({ host: "excel", part, record });
  }
  return found;
}

/** The add-ins' records in the package: WPS's and Excel's. */
export async function readAddinRecords(editor: PackageEditor): Promise<AddinRecord[]> {
  const records: AddinRecord[] = [];
  const wps = await readWpsRecord(editor);
  if (wps) records.push(wps);
  return records.concat(await readExcelRecords(editor));
}

/** Rewrites WPS's record in docProps/custom.xml; the other properties stay exactly as they were. */
function rewriteWpsRecord(xml: string, record: FillRecord): string {
  const root = rootElement(xml);
  const kept: string[] = [];
  let highestPid = 1;
  for (const property of childElements(xml, root)) {
    const pid = parseInt(getAttribute(property.attributes, "pid") ?? "", 10);
    if (property.localName === "property") {
      const name = getAttribute(property.attributes, "name") ?? "";
      if (isChunkProperty(MARK_RECORD_SETTING, name)) continue;
      if (pid > highestPid) highestPid = pid;
    }
    kept.push(xml.slice(property.start, property.end));
  }
  let text = xml;
  let added = "";
  if (hasSheets(record)) {
    const bound = bindNamespacePrefix(text, VT_NAMESPACE, "vt");
    text = bound.xml;
    const prefix = root.qualifiedName.slice(0, root.qualifiedName.length - root.localName.length);
    const property = (name: string, value: string): string =>
      "<" +
      prefix +
      'property fmtid="' +
      CUSTOM_PROPERTY_FMTID +
      '" pid="' +
      ++highestPid +
      '" name="' +
      escapeXmlAttribute(name) +
      '"><' +
      bound.prefix +
      "lpwstr>" +
      escapeXmlText(value) +
      "</" +
      bound.prefix +
      "lpwstr></" +
      prefix +
      "property>";
    const chunks = chunkText(JSON.stringify(record));
    added += property(chunkCountName(MARK_RECORD_SETTING), String(chunks.length));
    chunks.forEach(
      (chunk, index) => (added += property(chunkName(MARK_RECORD_SETTING, index), chunk))
    );
  }
  const opened = openElement(text, rootElement(text));
  const newRoot = rootElement(opened.xml);
  return splice(opened.xml, newRoot.startTagEnd, newRoot.closeStart, kept.join("") + added);
}

/** Rewrites Excel's record in its web extension part: the property's value, or no property. */
function rewriteExcelRecord(xml: string, record: FillRecord): string {
  const property = webExtensionProperties(xml).find(
    (candidate) => getAttribute(candidate.tag, "name") === MARK_RECORD_SETTING
  );
  if (!property) return xml;
  if (!hasSheets(record)) return splice(xml, property.start, property.end, "");
  const tag = setAttribute(property.tag, "value", JSON.stringify(record));
  return splice(xml, property.start, property.start + property.tag.length, tag);
}

/** Writes what is left of an add-in's record (entries taken back are gone) into its part. */
export async function writeAddinRecord(
  editor: PackageEditor,
  found: AddinRecord,
  record: FillRecord
): Promise<void> {
  const xml = await editor.readText(found.part);
  if (xml === null) return;
  const rewritten =
    found.host === "wps" ? rewriteWpsRecord(xml, record) : rewriteExcelRecord(xml, record);
  if (rewritten !== xml) editor.writeText(found.part, rewritten);
}

/** A record without the entries given. */
export function withoutEntries(record: FillRecord, keys: ReadonlySet<string>): FillRecord {
  const kept: Record<string, RecordedSheet> = {};
  Object.keys(record).forEach((key) => {
    if (!keys.has(key)) kept[key] = record[key];
  });
  return kept;
}

/** ST_PatternType of each pattern the records name as Office.js does. */
const PATTERN_TYPES: Readonly<Record<string, string>> = {
  Gray50: "mediumGray",
  Gray75: "darkGray",
  Gray25: "lightGray",
  Horizontal: "darkHorizontal",
  Vertical: "darkVertical",
  Down: "darkDown",
  Up: "darkUp",
  Checker: "darkGrid",
  SemiGray75: "darkTrellis",
  LightHorizontal: "lightHorizontal",
  LightVertical: "lightVertical",
  LightDown: "lightDown",
  LightUp: "lightUp",
  Grid: "lightGrid",
  CrissCross: "lightTrellis",
  Gray16: "gray125",
  Gray8: "gray0625",
};

function argb(colour: string | null | undefined): string | null {
  const normal = normaliseColour(colour);
  return normal !== null && /^#[0-9A-F]{6}$/.test(normal) ? "FF" + normal.slice(1) : null;
}

/** The mark's colour as the file holds it (ARGB), or null when the record's is no colour. */
export function markColour(cell: RecordedFill): string | null {
  return argb(cell.mark);
}

/**
 * The <fill> a recorded cell had before the add-in's mark, as styles.xml writes one; null when
 * the record holds no fill that can be written (not a colour), or when it is the mark itself (a
 * cell that already showed the mark when it was recorded: its note was all the add-in added).
 */
export function originalFillMarkup(cell: RecordedFill): string | null {
  if (cell.original === null) return '<fill><patternFill patternType="none"/></fill>';
  const background = argb(cell.original);
  if (background === null || background === markColour(cell)) return null;
  const pattern = cell.originalPattern ? PATTERN_TYPES[cell.originalPattern] : undefined;
  if (!pattern)
    return `<fill><patternFill patternType="solid"><fgColor rgb="${background}"/><bgColor indexed="64"/></patternFill></fill>`;
  // A pattern's own colour is the foreground; the cell's colour shows behind it.
  const foreground = argb(cell.originalPatternColor) ?? "FF000000";
  return `<fill><patternFill patternType="${pattern}"><fgColor rgb="${foreground}"/><bgColor rgb="${background}"/></patternFill></fill>`;
}
