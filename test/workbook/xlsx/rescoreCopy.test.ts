/**
 * Scoring a scored copy again: the tool takes back its own earlier marks (fills and notes,
 * recorded in a custom XML part) before it applies the new ones; the user's own notes and
 * styles stay as they are.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "fs";
import path from "path";
import { parseA1 } from "../../../src/engine/grid/address";
import { buildWritePlan } from "../../../src/engine/output/buildWritePlan";
import type { CellMark, WritePlan } from "../../../src/engine/output/types";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { readXlsxGrid } from "../../../src/workbook/xlsx/readXlsxGrid";
import { writeScoredCopy } from "../../../src/workbook/xlsx/writeScoredCopy";
import {
  EXISTING_NOTE_CELL,
  MAIN_SHEET,
  MAIN_SHEET_PART,
  SECOND_SHEET,
  SECOND_SHEET_PART,
  buildHandWrittenTemplate,
} from "./handWrittenTemplate";
import { cellElements, partText, styleIndexOf, unzipParts, type Parts } from "./packageInspection";

const FIXTURE = path.join(__dirname, "../../fixtures/project-school-safety-2024.xlsx");
const SHEET = "项目自评表";
const SHEET_PART = "xl/worksheets/sheet1.xml";
const RECORD_NAMESPACE = "urn:selfeval:marks:v1";
const YELLOW = "FFFFEB9C";
const RED = "FFFFC7CE";

/** The sheet's comments part and legacy drawing, found from its .rels. */
function notesParts(parts: Parts, sheetPart: string): { comments: string; vml: string } {
  const rels = partText(parts, sheetPart.replace(/([^/]+)$/, "_rels/$1.rels"));
  const target = (kind: string): string => {
    const match = new RegExp(`Type="[^"]*/${kind}" Target="([^"]+)"`).exec(rels);
    if (!match) throw new Error("no " + kind);
    return path.posix.normalize(path.posix.join(path.posix.dirname(sheetPart), match[1]));
  };
  return { comments: target("comments"), vml: target("vmlDrawing") };
}

function commentElements(commentsXml: string): Map<string, string[]> {
  const comments = new Map<string, string[]>();
  for (const element of commentsXml.match(/<comment [\s\S]*?<\/comment>/g) ?? []) {
    const ref = /ref="([^"]+)"/.exec(element)![1];
    comments.set(ref, (comments.get(ref) ?? []).concat(element));
  }
  return comments;
}

/** Note shapes of a VML drawing by their 0-based "row:column". */
function noteShapes(vml: string): Map<string, string[]> {
  const shapes = new Map<string, string[]>();
  for (const shape of vml.match(/<v:shape\s[\s\S]*?<\/v:shape>/g) ?? []) {
    const row = /<x:Row>\s*(\d+)/.exec(shape);
    const column = /<x:Column>\s*(\d+)/.exec(shape);
    if (!row || !column) continue;
    const key = row[1] + ":" + column[1];
    shapes.set(key, (shapes.get(key) ?? []).concat(shape));
  }
  return shapes;
}

function recordPartOf(parts: Parts): string {
  const names = Array.from(parts.keys()).filter(
    (name) =>
      /^customXml\/item\d+\.xml$/.test(name) && partText(parts, name).includes(RECORD_NAMESPACE)
  );
  expect(names).toHaveLength(1);
  return names[0];
}

async function excelSees(
  bytes: Uint8Array,
  sheet: string,
  cell: string
): Promise<{ fill: string | undefined; note: string | null }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const { row, column } = parseA1(cell)!;
  const found = workbook.getWorksheet(sheet)!.findCell(row, column);
  const fill = found?.fill as ExcelJS.FillPattern | undefined;
  const note = found?.note as unknown as { texts: Array<{ text: string }> } | undefined;
  return {
    fill: fill?.fgColor?.argb,
    note: note ? note.texts.map((run) => run.text).join("") : null,
  };
}

