/**
 * Test-side readers of an .xlsx package, written independently of the writer's own XML helpers
 * so that the tests do not check the writer against itself.
 */
import JSZip from "jszip";

export type Parts = Map<string, Uint8Array>;

export async function unzipParts(bytes: Uint8Array): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Parts = new Map();
  for (const name of Object.keys(zip.files)) {
    const file = zip.files[name];
    if (!file.dir) parts.set(name, await file.async("uint8array"));
  }
  return parts;
}

export function partText(parts: Parts, name: string): string {
  const bytes = parts.get(name);
  if (!bytes) throw new Error("no part " + name);
  return new TextDecoder("utf-8").decode(bytes);
}

export function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Every <c> element of a sheet part, by reference. */
export function cellElements(sheetXml: string): Map<string, string> {
  const cells = new Map<string, string>();
  const pattern = /<c r="([A-Z]+[0-9]+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(sheetXml))) cells.set(match[1], match[0]);
  return cells;
}

export function withoutStyle(cellElement: string): string {
  return cellElement.replace(/ s="[0-9]+"/, "");
}

export function styleIndexOf(cellElement: string | undefined): number {
  const match = cellElement ? / s="([0-9]+)"/.exec(cellElement) : null;
  return match ? Number(match[1]) : 0;
}

/** The whole first element of a name (as text), or null. */
export function elementText(xml: string, name: string): string | null {
  const empty = new RegExp("<" + name + "(?=[\\s/>])[^>]*/>").exec(xml);
  const full = new RegExp("<" + name + "(?=[\\s>])[\\s\\S]*?</" + name + ">").exec(xml);
  const candidates = [empty, full].filter((m): m is RegExpExecArray => m !== null);
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0][0];
}

function childrenOf(xml: string, container: string, child: string): string[] {
  const block = new RegExp("<" + container + "[\\s>][\\s\\S]*?</" + container + ">").exec(xml);
  if (!block) return [];
  const pattern = new RegExp(
    "<" + child + "(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</" + child + ">)",
    "g"
  );
  return block[0].match(pattern) ?? [];
}

function attribute(element: string, name: string): string | null {
  const match = new RegExp("\\s" + name + '="([^"]*)"').exec(
    element.slice(0, element.indexOf(">") + 1)
  );
  return match ? match[1] : null;
}

/** A cell format resolved through styles.xml to the markup of its font, fill, border and format. */
export interface ResolvedStyle {
  readonly xf: string;
  readonly font: string;
  readonly fill: string;
  readonly border: string;
  readonly numFmtId: number;
  readonly alignment: string | null;
  readonly protection: string | null;
}

export function resolveStyle(stylesXml: string, index: number): ResolvedStyle {
  const xfs = childrenOf(stylesXml, "cellXfs", "xf");
  const xf = xfs[index];
  if (!xf) throw new Error("no xf " + index + " of " + xfs.length);
  const fonts = childrenOf(stylesXml, "fonts", "font");
  const fills = childrenOf(stylesXml, "fills", "fill");
  const borders = childrenOf(stylesXml, "borders", "border");
  return {
    xf,
    font: fonts[Number(attribute(xf, "fontId") ?? 0)],
    fill: fills[Number(attribute(xf, "fillId") ?? 0)],
    border: borders[Number(attribute(xf, "borderId") ?? 0)],
    numFmtId: Number(attribute(xf, "numFmtId") ?? 0),
    alignment: elementText(xf, "alignment"),
    protection: elementText(xf, "protection"),
  };
}

/** The count attribute of a styles container matches its children. */
export function containerCountsAgree(stylesXml: string): boolean {
  const containers: Array<[string, string]> = [
    ["numFmts", "numFmt"],
    ["fonts", "font"],
    ["fills", "fill"],
    ["borders", "border"],
    ["cellXfs", "xf"],
  ];
  return containers.every(([container, child]) => {
    const start = new RegExp("<" + container + '[^>]*count="([0-9]+)"').exec(stylesXml);
    return !start || Number(start[1]) === childrenOf(stylesXml, container, child).length;
  });
}

/** Sheet name → part path, through workbook.xml and its rels (as a reader would). */
export function sheetParts(parts: Parts): Map<string, string> {
  const workbook = partText(parts, "xl/workbook.xml");
  const rels = partText(parts, "xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const match of rels.match(/<Relationship [^>]*\/>/g) ?? []) {
    const target = attribute(match, "Target") ?? "";
    targets.set(
      attribute(match, "Id") ?? "",
      target.charAt(0) === "/" ? target.slice(1) : "xl/" + target
    );
  }
  const sheets = new Map<string, string>();
  for (const match of workbook.match(/<sheet [^>]*\/>/g) ?? []) {
    const name = (attribute(match, "name") ?? "").replace(/&amp;/g, "&");
    sheets.set(name, targets.get(attribute(match, "r:id") ?? "") ?? "");
  }
  return sheets;
}
