/**
 * addNotes with `deferLink` (writeScoredCopy's markCells links the notes' drawing while encoding
 * the restyled sheet): the link it hands back makes the very part addNotes would have made.
 */
import { deflated, workbookParts, zip } from "../../../bench/hostileWorkbooks";
import { addNotes, type NotesContext } from "../../../src/workbook/xlsx/legacyNotes";
import { PackageEditor } from "../../../src/workbook/xlsx/opcPackage";
import { openZipPackage } from "../../../src/workbook/xlsx/zipPackage";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const SHEET_PART = "xl/worksheets/sheet1.xml";
const ROWS = '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"/></sheetData>';

async function context(): Promise<NotesContext> {
  const editor = new PackageEditor(await openZipPackage(zip(workbookParts())));
  let block = 1;
  return {
    editor,
    workbookDirectory: "xl/",
    contentTypes: "<Types/>",
    allocateShapeBlocks: (count) => Array.from({ length: count }, () => block++),
  };
}

const NOTES = [
  { row: 1, column: 1, text: "【错误】得分超过分值" },
  { row: 2, column: 3, text: "说明 <空>" },
];

describe("addNotes with deferLink", () => {
  it.each([
    [
      "a plain sheet: one insertion after <sheetData>",
      `<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1"/>${ROWS}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
      true,
    ],
    [
      "a root without the relationships namespace",
      `<worksheet xmlns="${MAIN}">${ROWS}</worksheet>`,
      false,
    ],
    [
      "a <legacyDrawing> whose drawing is missing, to repoint",
      `<worksheet xmlns="${MAIN}" xmlns:r="${R}">${ROWS}<legacyDrawing r:id="rId9"/></worksheet>`,
      false,
    ],
  ])("%s", async (_name, sheet, insertion) => {
    const direct = await addNotes(await context(), SHEET_PART, sheet, NOTES);
    const deferred = await addNotes(await context(), SHEET_PART, sheet, NOTES, {
      deferLink: true,
    });
    expect(deferred.xml).toBe(sheet);
    expect(deferred.added).toEqual(direct.added);
    const link = deferred.link;
    expect(link).toBeDefined();
    expect(link!.insertion !== null).toBe(insertion);
    if (link!.insertion) {
      const at = sheet.length - link!.insertion.fromEnd;
      expect(sheet.slice(0, at) + link!.insertion.element + sheet.slice(at)).toBe(direct.xml);
    }
    expect(link!.apply(sheet)).toBe(direct.xml);
    expect(direct.xml).toMatch(/legacyDrawing [\w:]*id="rId[0-9]+"\/>/);
  });

  it("gives no link when the sheet already has a drawing for notes", async () => {
    const parts = workbookParts({
      "xl/worksheets/_rels/sheet1.xml.rels": deflated(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`
      ),
      "xl/drawings/vmlDrawing1.vml": deflated("<xml></xml>"),
    });
    const notesContext = await context();
    const editor = new PackageEditor(await openZipPackage(zip(parts)));
    const sheet = `<worksheet xmlns="${MAIN}" xmlns:r="${R}">${ROWS}<legacyDrawing r:id="rId1"/></worksheet>`;
    const deferred = await addNotes({ ...notesContext, editor }, SHEET_PART, sheet, NOTES, {
      deferLink: true,
    });
    expect(deferred.added).toHaveLength(2);
    expect(deferred.link).toBeUndefined();
    expect(deferred.xml).toBe(sheet);
  });
});
