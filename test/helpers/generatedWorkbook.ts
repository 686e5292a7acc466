/**
 * Workbooks made from a model, for the reader's property tests: the same model written as plain
 * OOXML of the kind Excel writes (which ExcelJS, the oracle, reads) and as odd but valid XML
 * that means the same (namespace prefixes, attributes reordered and single-quoted, cells and
 * rows without `r`, comments, CDATA, character references, UTF-16), which only the reader is
 * given. Parts are written by hand with JSZip, never by the code under test.
 */
import JSZip from "jszip";
import fc from "fast-check";

export type CellModel =
  | { readonly kind: "shared"; readonly index: number }
  | { readonly kind: "inline"; readonly runs: readonly string[] }
  | { readonly kind: "number"; readonly value: number; readonly style: number }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "error"; readonly value: string }
  | {
      readonly kind: "formula";
      readonly formula: string;
      readonly result: FormulaResult;
      readonly style: number;
    }
  /** One cell of a shared formula: the first of its group is the master. */
  | {
      readonly kind: "shared-formula";
      readonly group: number;
      readonly formula: string;
      readonly result: number;
    }
  /** A cell with a format and no value (Excel writes these for formatted blanks). */
  | { readonly kind: "blank"; readonly style: number };

export type FormulaResult =
  | { readonly type: "number"; readonly value: number }
  | { readonly type: "string"; readonly value: string }
  | { readonly type: "boolean"; readonly value: boolean }
  | { readonly type: "error"; readonly value: string }
  | { readonly type: "none" };

export interface SheetModel {
  readonly name: string;
  readonly state: "visible" | "hidden" | "veryHidden";
  /** Row → column → cell; rows and columns 1-based. */
  readonly rows: ReadonlyMap<number, ReadonlyMap<number, CellModel>>;
  readonly merges: readonly string[];
}

export interface WorkbookModel {
  readonly sheets: readonly SheetModel[];
  /** A chart sheet's name, placed after the worksheets, or null. */
  readonly chartSheet: string | null;
  readonly sharedStrings: readonly SharedStringModel[];
  readonly date1904: boolean;
}

/** A shared string: plain, or rich text runs, optionally with a phonetic guide. */
export interface SharedStringModel {
  readonly runs: readonly string[];
  readonly rich: boolean;
  readonly phonetic: string | null;
}

/**
 * The cell formats (xf index → number format) every generated styles part has. Ids 14 and 22 are
 * built-in dates ExcelJS knows; 164–167 are custom.
 */
export const CELL_FORMATS: ReadonlyArray<{ id: number; code?: string }> = [
  { id: 0 },
  { id: 10 },
  { id: 2 },
  { id: 14 },
  { id: 164, code: '0.0"分"' },
  { id: 165, code: "yyyy-mm-dd" },
  { id: 166, code: 'yyyy"年"m"月"d"日"' },
  { id: 49 },
  { id: 22 },
  { id: 167, code: "[Red]#,##0.00;(#,##0.00)" },
];

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;");
}

function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

// ---------------------------------------------------------------- arbitraries

/** Text of cells: Chinese, ASCII, XML's special characters, spaces, Excel's _xHHHH_ escapes. */
const textArbitrary = fc
  .array(
    fc.constantFrom(
      "指标",
      "满意度",
      "≥95%",
      "a",
      "B",
      "1",
      " ",
      "&",
      "<",
      ">",
      '"',
      "'",
      "\n",
      "_x000D_",
      "_x005F_x0041_",
      "Ω",
      "𠀀"
    ),
    { minLength: 1, maxLength: 5 }
  )
  .map((parts) => parts.join(""));

/** Text where ExcelJS decodes nothing of Excel's own: no `_x` (inline strings) and no `&` (text results). */
const plainTextArbitrary = fc
  .array(fc.constantFrom("指标", "完成", "a", "B", "1", " ", "<", ">", "Ω"), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) => parts.join(""));

