/**
 * In the page, the fake host has every API set: its table of which member belongs to which
 * ExcelApi version (read from @types/office-js with fs in Node) is not needed, so it is empty.
 */
export type ApiSetTable = ReadonlyMap<string, number>;

export function versionNumber(version: string): number {
  const [major, minor] = version.split(".").map(Number);
  return major * 1000 + (minor || 0);
}

export function excelApiSets(): ApiSetTable {
  return new Map();
}
