/**
 * Reading and extending xl/workbook.xml (the sheet list and defined names) and the sheet titles
 * in docProps/app.xml.
 */
import { MalformedXmlError } from "./malformedXml";
import { OWNER_MARK_NAME } from "../ownerMark";
import {
  childElements,
  elementPrefix,
  escapeXmlAttribute,
  escapeXmlText,
  findChild,
  getAttribute,
  insertionPoint,
  openElement,
  bindNamespacePrefix,
  prefixForNamespace,
  relationshipIdOf,
  rootElement,
  setAttribute,
  splice,
  unescapeXml,
  withPrefix,
  type ElementSpan,
} from "./xmlText";
import { RELATIONSHIPS_NAMESPACE } from "./opcPackage";

/** CT_Workbook's child order. */
const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

export interface WorkbookSheet {
  /** Unescaped. */
  readonly name: string;
  readonly sheetId: number;
  readonly relationshipId: string;
  /** 0-based position in <sheets>: what a defined name's localSheetId refers to. */
  readonly index: number;
  /** Whether the tab shows: "visible", "hidden" (Unhide lists it) or "veryHidden" (only code shows it). */
  readonly state: SheetState;
}

export type SheetState = "visible" | "hidden" | "veryHidden";

function sheetState(value: string | null): SheetState {
  return value === "hidden" || value === "veryHidden" ? value : "visible";
}

export function readWorkbookSheets(xml: string): WorkbookSheet[] {
  const root = rootElement(xml);
  const sheets = findChild(xml, root, "sheets");
  if (!sheets) return [];
  return childElements(xml, sheets)
    .filter((sheet) => sheet.localName === "sheet")
    .map((sheet, index) => ({
      name: getAttribute(sheet.attributes, "name") ?? "",
      sheetId: Number(getAttribute(sheet.attributes, "sheetId")) || 0,
      relationshipId: relationshipIdOf(sheet.attributes) ?? "",
      index,
      state: sheetState(getAttribute(sheet.attributes, "state")),
    }));
}

/** Appends a <sheet> at the end of <sheets> under a fresh sheetId; returns its index. */
export function appendWorkbookSheet(
  xml: string,
  name: string,
  relationshipId: string
): { xml: string; index: number } {
  const existing = readWorkbookSheets(xml);
  const sheetId = existing.reduce((highest, sheet) => Math.max(highest, sheet.sheetId), 0) + 1;
  const bound = bindNamespacePrefix(xml, RELATIONSHIPS_NAMESPACE, "r");
  let text = bound.xml;
  const p = elementPrefix(rootElement(text));
  const sheet = withPrefix(
    p,
    `<sheet name="${escapeXmlAttribute(name)}" sheetId="${sheetId}" ` +
      `${bound.prefix}id="${escapeXmlAttribute(relationshipId)}"/>`
  );
  let sheets = findChild(text, rootElement(text), "sheets");
  if (!sheets) {
    const at = insertionPoint(text, rootElement(text), WORKBOOK_ORDER, "sheets");
    text = splice(text, at, at, withPrefix(p, "<sheets></sheets>"));
    sheets = findChild(text, rootElement(text), "sheets");
    if (!sheets) throw new MalformedXmlError("could not add <sheets>");
  }
  const opened = openElement(text, sheets);
  return {
    xml: splice(opened.xml, opened.appendAt, opened.appendAt, sheet),
    index: existing.length,
  };
}

interface DefinedName {
  readonly element: ElementSpan;
  readonly name: string;
  readonly localSheetId: number | null;
  /** Unescaped formula text. */
  readonly formula: string;
}

function readDefinedNames(xml: string): DefinedName[] {
  const definedNames = findChild(xml, rootElement(xml), "definedNames");
  if (!definedNames) return [];
  return childElements(xml, definedNames)
    .filter((element) => element.localName === "definedName")
    .map((element) => {
      const localSheetId = getAttribute(element.attributes, "localSheetId");
      return {
        element,
        name: getAttribute(element.attributes, "name") ?? "",
        localSheetId: localSheetId === null ? null : Number(localSheetId),
        formula: unescapeXml(xml.slice(element.startTagEnd, element.closeStart)),
      };
    });
}

function isOwnerMarkName(name: string): boolean {
  return name.toLowerCase() === OWNER_MARK_NAME.toLowerCase();
}