const numberArbitrary = fc.oneof(
  fc.integer({ min: -1000000, max: 1000000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, 0.1 + 0.2, 96.9, 0.005, 1e-7, 123456789012)
);

const dateSerialArbitrary = fc.integer({ min: 1, max: 60000 });
const errorArbitrary = fc.constantFrom("#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NUM!");

/** Formulas ExcelJS translates the way Excel does: plain references, ranges, functions, numbers. */
const formulaArbitrary = fc
  .tuple(
    fc.constantFrom("B2", "$B2", "B$2", "$B$2", "C3", "AA10"),
    fc.constantFrom("+", "*", "-", "/"),
    // ExcelJS takes "B2-Sheet1!" for a sheet name: a sheet reference stands in brackets here.
    fc.constantFrom("1", "2.5", "D4", "SUM(A1:B2)", "MAX($A$1:A3)", "(Sheet1!C2)")
  )
  .map(([a, op, b]) => a + op + b);

function cellArbitrary(sharedCount: number): fc.Arbitrary<CellModel> {
  const numberStyle = fc.constantFrom(0, 1, 2, 4, 7, 9);
  return fc.oneof(
    fc
      .integer({ min: 0, max: sharedCount - 1 })
      .map((index) => ({ kind: "shared", index }) as const),
    fc
      .array(plainTextArbitrary, { minLength: 1, maxLength: 3 })
      .map((runs) => ({ kind: "inline", runs }) as const),
    fc
      .tuple(numberArbitrary, numberStyle)
      .map(([value, style]) => ({ kind: "number", value, style }) as const),
    fc
      .tuple(dateSerialArbitrary, fc.constantFrom(3, 5, 6, 8))
      .map(([value, style]) => ({ kind: "number", value, style }) as const),
    fc.boolean().map((value) => ({ kind: "boolean", value }) as const),
    errorArbitrary.map((value) => ({ kind: "error", value }) as const),
    fc
      .tuple(
        formulaArbitrary,
        fc.oneof(
          numberArbitrary.map((value) => ({ type: "number", value }) as const),
          fc.constantFrom({ type: "number", value: 0 } as const),
          plainTextArbitrary.map((value) => ({ type: "string", value }) as const),
          fc.boolean().map((value) => ({ type: "boolean", value }) as const),
          errorArbitrary.map((value) => ({ type: "error", value }) as const),
          fc.constant({ type: "none" } as const)
        ),
        numberStyle
      )
      .map(([formula, result, style]) => ({ kind: "formula", formula, result, style }) as const),
    fc.constantFrom(1, 2, 3).map((style) => ({ kind: "blank", style }) as const)
  );
}

const sheetNameArbitrary = fc.constantFrom(
  "自评表",
  "Sheet1",
  "R&D 说明",
  "项目<1>",
  "it's",
  "部门整体支出绩效自评表"
);

function sheetArbitrary(sharedCount: number): fc.Arbitrary<Omit<SheetModel, "name">> {
  return fc
    .record({
      state: fc.constantFrom("visible", "visible", "hidden", "veryHidden"),
      cells: fc.array(
        fc.tuple(
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 1, max: 8 }),
          cellArbitrary(sharedCount)
        ),
        { maxLength: 40 }
      ),
      sharedFormulas: fc.array(
        fc.record({
          row: fc.integer({ min: 13, max: 20 }),
          column: fc.integer({ min: 1, max: 8 }),
          length: fc.integer({ min: 1, max: 4 }),
          down: fc.boolean(),
          formula: formulaArbitrary,
          results: fc.array(numberArbitrary, { minLength: 4, maxLength: 4 }),
        }),
        { maxLength: 2 }
      ),
      // Merges stay above the shared formulas (rows 13–23): ExcelJS loses a shared formula whose
      // master a merge covers.
      merges: fc.array(
        fc.record({
          row: fc.integer({ min: 1, max: 10 }),
          column: fc.integer({ min: 1, max: 8 }),
          height: fc.integer({ min: 1, max: 3 }),
          width: fc.integer({ min: 1, max: 3 }),
        }),
        { maxLength: 3 }
      ),
    })
    .map(({ state, cells, sharedFormulas, merges }) => {
      const rows = new Map<number, Map<number, CellModel>>();
      const put = (row: number, column: number, cell: CellModel) => {
        let cellsOfRow = rows.get(row);
        if (!cellsOfRow) rows.set(row, (cellsOfRow = new Map()));
        cellsOfRow.set(column, cell);
      };
      for (const [row, column, cell] of cells) put(row, column, cell);
      sharedFormulas.forEach((group, index) => {
        for (let k = 0; k < group.length; k++) {
          const row = group.down ? group.row + k : group.row;
          const column = group.down ? group.column : group.column + k;
          put(row, column, {
            kind: "shared-formula",
            group: index,
            formula: group.formula,
            result: group.results[k],
          });
        }
      });
      // Overlapping merges are dropped (ExcelJS refuses them, Excel repairs them).
      const taken = new Set<string>();
      const kept: string[] = [];
      for (const merge of merges) {
        const keys: string[] = [];
        for (let r = merge.row; r < merge.row + merge.height; r++)
          for (let c = merge.column; c < merge.column + merge.width; c++) keys.push(r + ":" + c);
        if (keys.length < 2 || keys.some((key) => taken.has(key))) continue;
        keys.forEach((key) => taken.add(key));
        kept.push(
          columnLetters(merge.column) +
            merge.row +
            ":" +
            columnLetters(merge.column + merge.width - 1) +
            (merge.row + merge.height - 1)
        );
      }
      return { state, rows, merges: kept };
    });
}

