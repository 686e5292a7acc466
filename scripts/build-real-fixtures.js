/**
 * Builds test/fixtures/real/<id>.xlsx from test/fixtures/real/<id>.json: 自评表 that units really
 * published, rebuilt cell for cell (see test/fixtures/real/README.md for the sources and the
 * spec format).
 *
 *   node scripts/build-real-fixtures.js          (npm run build:real-fixtures)
 *   node scripts/build-real-fixtures.js <id>…    (only those)
 *
 * The JSON is the source of truth; the workbook only adds what a printed form has (borders,
 * wrapping, a title font). The output is byte-stable: ExcelJS's own zip carries the time of the
 * run in every entry, so the package is re-zipped with one fixed date.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");
const JSZip = require("jszip");

const DIR = path.join(__dirname, "..", "test", "fixtures", "real");
// Fixed, so that rebuilding gives the same bytes.
const FIXED_DATE = new Date(Date.UTC(2025, 2, 15, 8, 0, 0));

const THIN = { style: "thin" };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** "B12" → { row: 12, column: 2 }. */
function parseAddress(address) {
  const match = /^([A-Z]+)([0-9]+)$/.exec(address);
  if (!match) throw new Error("not an A1 address: " + address);
  let column = 0;
  for (const letter of match[1]) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), column };
}

/** "A3:J9" → corners; a single address is a one-cell range. */
function parseRange(range) {
  const [from, to] = range.split(":");
  const start = parseAddress(from);
  const end = parseAddress(to || from);
  return { top: start.row, left: start.column, bottom: end.row, right: end.column };
}

/** A cell value of the spec as ExcelJS takes it: text, number, or { formula, result }. */
function cellValue(value, where) {
  if (typeof value === "string" || typeof value === "number") return value;
  if (value && typeof value === "object" && typeof value.formula === "string") {
    return { formula: value.formula, result: value.result };
  }
  throw new Error(where + ": unsupported cell value " + JSON.stringify(value));
}

function buildSheet(workbook, spec, sheetSpec) {
  const sheet = workbook.addWorksheet(sheetSpec.name);
  const rows = sheetSpec.rows;
  let widest = 0;
  rows.forEach((values, rowIndex) => {
    widest = Math.max(widest, values.length);
    values.forEach((value, columnIndex) => {
      if (value === null || value === undefined) return;
      const cell = sheet.getCell(rowIndex + 1, columnIndex + 1);
      cell.value = cellValue(value, spec.id + " " + sheetSpec.name + " R" + (rowIndex + 1));
    });
  });

  // Borders and wrapping over the framed blocks, the way the forms print; the rest wraps too,
  // since published tables keep long texts inside their column.
  for (const range of sheetSpec.frames || []) {
    const box = parseRange(range);
    for (let row = box.top; row <= box.bottom; row++) {
      for (let column = box.left; column <= box.right; column++) {
        const cell = sheet.getCell(row, column);
        cell.border = BORDER;
        cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
      }
    }
  }
  for (const row of sheetSpec.titleRows || []) {
    const cell = sheet.getCell(row, 1);
    cell.font = { name: "方正小标宋简体", size: 16 };
    cell.alignment = { horizontal: "center", vertical: "middle" };
    sheet.getRow(row).height = 30;
  }
  for (const range of sheetSpec.merges || []) {
    const box = parseRange(range);
    sheet.mergeCells(box.top, box.left, box.bottom, box.right);
  }
  for (const [address, format] of Object.entries(sheetSpec.numberFormats || {})) {
    sheet.getCell(address).numFmt = format;
  }
  const widths = sheetSpec.columnWidths || {};
  for (let column = 1; column <= widest; column++) {
    const letter = sheet.getColumn(column).letter;
    sheet.getColumn(column).width = widths[letter] || 12;
  }
  for (const [row, height] of Object.entries(sheetSpec.rowHeights || {})) {
    sheet.getRow(Number(row)).height = height;
  }
}

/** Re-zips ExcelJS's package with one fixed date on every entry, keeping the entry order. */
async function stableZip(buffer) {
  const source = await JSZip.loadAsync(buffer);
  const target = new JSZip();
  for (const name of Object.keys(source.files)) {
    const entry = source.files[name];
    if (entry.dir) continue;
    target.file(name, await entry.async("nodebuffer"), { date: FIXED_DATE, createFolders: false });
  }
  return target.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
}

async function buildOne(spec) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "绩效自评助手 fixtures";
  workbook.lastModifiedBy = "绩效自评助手 fixtures";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  for (const sheetSpec of spec.sheets) buildSheet(workbook, spec, sheetSpec);
  return stableZip(await workbook.xlsx.writeBuffer());
}

function specFiles(ids) {
  const all = fs
    .readdirSync(DIR)
    .filter((name) => name.endsWith(".json"))
    .sort();
  if (ids.length === 0) return all;
  return ids.map((id) => {
    const name = id.endsWith(".json") ? id : id + ".json";
    if (!all.includes(name)) throw new Error("no spec " + name + " in " + DIR);
    return name;
  });
}

async function main() {
  for (const name of specFiles(process.argv.slice(2))) {
    const spec = JSON.parse(fs.readFileSync(path.join(DIR, name), "utf8"));
    if (spec.id + ".json" !== name) throw new Error(name + ": id is " + spec.id);
    const file = path.join(DIR, spec.id + ".xlsx");
    fs.writeFileSync(file, await buildOne(spec));
    console.log("wrote " + path.relative(process.cwd(), file));
  }
}

module.exports = { buildOne, parseRange, parseAddress };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