/** The owner-mark formula of each sheet that has one, by 0-based sheet index. */
export function readOwnerMarkFormulas(xml: string): Map<number, string> {
  const formulas = new Map<number, string>();
  for (const definedName of readDefinedNames(xml)) {
    if (definedName.localSheetId !== null && isOwnerMarkName(definedName.name)) {
      formulas.set(definedName.localSheetId, definedName.formula);
    }
  }
  return formulas;
}

/**
 * Sets the hidden, sheet-scoped owner mark of a sheet: the existing one is updated (Excel
 * refuses two names alike in one scope), else a new one is added. Other names are kept as they are.
 */
export function setOwnerMarkName(xml: string, localSheetId: number, formula: string): string {
  const root = rootElement(xml);
  const p = elementPrefix(root);
  const element = withPrefix(
    p,
    `<definedName name="${OWNER_MARK_NAME}" localSheetId="${localSheetId}" hidden="1">` +
      `${escapeXmlText(formula)}</definedName>`
  );
  const existing = readDefinedNames(xml).find(
    (definedName) => definedName.localSheetId === localSheetId && isOwnerMarkName(definedName.name)
  );
  if (existing) return splice(xml, existing.element.start, existing.element.end, element);
  const definedNames = findChild(xml, root, "definedNames");
  if (!definedNames) {
    const at = insertionPoint(xml, root, WORKBOOK_ORDER, "definedNames");
    return splice(
      xml,
      at,
      at,
      withPrefix(p, "<definedNames>") + element + withPrefix(p, "</definedNames>")
    );
  }
  const opened = openElement(xml, definedNames);
  return splice(opened.xml, opened.appendAt, opened.appendAt, element);
}

// ---------------------------------------------------------------- docProps/app.xml

const DOC_PROPS_VTYPES = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";

/**
 * Adds a worksheet title to docProps/app.xml. The worksheet group is recognised by its content
 * (its titles are exactly the workbook's sheet names, in order) rather than its localised label
 * ("Worksheets", "工作表"…). Returns null — leave app.xml as it is — when that group cannot be
 * found with certainty; app.xml is informational and Excel rewrites it on save.
 */
export function addWorksheetTitle(
  appXml: string,
  sheetNamesBefore: readonly string[],
  newName: string
): string | null {
  const root = rootElement(appXml);
  const vt = prefixForNamespace(root, DOC_PROPS_VTYPES);
  if (vt === null) return null;
  const headingPairs = findChild(appXml, root, "HeadingPairs");
  const titlesOfParts = findChild(appXml, root, "TitlesOfParts");
  if (!headingPairs || !titlesOfParts) return null;
  const pairVector = childElements(appXml, headingPairs)[0];
  const titleVector = childElements(appXml, titlesOfParts)[0];
  if (
    !pairVector ||
    !titleVector ||
    pairVector.localName !== "vector" ||
    titleVector.localName !== "vector"
  )
    return null;
  const variants = childElements(appXml, pairVector);
  const titles = childElements(appXml, titleVector);
  const titleText = titles.map((title) =>
    unescapeXml(appXml.slice(title.startTagEnd, title.closeStart))
  );

  let offset = 0;
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const countElement = childElements(appXml, variants[i + 1])[0];
    if (!countElement) return null;
    const count = Number(appXml.slice(countElement.startTagEnd, countElement.closeStart));
    if (!(count >= 0) || offset + count > titles.length) return null;
    const group = titleText.slice(offset, offset + count);
    const matches =
      count === sheetNamesBefore.length &&
      count > 0 &&
      group.every((title, k) => title === sheetNamesBefore[k]);
    if (matches) {
      // Edit from the back so earlier positions stay valid.
      const lastTitle = titles[offset + count - 1];
      let xml = splice(
        appXml,
        lastTitle.end,
        lastTitle.end,
        "<" + vt + "lpstr>" + escapeXmlText(newName) + "</" + vt + "lpstr>"
      );
      const titleVectorTag = xml.slice(titleVector.start, titleVector.startTagEnd);
      xml = splice(
        xml,
        titleVector.start,
        titleVector.startTagEnd,
        setAttribute(titleVectorTag, "size", String(titles.length + 1))
      );
      xml = splice(xml, countElement.startTagEnd, countElement.closeStart, String(count + 1));
      return xml;
    }
    offset += count;
  }
  return null;
}