const sharedStringArbitrary: fc.Arbitrary<SharedStringModel> = fc.record({
  runs: fc.array(textArbitrary, { minLength: 1, maxLength: 3 }),
  rich: fc.boolean(),
  phonetic: fc.option(fc.constantFrom("ジヒョウ", "zhǐbiāo"), { nil: null }),
});

export const workbookModelArbitrary: fc.Arbitrary<WorkbookModel> = fc
  .array(sharedStringArbitrary, { minLength: 1, maxLength: 8 })
  .chain((sharedStrings) =>
    fc.record({
      sheets: fc
        .uniqueArray(sheetNameArbitrary, { minLength: 1, maxLength: 3 })
        .chain((names) =>
          fc
            .tuple(...names.map(() => sheetArbitrary(sharedStrings.length)))
            .map((sheets) => sheets.map((sheet, i) => ({ ...sheet, name: names[i] })))
        ),
      chartSheet: fc.option(fc.constant("图表1"), { nil: null }),
      sharedStrings: fc.constant(sharedStrings),
      date1904: fc.boolean(),
    })
  )
  .map((model) => {
    // A workbook shows at least one sheet: the first is kept visible.
    const sheets = model.sheets.map((sheet, i) =>
      i === 0 ? { ...sheet, state: "visible" as const } : sheet
    );
    return { ...model, sheets };
  });

// ---------------------------------------------------------------- writing

/** How odd the XML is: each choice keeps the workbook's meaning. */
export interface XmlStyle {
  /** "" writes the main namespace as the default; "x" binds it to a prefix. */
  readonly prefix: string;
  readonly singleQuotes: boolean;
  /** Attributes in reverse order. */
  readonly reversed: boolean;
  /** Leave out `r` on rows and cells that follow the one before. */
  readonly omitReferences: boolean;
  /** Comments, a processing instruction and CDATA inside sheet data and strings. */
  readonly markup: boolean;
  /** Characters as references (&#x4E2D;) in text. */
  readonly characterReferences: boolean;
  /** White space (line breaks, indentation) between elements. */
  readonly indent: boolean;
  /** The shared strings part in UTF-16 with a byte-order mark. */
  readonly utf16: boolean;
  /** Empty cells without style or value, and rows without cells. */
  readonly emptyElements: boolean;
}

export const PLAIN_XML: XmlStyle = {
  prefix: "",
  singleQuotes: false,
  reversed: false,
  omitReferences: false,
  markup: false,
  characterReferences: false,
  indent: false,
  utf16: false,
  emptyElements: false,
};

export const xmlStyleArbitrary: fc.Arbitrary<XmlStyle> = fc.record({
  prefix: fc.constantFrom("", "x", "main"),
  singleQuotes: fc.boolean(),
  reversed: fc.boolean(),
  omitReferences: fc.boolean(),
  markup: fc.boolean(),
  characterReferences: fc.boolean(),
  indent: fc.boolean(),
  utf16: fc.boolean(),
  emptyElements: fc.boolean(),
});

class XmlWriter {
  constructor(private readonly style: XmlStyle) {}

  /** An element name in the main namespace. */
  name(local: string): string {
    return this.style.prefix ? this.style.prefix + ":" + local : local;
  }