/** Edits parts of a package (text in, text out). */
async function editPackage(
  bytes: Uint8Array,
  edits: Record<string, (text: string) => string>
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(edits)) {
    const text = await zip.file(name)!.async("string");
    zip.file(name, edits[name](text));
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const USER_COMMENT =
  '<comment ref="B2" authorId="AUTHOR"><text><r><t xml:space="preserve">李四: 我自己的批注</t></r></text></comment>';
const USER_SHAPE =
  '<v:shape id="_x0000_s3000" type="#_x0000_t202" style="position:absolute;margin-left:100pt;' +
  'margin-top:10pt;width:108pt;height:59.25pt;z-index:99;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">' +
  '<v:fill color2="#ffffe1"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
  '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>2, 15, 0, 10, 4, 15, 4, 4</x:Anchor>' +
  "<x:AutoFill>False</x:AutoFill><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape>";

describe("re-scoring a scored copy of project-school-safety-2024.xlsx", () => {
  let input: Uint8Array;
  let inputParts: Parts;
  let firstPlan: WritePlan;
  let first: Uint8Array;
  let firstParts: Parts;
  /** The first copy, with F14 filled in and a note of the user's own on B2. */
  let edited: Uint8Array;
  let secondPlan: WritePlan;
  let second: Uint8Array;
  let secondParts: Parts;

  beforeAll(async () => {
    input = new Uint8Array(readFileSync(FIXTURE));
    inputParts = await unzipParts(input);
    const workbook = await readXlsxGrid(input);
    firstPlan = buildWritePlan(scoreWorkbook(workbook.grid, { fileName: "x.xlsx" }), workbook.grid);
    first = await writeScoredCopy(input, firstPlan);
    firstParts = await unzipParts(first);

    const notes = notesParts(firstParts, SHEET_PART);
    edited = await editPackage(first, {
      [SHEET_PART]: (xml) => xml.replace(/<c r="F14"( s="\d+")\/>/, '<c r="F14"$1><v>0.98</v></c>'),
      [notes.comments]: (xml) => {
        const authors = (xml.match(/<author>/g) ?? []).length;
        return xml
          .replace("</authors>", "<author>李四</author></authors>")
          .replace(
            "</commentList>",
            USER_COMMENT.replace("AUTHOR", String(authors)) + "</commentList>"
          );
      },
      [notes.vml]: (vml) => vml.replace("</xml>", USER_SHAPE + "</xml>"),
    });
    expect(partText(await unzipParts(edited), SHEET_PART)).toMatch(/<c r="F14" s="\d+"><v>0.98/);

    secondPlan = {
      marks: firstPlan.marks
        .filter((mark) => mark.cell !== "F14")
        .map((mark) =>
          mark.cell === "I18" ? { ...mark, note: "新的说明：请补充偏差原因" } : mark
        ),
      sheets: [],
    };
    second = await writeScoredCopy(edited, secondPlan);
    secondParts = await unzipParts(second);
  });

  test("the first copy marks F14 and records it", () => {
    expect(firstPlan.marks.map((mark) => mark.cell)).toEqual(
      expect.arrayContaining(["F14", "I18"])
    );
    const record = partText(firstParts, recordPartOf(firstParts));
    const f14 = styleIndexOf(cellElements(partText(inputParts, SHEET_PART)).get("F14"));
    // Keyed by sheetId, which survives the user renaming the sheet.
    expect(record).toContain(`<sheet id="1">`);
    // With the mark's colour, the fill under it and the note's exact text, which survive
    // programs that renumber styles and drop note authors.
    expect(record).toMatch(
      new RegExp(
        `<c r="F14" s="${f14}" m="\\d+" f="${RED}"><fill>&lt;fill&gt;&lt;patternFill patternType="none"/&gt;&lt;/fill&gt;</fill>` +
          `<note>【错误】「项目按期完成率」实际完成值未填写，请补充。</note></c>`
      )
    );
    const types = partText(firstParts, "[Content_Types].xml");
    expect(types).toMatch(
      /PartName="\/customXml\/itemProps\d+\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.customXmlProperties\+xml"/
    );
    expect(partText(firstParts, "xl/_rels/workbook.xml.rels")).toMatch(
      /relationships\/customXml" Target="\.\.\/customXml\/item\d+\.xml"/
    );
  });

  test("the fixed cell gets its original style back, and its note and note box go", async () => {
    const original = cellElements(partText(inputParts, SHEET_PART)).get("F14");
    const written = cellElements(partText(secondParts, SHEET_PART)).get("F14");
    expect(styleIndexOf(written)).toBe(styleIndexOf(original));
    expect(written).toContain("<v>0.98</v>");
    const notes = notesParts(secondParts, SHEET_PART);
    expect(partText(secondParts, notes.comments)).not.toContain('<comment ref="F14"');
    expect(noteShapes(partText(secondParts, notes.vml)).has("13:5")).toBe(false);
    expect(await excelSees(second, SHEET, "F14")).toEqual({ fill: undefined, note: null });
  });

  test("a cell still in trouble keeps its fill and gets the new note, once", async () => {
    expect(await excelSees(second, SHEET, "I18")).toEqual({
      fill: YELLOW,
      note: "新的说明：请补充偏差原因",
    });
    const notes = notesParts(secondParts, SHEET_PART);
    const comments = commentElements(partText(secondParts, notes.comments));
    for (const [, elements] of comments) expect(elements).toHaveLength(1);
    expect(noteShapes(partText(secondParts, notes.vml)).get("17:8")).toHaveLength(1);
    expect(await excelSees(second, SHEET, "H14")).toEqual({
      fill: RED,
      note: firstPlan.marks.find((mark) => mark.cell === "H14")!.note,
    });
  });

  test("the user's own note stays byte-identical", () => {
    const before = notesParts(firstParts, SHEET_PART);
    const after = notesParts(secondParts, SHEET_PART);
    const comments = partText(secondParts, after.comments);
    expect(comments).toContain(USER_COMMENT.replace("AUTHOR", "1"));
    expect(comments).toContain("<author>李四</author>");
    expect(partText(secondParts, after.vml)).toContain(USER_SHAPE);
    expect(before.comments).toBe(after.comments);
  });

  test("the record is replaced in place and lists this run's marks only", () => {
    const part = recordPartOf(firstParts);
    expect(recordPartOf(secondParts)).toBe(part);
    const record = partText(secondParts, part);
    expect(record).not.toContain('r="F14"');
    expect(record).toContain('r="I18"');
    const customXmlParts = (parts: Parts): string[] =>
      Array.from(parts.keys())
        .filter((name) => name.startsWith("customXml/"))
        .sort();
    expect(customXmlParts(secondParts)).toEqual(customXmlParts(firstParts));
    const overrides = (parts: Parts): number =>
      (partText(parts, "[Content_Types].xml").match(/customXmlProperties/g) ?? []).length;
    expect(overrides(secondParts)).toBe(overrides(firstParts));
  });

  test("the engine no longer marks the filled cell", async () => {
    const workbook = await readXlsxGrid(edited);
    const plan = buildWritePlan(
      scoreWorkbook(workbook.grid, { fileName: "x.xlsx" }),
      workbook.grid
    );
    expect(plan.marks.some((mark) => mark.cell === "F14")).toBe(false);
    expect(plan.sheets.map((placed) => placed.mode)).toEqual(["replace", "replace"]);
    const output = await writeScoredCopy(edited, plan);
    const parts = await unzipParts(output);
    expect(styleIndexOf(cellElements(partText(parts, SHEET_PART)).get("F14"))).toBe(
      styleIndexOf(cellElements(partText(inputParts, SHEET_PART)).get("F14"))
    );
  });

  test("scoring the same copy twice gives the same marks and one note per cell", async () => {
    const third = await writeScoredCopy(second, secondPlan);
    const thirdParts = await unzipParts(third);
    const notes = notesParts(thirdParts, SHEET_PART);
    const texts = (parts: Parts): Map<string, string[]> =>
      commentElements(partText(parts, notesParts(parts, SHEET_PART).comments));
    expect(Array.from(texts(thirdParts).keys()).sort()).toEqual(
      Array.from(texts(secondParts).keys()).sort()
    );
    for (const [ref, elements] of texts(thirdParts)) {
      expect(elements).toEqual(texts(secondParts).get(ref));
    }
    const shapes = noteShapes(partText(thirdParts, notes.vml));
    for (const [, list] of shapes) expect(list).toHaveLength(1);
    expect(shapes.size).toBe(noteShapes(partText(secondParts, notes.vml)).size);
    for (const mark of secondPlan.marks) {
      expect(await excelSees(third, mark.sheet, mark.cell)).toEqual(
        await excelSees(second, mark.sheet, mark.cell)
      );
    }
    const original = (cell: string): number =>
      styleIndexOf(cellElements(partText(inputParts, SHEET_PART)).get(cell));
    expect(styleIndexOf(cellElements(partText(thirdParts, SHEET_PART)).get("F14"))).toBe(
      original("F14")
    );
    expect(partText(thirdParts, recordPartOf(thirdParts))).toMatch(
      new RegExp(`<c r="I18" s="${original("I18")}" m="\\d+" f="${YELLOW}">`)
    );
  });

  test("a cell the user restyled after the first run is not reset", async () => {
    const restyled = await editPackage(first, {
      [SHEET_PART]: (xml) => xml.replace(/<c r="H14" s="\d+"/, '<c r="H14" s="0"'),
    });
    const output = await writeScoredCopy(restyled, {
      marks: firstPlan.marks.filter((mark) => mark.cell !== "H14" && mark.cell !== "F14"),
      sheets: [],
    });
    const cells = cellElements(partText(await unzipParts(output), SHEET_PART));
    expect(styleIndexOf(cells.get("H14"))).toBe(0);
    // …while a cell that still shows our mark is reset.
    expect(styleIndexOf(cells.get("F14"))).toBe(
      styleIndexOf(cellElements(partText(inputParts, SHEET_PART)).get("F14"))
    );
    expect(await excelSees(output, SHEET, "H14")).toEqual({ fill: undefined, note: null });
  });
});

describe("re-scoring a scored copy of the hand-written template", () => {
  const marks: CellMark[] = [
    { sheet: MAIN_SHEET, cell: "B4", severity: "error", note: "【错误】第一条" },
    { sheet: MAIN_SHEET, cell: EXISTING_NOTE_CELL, severity: "warning", note: "【警告】不应出现" },
    { sheet: MAIN_SHEET, cell: "C6", severity: "warning", note: "【警告】第二条" },
    { sheet: SECOND_SHEET, cell: "B2", severity: "error", note: "第二张表" },
  ];

  test("after two runs the user's comment is unchanged and ours appear once", async () => {
    const input = await buildHandWrittenTemplate();
    const inputParts = await unzipParts(input);
    const once = await writeScoredCopy(input, { marks, sheets: [] });
    const twice = await writeScoredCopy(once, { marks: marks.slice(0, 2), sheets: [] });
    const parts = await unzipParts(twice);
    const userComment = commentElements(partText(inputParts, "xl/comments1.xml")).get(
      EXISTING_NOTE_CELL
    );
    const comments = commentElements(partText(parts, "xl/comments1.xml"));
    expect(comments.get(EXISTING_NOTE_CELL)).toEqual(userComment);
    expect(comments.get("B4")).toHaveLength(1);
    expect(comments.has("C6")).toBe(false);
    const vml = partText(parts, "xl/drawings/vmlDrawing1.vml");
    const userShape = noteShapes(partText(inputParts, "xl/drawings/vmlDrawing1.vml")).get("7:5");
    expect(noteShapes(vml).get("7:5")).toEqual(userShape);
    expect(noteShapes(vml).has("5:2")).toBe(false);
    // The template's own custom XML item is kept; ours is a second one.
    expect(partText(parts, "customXml/item1.xml")).toBe(
      partText(inputParts, "customXml/item1.xml")
    );
    expect(recordPartOf(parts)).toBe("customXml/item2.xml");
    // The sheet named with markup characters is recorded by its sheetId, and found again.
    expect(partText(await unzipParts(once), "customXml/item2.xml")).toContain('<sheet id="3">');
    expect(styleIndexOf(cellElements(partText(parts, SECOND_SHEET_PART)).get("B2"))).toBe(
      styleIndexOf(cellElements(partText(inputParts, SECOND_SHEET_PART)).get("B2"))
    );
    const original = cellElements(partText(inputParts, MAIN_SHEET_PART)).get("C6");
    expect(styleIndexOf(cellElements(partText(parts, MAIN_SHEET_PART)).get("C6"))).toBe(
      styleIndexOf(original)
    );
  });
});
