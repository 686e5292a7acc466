/**
 * What kind of spreadsheet package a file is, by its workbook part's content type — which is
 * what Excel checks against the file's extension — and whether it is Strict OOXML.
 */
import type { ZipPackage } from "./zipPackage";
import { PackageEditor, findWorkbookPart } from "./opcPackage";
import { elementPrefix, getAttribute, prefixForNamespace, rootElement } from "./xmlText";

export type PackageKind = "xlsx" | "xlsm" | "xltx" | "xltm";

const MAIN_CONTENT_TYPES: Readonly<Record<string, PackageKind>> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
  "application/vnd.ms-excel.sheet.macroenabled.main+xml": "xlsm",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xltx",
  "application/vnd.ms-excel.template.macroenabled.main+xml": "xltm",
};

/** The namespace of Strict OOXML (ISO/IEC 29500 Strict) SpreadsheetML. */
export const STRICT_SPREADSHEET_NAMESPACE = "http://purl.oclc.org/ooxml/spreadsheetml/main";

/** The workbook part's content type, from its Override (or its extension's Default). */
function contentTypeOf(contentTypes: string, part: string): string | null {
  const wanted = "/" + part.toLowerCase();
  const extension = (/\.([^./]+)$/.exec(part)?.[1] ?? "").toLowerCase();
  let byDefault: string | null = null;
  const pattern = /<(?:[A-Za-z_][\w.-]*:)?(Override|Default)\b([^>]*)>/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(contentTypes))) {
    const type = getAttribute(match[2], "ContentType");
    if (type === null) continue;
    if (
      match[1] === "Override" &&
      (getAttribute(match[2], "PartName") ?? "").toLowerCase() === wanted
    )
      return type;
    if (
      match[1] === "Default" &&
      (getAttribute(match[2], "Extension") ?? "").toLowerCase() === extension
    )
      byDefault = type;
  }
  return byDefault;
}

/** The package's kind, or null when its workbook's content type is none of the four. */
export async function packageKind(zip: ZipPackage): Promise<PackageKind | null> {
  const editor = new PackageEditor(zip);
  const contentTypes = await editor.readText("[Content_Types].xml");
  if (contentTypes === null) return null;
  let workbookPart: string;
  try {
    workbookPart = await findWorkbookPart(editor);
  } catch {
    return null;
  }
  const type = contentTypeOf(contentTypes, workbookPart);
  return type === null ? null : (MAIN_CONTENT_TYPES[type.trim().toLowerCase()] ?? null);
}

/** True when a workbook part is Strict OOXML: its root is in the Strict namespace. */
export function isStrictWorkbook(workbookXml: string): boolean {
  try {
    const root = rootElement(workbookXml);
    return prefixForNamespace(root, STRICT_SPREADSHEET_NAMESPACE) === elementPrefix(root);
  } catch {
    return false;
  }
}