  attributes(pairs: ReadonlyArray<readonly [string, string]>): string {
    const list = this.style.reversed ? pairs.slice().reverse() : pairs;
    return list
      .map(([key, value]) =>
        this.style.singleQuotes
          ? " " + key + "='" + escapeText(value).replace(/'/g, "&apos;") + "'"
          : " " + key + '="' + escapeAttribute(value) + '"'
      )
      .join("");
  }

  open(local: string, pairs: ReadonlyArray<readonly [string, string]> = []): string {
    return "<" + this.name(local) + this.attributes(pairs) + ">";
  }

  close(local: string): string {
    return "</" + this.name(local) + ">";
  }

  empty(local: string, pairs: ReadonlyArray<readonly [string, string]> = []): string {
    return "<" + this.name(local) + this.attributes(pairs) + "/>";
  }

  text(value: string): string {
    if (this.style.characterReferences)
      return Array.from(value)
        .map((character) =>
          /[a-z<>&]/.test(character) || character.charCodeAt(0) > 0x7f
            ? "&#x" + character.codePointAt(0)!.toString(16).toUpperCase() + ";"
            : character
        )
        .join("");
    if (this.style.markup && value.indexOf("]]>") < 0 && value.length > 1)
      return "<![CDATA[" + value + "]]>";
    return escapeText(value);
  }

  /** The root's namespace declarations. */
  namespaces(): Array<[string, string]> {
    return [
      [this.style.prefix ? "xmlns:" + this.style.prefix : "xmlns", MAIN],
      ["xmlns:r", REL],
    ];
  }

  get separator(): string {
    return this.style.indent ? "\n  " : "";
  }
}

function textElement(w: XmlWriter, text: string): string {
  const preserve: Array<[string, string]> = /^\s|\s$/.test(text) ? [["xml:space", "preserve"]] : [];
  return w.open("t", preserve) + w.text(text) + w.close("t");
}

function sharedStringsXml(model: WorkbookModel, w: XmlWriter): string {
  const items = model.sharedStrings.map((item) => {
    const phonetic = item.phonetic
      ? w.open("rPh", [
          ["sb", "0"],
          ["eb", "1"],
        ]) +
        textElement(w, item.phonetic) +
        w.close("rPh")
      : "";
    const body = item.rich
      ? item.runs
          .map(
            (run, i) =>
              w.open("r") +
              (i % 2 === 0
                ? w.open("rPr") + w.empty("b") + w.empty("sz", [["val", "11"]]) + w.close("rPr")
                : "") +
              textElement(w, run) +
              w.close("r")
          )
          .join("")
      : textElement(w, item.runs.join(""));
    return w.open("si") + body + phonetic + w.close("si");
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    w.open("sst", [
      ...w.namespaces(),
      ["count", String(items.length)],
      ["uniqueCount", String(items.length)],
    ]) +
    items.join(w.separator) +
    w.close("sst")
  );
}

function cellXml(
  w: XmlWriter,
  model: WorkbookModel,
  sheet: SheetModel,
  row: number,
  column: number,
  cell: CellModel,
  withReference: boolean,
  masters: Map<number, string>
): string {
  const reference: Array<[string, string]> = withReference
    ? [["r", columnLetters(column) + row]]
    : [];
  const value = (text: string) => w.open("v") + escapeText(text) + w.close("v");
  switch (cell.kind) {
    case "shared":
      return w.open("c", [...reference, ["t", "s"]]) + value(String(cell.index)) + w.close("c");
    case "inline": {
      const body =
        cell.runs.length === 1
          ? textElement(w, cell.runs[0])
          : cell.runs.map((run) => w.open("r") + textElement(w, run) + w.close("r")).join("");
      return (
        w.open("c", [...reference, ["t", "inlineStr"]]) +
        w.open("is") +
        body +
        w.close("is") +
        w.close("c")
      );
    }
    case "number":
      return (
        w.open("c", [
          ...reference,
          ...(cell.style ? ([["s", String(cell.style)]] as Array<[string, string]>) : []),
        ]) +
        value(String(cell.value)) +
        w.close("c")
      );
    case "boolean":
      return w.open("c", [...reference, ["t", "b"]]) + value(cell.value ? "1" : "0") + w.close("c");
    case "error":
      return w.open("c", [...reference, ["t", "e"]]) + value(cell.value) + w.close("c");
    case "formula": {
      const result = cell.result;
      const type: Array<[string, string]> =
        result.type === "string"
          ? [["t", "str"]]
          : result.type === "boolean"
            ? [["t", "b"]]
            : result.type === "error"
              ? [["t", "e"]]
              : [];
      const style: Array<[string, string]> = cell.style ? [["s", String(cell.style)]] : [];
      const cached =
        result.type === "none"
          ? ""
          : result.type === "string"
            ? w.open("v") + w.text(result.value) + w.close("v")
            : value(result.type === "boolean" ? (result.value ? "1" : "0") : String(result.value));
      return (
        w.open("c", [...reference, ...style, ...type]) +
        w.open("f") +
        escapeText(cell.formula) +
        w.close("f") +
        cached +
        w.close("c")
      );
    }
    case "shared-formula": {
      const address = columnLetters(column) + row;
      let formula: string;
      if (!masters.has(cell.group)) {
        // The master: the group's first cell in row-major order, with the range it covers.
        const cells: string[] = [];
        sheet.rows.forEach((cellsOfRow, r) =>
          cellsOfRow.forEach((other, c) => {
            if (other.kind === "shared-formula" && other.group === cell.group)
              cells.push(columnLetters(c) + r);
          })
        );
        masters.set(cell.group, address);
        formula =
          w.open("f", [
            ["t", "shared"],
            ["ref", address + ":" + cells[cells.length - 1]],
            ["si", String(cell.group)],
          ]) +
          escapeText(cell.formula) +
          w.close("f");
      } else
        formula = w.empty("f", [
          ["t", "shared"],
          ["si", String(cell.group)],
        ]);
      return w.open("c", reference) + formula + value(String(cell.result)) + w.close("c");
    }
    case "blank":
      return w.empty("c", [...reference, ["s", String(cell.style)]]);
  }
  void model;
}

function sheetXml(model: WorkbookModel, sheet: SheetModel, w: XmlWriter, style: XmlStyle): string {
  const rows = Array.from(sheet.rows.keys()).sort((a, b) => a - b);
  const masters = new Map<number, string>();
  const rowXml: string[] = [];
  let previousRow = 0;
  for (const row of rows) {
    const cellsOfRow = sheet.rows.get(row)!;
    const columns = Array.from(cellsOfRow.keys()).sort((a, b) => a - b);
    if (style.emptyElements && row > previousRow + 1)
      rowXml.push(w.empty("row", [["r", String(row - 1)]]));
    let previousColumn = 0;
    const cells: string[] = [];
    for (const column of columns) {
      if (style.emptyElements && column > previousColumn + 1)
        cells.push(w.empty("c", [["r", columnLetters(column - 1) + row]]));
      const withReference = !(style.omitReferences && column === previousColumn + 1);
      cells.push(
        cellXml(w, model, sheet, row, column, cellsOfRow.get(column)!, withReference, masters)
      );
      if (style.markup && cells.length === 1) cells.push('<!-- <c r="A1"><v>9</v></c> -->');
      previousColumn = column;
    }
    const rowReference: Array<[string, string]> =
      style.omitReferences && row === previousRow + 1 ? [] : [["r", String(row)]];
    rowXml.push(
      w.open("row", [...rowReference, ["spans", "1:8"]]) + cells.join(w.separator) + w.close("row")
    );
    previousRow = row;
  }
  const merges =
    sheet.merges.length === 0
      ? ""
      : w.open("mergeCells", [["count", String(sheet.merges.length)]]) +
        sheet.merges.map((ref) => w.empty("mergeCell", [["ref", ref]])).join("") +
        w.close("mergeCells");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    (style.markup ? "<?selfeval test?>\n" : "") +
    w.open("worksheet", w.namespaces()) +
    w.empty("dimension", [["ref", "A1"]]) +
    w.open("sheetData") +
    (style.markup ? "<?pi inside?><!-- comment -->" : "") +
    rowXml.join(w.separator) +
    w.close("sheetData") +
    merges +
    w.empty("pageMargins", [
      ["left", "0.7"],
      ["right", "0.7"],
      ["top", "0.75"],
      ["bottom", "0.75"],
      ["header", "0.3"],
      ["footer", "0.3"],
    ]) +
    w.close("worksheet")
  );
}

function stylesXml(w: XmlWriter): string {
  const custom = CELL_FORMATS.filter((format) => format.code !== undefined);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    w.open("styleSheet", w.namespaces()) +
    w.open("numFmts", [["count", String(custom.length)]]) +
    custom
      .map((format) =>
        w.empty("numFmt", [
          ["numFmtId", String(format.id)],
          ["formatCode", format.code!],
        ])
      )
      .join("") +
    w.close("numFmts") +
    w.open("fonts", [["count", "1"]]) +
    w.open("font") +
    w.empty("sz", [["val", "11"]]) +
    w.empty("name", [["val", "Calibri"]]) +
    w.close("font") +
    w.close("fonts") +
    w.open("fills", [["count", "1"]]) +
    w.open("fill") +
    w.empty("patternFill", [["patternType", "none"]]) +
    w.close("fill") +
    w.close("fills") +
    w.open("borders", [["count", "1"]]) +
    w.open("border") +
    w.empty("left") +
    w.empty("right") +
    w.close("border") +
    w.close("borders") +
    w.open("cellStyleXfs", [["count", "1"]]) +
    w.empty("xf", [["numFmtId", "0"]]) +
    w.close("cellStyleXfs") +
    w.open("cellXfs", [["count", String(CELL_FORMATS.length)]]) +
    CELL_FORMATS.map((format) =>
      w.empty("xf", [
        ["numFmtId", String(format.id)],
        ["fontId", "0"],
        ["fillId", "0"],
        ["borderId", "0"],
        ["xfId", "0"],
        ["applyNumberFormat", "1"],
      ])
    ).join("") +
    w.close("cellXfs") +
    w.close("styleSheet")
  );
}

