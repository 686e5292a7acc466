/**
 * The ExcelApi requirement set of every member of the Excel namespace, read from the
 * `[Api set: …]` tags of @types/office-js at test time, so the ExcelApi 1.1 fake is derived from
 * Microsoft's own declarations rather than a hand-typed list.
 */
import { readFileSync } from "fs";
import { join } from "path";

/** "Range.merge" → 1.2; members only in ExcelApiDesktop/ExcelApiOnline → Infinity. */
export type ApiSetTable = ReadonlyMap<string, number>;

let cached: Map<string, number> | null = null;

/** "1.10" → 1.10 as a comparable number: major × 1000 + minor. */
export function versionNumber(version: string): number {
  const [major, minor] = version.split(".").map(Number);
  return major * 1000 + (minor || 0);
}

export function excelApiSets(): ApiSetTable {
  if (cached) return cached;
  const file = join(__dirname, "../../node_modules/@types/office-js/index.d.ts");
  const lines = readFileSync(file, "utf8").split("\n");
  const table = new Map<string, number>();
  let inExcel = false;
  let className: string | null = null;
  let blockTag: string | null | undefined; // undefined: no doc block open
  for (const line of lines) {
    if (/^declare namespace Excel \{/.test(line)) {
      inExcel = true;
      continue;
    }
    if (!inExcel) continue;
    if (/^\}/.test(line)) break;
    const declaration = /^ {4}(?:class|interface) (\w+)/.exec(line);
    if (declaration) {
      className = declaration[1];
      blockTag = undefined;
      continue;
    }
    if (/^ {8}\/\*\*/.test(line)) {
      blockTag = null;
      continue;
    }
    // The member's own tag is the first in its doc block; later ones belong to its parameters.
    const tag = /\[Api set: (\w+) ([\d.]+)/.exec(line);
    if (tag && blockTag === null) {
      blockTag = tag[1] === "ExcelApi" ? tag[2] : "desktop-or-online";
      continue;
    }
    const member = /^ {8}(?:readonly )?(\w+)\??(?:\(|:|<)/.exec(line);
    if (member && className && blockTag) {
      const key = className + "." + member[1];
      const version = blockTag === "desktop-or-online" ? Infinity : versionNumber(blockTag);
      // Overloads share a name: the member exists from its earliest set.
      const known = table.get(key);
      if (known === undefined || version < known) table.set(key, version);
      blockTag = undefined;
    }
  }
  cached = table;
  return table;
}
