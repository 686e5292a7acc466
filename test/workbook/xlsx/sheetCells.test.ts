/**
 * A property of the text edit that marks cells (restyleCells): on any worksheet — prefixed or
 * not, attributes in either quotes and holding `>`, cells with and without `r`, values, formulas
 * and inline strings — it changes only the nodes it means to: the `s` of each marked cell that
 * exists, new empty cells (with only `r` and `s`) where a marked cell has none, in row and column
 * order, a row's `spans` and the `<dimension>` widened to cover them. Every other node, parsed
 * by an independent XML parser (@xmldom/xmldom), is as it was.
 */
import fc from "fast-check";
import { DOMParser, XMLSerializer, type Element, type Node } from "@xmldom/xmldom";
import { columnLetters, parseRange, scanA1, toA1 } from "../../../src/engine/grid/address";
import {
  foundTag,
  nextStartTag,
  restyleCellPieces,
  restyleCells,
  type RowRestyles,
} from "../../../src/workbook/xlsx/sheetCells";
import { startTagPattern } from "../../../src/workbook/xlsx/xmlText";

const SPREADSHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

interface GeneratedCell {
  readonly column: number;
  readonly withReference: boolean;
  readonly style: number | null;
  readonly type: string | null;
  /** An attribute whose value holds `>`, in the cell's start tag. */
  readonly odd: boolean;
  readonly content: "empty" | "value" | "formula" | "inline";
}

interface GeneratedRow {
  readonly row: number;
  /** `r` after the row's other attributes, not first (as the scan passing rows by expects it). */
  readonly referenceLast: boolean;
  readonly spans: boolean;
  readonly customFormat: number | null;
  readonly cells: readonly GeneratedCell[];
}

interface GeneratedSheet {
  readonly prefix: "" | "x:";
  readonly quote: '"' | "'";
  readonly columnStyle: number | null;
  readonly rows: readonly GeneratedRow[];
}

const cellArbitrary = fc.record({
  column: fc.integer({ min: 1, max: 12 }),
  withReference: fc.boolean(),
  style: fc.option(fc.integer({ min: 0, max: 20 })),
  type: fc.option(fc.constantFrom("n", "s", "str", "inlineStr", "b")),
  odd: fc.boolean(),
  content: fc.constantFrom("empty", "value", "formula", "inline"),
});

const rowArbitrary = fc.record({
  row: fc.integer({ min: 1, max: 30 }),
  referenceLast: fc.boolean(),
  spans: fc.boolean(),
  customFormat: fc.option(fc.integer({ min: 1, max: 9 })),
  cells: fc.uniqueArray(cellArbitrary, { selector: (cell) => cell.column, maxLength: 6 }),
});

const sheetArbitrary: fc.Arbitrary<GeneratedSheet> = fc.record({
  prefix: fc.constantFrom("" as const, "x:" as const),
  quote: fc.constantFrom('"' as const, "'" as const),
  columnStyle: fc.option(fc.integer({ min: 1, max: 9 })),
  rows: fc.uniqueArray(rowArbitrary, { selector: (row) => row.row, maxLength: 8 }),
});

/** Restyle requests: some on cells that exist, some on cells or rows that do not; null leaves alone. */
const targetsArbitrary = fc.uniqueArray(
  fc.record({
    row: fc.integer({ min: 1, max: 32 }),
    column: fc.integer({ min: 1, max: 14 }),
    style: fc.option(fc.integer({ min: 21, max: 40 }), { freq: 4 }),
  }),
  { selector: (target) => target.row + ":" + target.column, minLength: 1, maxLength: 20 }
);

function sorted(sheet: GeneratedSheet): GeneratedSheet {
  return {
    ...sheet,
    rows: sheet.rows
      .slice()
      .sort((a, b) => a.row - b.row)
      .map((row) => ({ ...row, cells: row.cells.slice().sort((a, b) => a.column - b.column) })),
  };
}