function utf16(text: string): Uint8Array {
  const declared = text.replace('encoding="UTF-8"', 'encoding="UTF-16"');
  const bytes = new Uint8Array(2 + declared.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < declared.length; i++) {
    const code = declared.charCodeAt(i);
    bytes[2 + i * 2] = code & 0xff;
    bytes[3 + i * 2] = code >> 8;
  }
  return bytes;
}

/** The model as an .xlsx file, in the given XML style. */
export async function writeWorkbook(
  model: WorkbookModel,
  style: XmlStyle = PLAIN_XML
): Promise<Uint8Array> {
  const w = new XmlWriter(style);
  const zip = new JSZip();
  const sheetCount = model.sheets.length + (model.chartSheet ? 1 : 0);
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      model.sheets
        .map(
          (_sheet, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
        )
        .join("") +
      (model.chartSheet
        ? '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>'
        : "") +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      "</Types>"
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${TYPE}officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  const sheetEntries = model.sheets.map((sheet, i) =>
    w.empty("sheet", [
      ["name", sheet.name],
      ["sheetId", String(i + 1)],
      ...(sheet.state !== "visible" ? ([["state", sheet.state]] as Array<[string, string]>) : []),
      ["r:id", "rId" + (i + 1)],
    ])
  );
  if (model.chartSheet)
    sheetEntries.push(
      w.empty("sheet", [
        ["name", model.chartSheet],
        ["sheetId", String(sheetCount)],
        ["r:id", "rId" + sheetCount],
      ])
    );
  zip.file(
    "xl/workbook.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      w.open("workbook", w.namespaces()) +
      (model.date1904 ? w.empty("workbookPr", [["date1904", "1"]]) : w.empty("workbookPr")) +
      w.open("bookViews") +
      w.empty("workbookView") +
      w.close("bookViews") +
      w.open("sheets") +
      sheetEntries.join(w.separator) +
      w.close("sheets") +
      w.close("workbook")
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">` +
      model.sheets
        .map(
          (_sheet, i) =>
            `<Relationship Id="rId${i + 1}" Type="${TYPE}worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
        )
        .join("") +
      (model.chartSheet
        ? `<Relationship Id="rId${sheetCount}" Type="${TYPE}chartsheet" Target="chartsheets/sheet1.xml"/>`
        : "") +
      `<Relationship Id="rId${sheetCount + 1}" Type="${TYPE}styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${sheetCount + 2}" Type="${TYPE}sharedStrings" Target="sharedStrings.xml"/>` +
      "</Relationships>"
  );
  model.sheets.forEach((sheet, i) =>
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(model, sheet, w, style))
  );
  if (model.chartSheet)
    zip.file(
      "xl/chartsheets/sheet1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`
    );
  zip.file("xl/styles.xml", stylesXml(w));
  const strings = sharedStringsXml(model, w);
  zip.file("xl/sharedStrings.xml", style.utf16 ? utf16(strings) : strings);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