function worksheetXml(sheet: GeneratedSheet): string {
  const p = sheet.prefix;
  const q = sheet.quote;
  const attribute = (name: string, value: string | number): string =>
    " " + name + "=" + q + value + q;
  let rows = "";
  for (const row of sheet.rows) {
    let cells = "";
    let previous = 0;
    for (const cell of row.cells) {
      // A cell may leave out `r` only where it follows its neighbour, as Excel reads it.
      const reference = cell.withReference || cell.column !== previous + 1;
      previous = cell.column;
      let tag = "<" + p + "c" + (reference ? attribute("r", toA1(row.row, cell.column)) : "");
      if (cell.odd) tag += attribute("cm", "a>b");
      if (cell.style !== null) tag += attribute("s", cell.style);
      if (cell.type !== null) tag += attribute("t", cell.type);
      const body =
        cell.content === "value"
          ? "<" + p + "v>" + cell.column * 1.5 + "</" + p + "v>"
          : cell.content === "formula"
            ? "<" + p + "f>SUM(A1:B2)&gt;0</" + p + "f><" + p + "v>1</" + p + "v>"
            : cell.content === "inline"
              ? "<" +
                p +
                "is><" +
                p +
                "t xml:space=" +
                q +
                "preserve" +
                q +
                ">a &lt;c&gt; &amp; 中</" +
                p +
                "t></" +
                p +
                "is>"
              : "";
      cells += body === "" ? tag + "/>" : tag + ">" + body + "</" + p + "c>";
    }
    let rowTag = "<" + p + "row" + (row.referenceLast ? "" : attribute("r", row.row));
    if (row.spans && row.cells.length > 0)
      rowTag += attribute(
        "spans",
        row.cells[0].column + ":" + row.cells[row.cells.length - 1].column
      );
    if (row.customFormat !== null)
      rowTag += attribute("s", row.customFormat) + attribute("customFormat", 1);
    if (row.referenceLast) rowTag += attribute("r", row.row);
    rows += cells === "" ? rowTag + "/>" : rowTag + ">" + cells + "</" + p + "row>";
  }
  const cols =
    sheet.columnStyle === null
      ? ""
      : "<" +
        p +
        "cols><" +
        p +
        "col" +
        attribute("min", 2) +
        attribute("max", 4) +
        attribute("style", sheet.columnStyle) +
        "/></" +
        p +
        "cols>";
  const declaration = p === "" ? ' xmlns="' + SPREADSHEET + '"' : ' xmlns:x="' + SPREADSHEET + '"';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    "<" +
    p +
    "worksheet" +
    declaration +
    ">" +
    "<" +
    p +
    "dimension ref=" +
    q +
    "B2:C3" +
    q +
    "/>" +
    cols +
    (rows === ""
      ? "<" + p + "sheetData/>"
      : "<" + p + "sheetData>" + rows + "</" + p + "sheetData>") +
    "<" +
    p +
    "mergeCells count=" +
    q +
    "1" +
    q +
    "><" +
    p +
    "mergeCell ref=" +
    q +
    "A1:B1" +
    q +
    "/></" +
    p +
    "mergeCells>" +
    "</" +
    p +
    "worksheet>"
  );
}

function parse(xml: string): Element {
  const errors: string[] = [];
  const document = new DOMParser({
    onError: (level: string, message: string) => errors.push(level + ": " + message),
  }).parseFromString(xml, "text/xml");
  if (errors.length > 0) throw new Error("not well-formed: " + errors.join("; ") + "\n" + xml);
  return document.documentElement as Element;
}

function elementChildren(node: Node): Element[] {
  const children: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 1) children.push(child as Element);
  return children;
}

function attributes(element: Element): Record<string, string> {
  const map: Record<string, string> = {};
  for (let i = 0; i < element.attributes.length; i++) {
    const attribute = element.attributes[i];
    map[attribute.name] = attribute.value;
  }
  return map;
}

const serializer = new XMLSerializer();

function inner(element: Element): string {
  let text = "";
  for (let child = element.firstChild; child; child = child.nextSibling)
    text += serializer.serializeToString(child);
  return text;
}

/** The cells of a parsed sheet, by "row:column", as Excel places them. */
function cellsOf(root: Element): Map<string, { row: Element; cell: Element; index: number }> {
  const sheetData = elementChildren(root).find((child) => child.localName === "sheetData")!;
  const cells = new Map<string, { row: Element; cell: Element; index: number }>();
  for (const row of elementChildren(sheetData)) {
    const rowNumber = Number(row.getAttribute("r"));
    let previous = 0;
    elementChildren(row).forEach((cell, index) => {
      const reference = cell.getAttribute("r");
      const column = reference ? scanA1(reference)!.column : previous + 1;
      previous = column;
      cells.set(rowNumber + ":" + column, { row, cell, index });
    });
  }
  return cells;
}

function requests(targets: ReadonlyArray<{ row: number; column: number; style: number | null }>): {
  rows: RowRestyles[];
  seen: Map<string, number>;
} {
  const seen = new Map<string, number>();
  const byRow = new Map<number, Array<{ column: number; style: number | null }>>();
  for (const target of targets) {
    const list = byRow.get(target.row) ?? [];
    list.push(target);
    byRow.set(target.row, list);
  }
  const rows = Array.from(byRow.entries())
    .sort((a, b) => a[0] - b[0])
    .map(([row, cells]) => ({
      row,
      cells: cells
        .sort((a, b) => a.column - b.column)
        .map((cell) => ({
          column: cell.column,
          restyle: (original: number) => {
            seen.set(row + ":" + cell.column, original);
            return cell.style;
          },
        })),
    }));
  return { rows, seen };
}

describe("restyleCells changes only the cells it marks", () => {
  test("any worksheet, any marks: every other node is as it was", () => {
    fc.assert(
      fc.property(sheetArbitrary, targetsArbitrary, (generated, targets) => {
        const sheet = sorted(generated);
        const before = worksheetXml(sheet);
        const { rows, seen } = requests(targets);
        const after = restyleCells(before, rows);
        const oldRoot = parse(before);
        const newRoot = parse(after);
        const wanted = new Map(targets.map((t) => [t.row + ":" + t.column, t.style]));
        const oldCells = cellsOf(oldRoot);
        const newCells = cellsOf(newRoot);

        // Every cell there was is still there, changed at most in its `s`.
        oldCells.forEach(({ cell }, key) => {
          const now = newCells.get(key);
          expect(now).toBeDefined();
          const style = wanted.get(key);
          const expected = attributes(cell);
          if (style !== undefined && style !== null) expected.s = String(style);
          expect(attributes(now!.cell)).toEqual(expected);
          expect(inner(now!.cell)).toBe(inner(cell));
          // The restyle was given the cell's own style.
          if (wanted.has(key)) expect(seen.get(key)).toBe(Number(cell.getAttribute("s") || 0));
        });
        // A new cell only where a mark wanted one: `r` and `s`, nothing else.
        let created = 0;
        const bounds = { top: Infinity, left: Infinity, bottom: 0, right: 0 };
        newCells.forEach(({ cell }, key) => {
          if (oldCells.has(key)) return;
          const style = wanted.get(key);
          expect(style).not.toBeUndefined();
          expect(style).not.toBeNull();
          const [row, column] = key.split(":").map(Number);
          expect(attributes(cell)).toEqual({ r: toA1(row, column), s: String(style) });
          expect(cell.firstChild).toBeNull();
          created++;
          bounds.top = Math.min(bounds.top, row);
          bounds.bottom = Math.max(bounds.bottom, row);
          bounds.left = Math.min(bounds.left, column);
          bounds.right = Math.max(bounds.right, column);
        });
        wanted.forEach((style, key) => {
          if (style !== null) expect(newCells.has(key)).toBe(true);
        });

        // Rows and cells stay in order; a row keeps its attributes but a widened `spans`.
        const sheetData = elementChildren(newRoot).find((e) => e.localName === "sheetData")!;
        const rowNumbers = elementChildren(sheetData).map((row) => Number(row.getAttribute("r")));
        expect(rowNumbers).toEqual(rowNumbers.slice().sort((a, b) => a - b));
        const oldRows = new Map(
          elementChildren(elementChildren(oldRoot).find((e) => e.localName === "sheetData")!).map(
            (row) => [row.getAttribute("r"), row]
          )
        );
        for (const row of elementChildren(sheetData)) {
          const rowCells = Array.from(newCells.entries())
            .filter(([, entry]) => entry.row === row)
            .sort((a, b) => a[1].index - b[1].index);
          const columns = rowCells.map(([key]) => Number(key.split(":")[1]));
          expect(columns).toEqual(columns.slice().sort((a, b) => a - b));
          const old = oldRows.get(row.getAttribute("r"));
          if (!old) {
            expect(Object.keys(attributes(row))).toEqual(["r"]);
            continue;
          }
          const oldAttributes = attributes(old);
          const newAttributes = attributes(row);
          if (oldAttributes.spans !== undefined) {
            const [low, high] = newAttributes.spans.split(":").map(Number);
            const [oldLow, oldHigh] = oldAttributes.spans.split(":").map(Number);
            expect(low).toBeLessThanOrEqual(oldLow);
            expect(high).toBeGreaterThanOrEqual(oldHigh);
            for (const column of columns.filter(
              (c) => !oldCells.has(row.getAttribute("r") + ":" + c)
            ))
              expect(column >= low && column <= high).toBe(true);
            delete oldAttributes.spans;
            delete newAttributes.spans;
          }
          expect(newAttributes).toEqual(oldAttributes);
        }

        // Outside <sheetData> only <dimension> may change: widened over the new cells.
        const outside = (root: Element): string[] =>
          elementChildren(root)
            .filter((child) => child.localName !== "sheetData" && child.localName !== "dimension")
            .map((child) => serializer.serializeToString(child));
        expect(outside(newRoot)).toEqual(outside(oldRoot));
        const dimension = elementChildren(newRoot).find((e) => e.localName === "dimension")!;
        const range = parseRange(dimension.getAttribute("ref")!)!;
        if (created === 0) expect(dimension.getAttribute("ref")).toBe("B2:C3");
        else
          expect(range).toEqual({
            top: Math.min(2, bounds.top),
            left: Math.min(2, bounds.left),
            bottom: Math.max(3, bounds.bottom),
            right: Math.max(3, bounds.right),
          });
        expect(columnLetters(range.left)).toMatch(/^[A-N]$/);
      }),
      { numRuns: 300 }
    );
  });

  test("a new cell in a formatted row or column starts from that style", () => {
    const xml =
      `<worksheet xmlns="${SPREADSHEET}"><cols><col min="2" max="4" style="7"/></cols>` +
      '<sheetData><row r="2" s="5" customFormat="1"><c r="A2"/></row><row r="3"/></sheetData></worksheet>';
    const { rows, seen } = requests([
      { row: 2, column: 3, style: 30 },
      { row: 3, column: 3, style: 31 },
      { row: 3, column: 9, style: 32 },
    ]);
    restyleCells(xml, rows);
    expect(Object.fromEntries(seen)).toEqual({ "2:3": 5, "3:3": 7, "3:9": 0 });
  });

  test("rows passed by their number still count for a row without one, and for rows to create", () => {
    // Rows 1–400 state r first and are passed by; row 401 has none (it follows 400); row 403
    // states r after another attribute; rows 402 and 405 are missing.
    let rowsXml = "";
    for (let row = 1; row <= 400; row++)
      rowsXml += `<row r="${row}" spans="1:2"><c r="A${row}" s="1"><v>${row}</v></c></row>`;
    rowsXml += '<row><c r="A401" s="2"/></row>';
    rowsXml += '<row spans="1:1" r="403"><c r="A403" s="3"/></row>';
    rowsXml += '<row r="404"><c r="A404" s="4"/></row>';
    const xml = `<worksheet xmlns="${SPREADSHEET}"><sheetData>${rowsXml}</sheetData></worksheet>`;
    const { rows, seen } = requests([
      { row: 7, column: 1, style: 20 },
      { row: 401, column: 1, style: 21 },
      { row: 402, column: 2, style: 22 },
      { row: 403, column: 1, style: 23 },
      { row: 405, column: 1, style: 24 },
    ]);
    const after = restyleCells(xml, rows);
    expect(Object.fromEntries(seen)).toEqual({
      "7:1": 1,
      "401:1": 2,
      "402:2": 0,
      "403:1": 3,
      "405:1": 0,
    });
    expect(after).toContain('<c r="A7" s="20"><v>7</v></c>');
    expect(after).toContain('<row><c r="A401" s="21"/></row><row r="402"><c r="B402" s="22"/>');
    expect(after).toContain('<row spans="1:1" r="403"><c r="A403" s="23"/></row>');
    expect(after).toContain('<c r="A404" s="4"/></row><row r="405"><c r="A405" s="24"/></row>');
    // Every other row as it was, in its place.
    for (let row = 1; row <= 400; row++)
      if (row !== 7)
        expect(after).toContain(
          `<row r="${row}" spans="1:2"><c r="A${row}" s="1"><v>${row}</v></c></row>`
        );
    expect(after.split("<row").length).toBe(xml.split("<row").length + 2);
  });
});

describe("nextStartTag finds the start tags startTagPattern finds", () => {
  // Pieces of start tags, well-formed and not: names that go on (<rows, <cfRule), white space of
  // every kind \s matches, both quotes, values holding ">" or the other quote, attributes without
  // white space between them or without a value, "/" not before ">".
  const fragment = fc.constantFrom(
    "<row",
    "<rows",
    "<c",
    "<cfRule",
    "<x:c",
    " ",
    "\t",
    "\n",
    "\u00a0",
    "\u3000",
    ' r="3"',
    " r='B4'",
    ' s="12"',
    " s = '7' ",
    ' r="&#51;"',
    ' spans="1:8"',
    ' t="a>b"',
    " t='\"'",
    'x="1"',
    " x=1",
    " x",
    "=",
    '"',
    "/",
    "/>",
    ">",
    "</c>",
    "<v>1</v>"
  );
  const text = fc.array(fragment, { maxLength: 40 }).map((pieces) => pieces.join(""));

  function byPattern(xml: string, open: string, from: number, limit: number): unknown {
    const pattern = startTagPattern(open.slice(1));
    pattern.lastIndex = from;
    const match = pattern.exec(xml);
    if (!match || match.index >= limit) return null;
    const raw = (name: string): string | null => {
      const found = new RegExp("(\\s)" + name + "\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')").exec(
        match[1]
      );
      return found ? (found[2] ?? found[3]) : null;
    };
    return {
      start: match.index,
      attributes: match[1],
      end: match.index + match[0].length,
      empty: match[2] === "/",
      r: raw("r"),
      s: raw("s"),
    };
  }

  function byScan(xml: string, open: string, from: number, limit: number): unknown {
    const found = foundTag();
    if (!nextStartTag(xml, open, from, limit, found)) return null;
    return {
      start: found.start,
      attributes: xml.slice(found.attributesStart, found.attributesEnd),
      end: found.end,
      empty: found.empty,
      r: found.r,
      s: found.s,
    };
  }

  test.each([
    '<row r="3"x="1"><row r="4">',
    '<row r=\'3\' s="2"/><row\u00a0r="5">',
    '<rows r="1"/><row r="2" / ><row r="3"/>',
    '<row t="a>b" r="6" r="7">',
    "<row r=\"1\" x><row x= 'y' r = '8' >",
    '<row r="1" x=1><row r="9" s="&#49;">',
  ])("%j", (xml) => {
    for (const open of ["<row", "<c"])
      for (let from = 0; from <= xml.length; from++)
        expect(byScan(xml, open, from, xml.length)).toEqual(byPattern(xml, open, from, xml.length));
  });

  test("from every position, up to every limit", () => {
    fc.assert(
      fc.property(
        text,
        fc.constantFrom("<row", "<c", "<x:c"),
        fc.nat(),
        fc.nat(),
        (xml, open, from, limit) => {
          const start = from % (xml.length + 1);
          const end = limit % (xml.length + 2);
          expect(byScan(xml, open, start, end)).toEqual(byPattern(xml, open, start, end));
        }
      ),
      { numRuns: 3000 }
    );
  });
});

describe("restyleCellPieces widens <dimension> where it is", () => {
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rows = (): RowRestyles[] => [{ row: 3, cells: [{ column: 2, restyle: () => 5 }] }];
  const data = '<sheetData><row r="1"><c r="A1"/></row></sheetData>';
  const grown =
    '<sheetData><row r="1"><c r="A1"/></row><row r="3"><c r="B3" s="5"/></row></sheetData>';

  test("before <sheetData>, in the first piece: the part is not joined for it", () => {
    const pieces = restyleCellPieces(
      `<worksheet ${NS}><dimension ref="A1"/>${data}</worksheet>`,
      rows()
    );
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces[0]).toBe(`<worksheet ${NS}><dimension ref="A1:B3"/><sheetData>`);
    expect(pieces.join("")).toBe(`<worksheet ${NS}><dimension ref="A1:B3"/>${grown}</worksheet>`);
  });

  test("after <sheetData> (out of schema order): widened too", () => {
    const xml = `<worksheet ${NS}>${data}<dimension ref="A1"/></worksheet>`;
    expect(restyleCellPieces(xml, rows()).join("")).toBe(
      `<worksheet ${NS}>${grown}<dimension ref="A1:B3"/></worksheet>`
    );
  });
});
