import { readdirSync, readFileSync } from "fs";
import * as path from "path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { deflated, workbookParts, zip } from "../../../bench/hostileWorkbooks";
import { readXlsxGrid } from "../../../src/workbook/xlsx/readXlsxGrid";
import { UnreadableWorkbookError } from "../../../src/workbook/xlsx/unreadableWorkbookError";
import { excelJsSheets, plainWorkbook, type PlainSheet } from "../../helpers/excelJsGrid";
import {
  PLAIN_XML,
  workbookModelArbitrary,
  writeWorkbook,
  xmlStyleArbitrary,
} from "../../helpers/generatedWorkbook";

const root = path.join(__dirname, "..", "..", "..");

/** The reader's sheets without the owner (ExcelJS knows nothing of the tool's marks). */
async function ourSheets(bytes: Uint8Array): Promise<PlainSheet[]> {
  const { grid } = await readXlsxGrid(bytes);
  return plainWorkbook(grid).sheets.map((sheet) => ({ ...sheet, owner: null }));
}

function workbookFiles(): string[] {
  const directories = ["test/fixtures", "test/fixtures/layouts", "assets/examples"];
  return directories.flatMap((directory) =>
    readdirSync(path.join(root, directory))
      .filter((name) => name.endsWith(".xlsx"))
      .map((name) => path.join(directory, name))
  );
}

async function readFailure(bytes: Uint8Array): Promise<UnreadableWorkbookError> {
  const failure = await readXlsxGrid(bytes).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(UnreadableWorkbookError);
  return failure as UnreadableWorkbookError;
}

describe("readXlsxGrid against ExcelJS (the oracle)", () => {
  it.each(workbookFiles())("reads %s cell for cell as ExcelJS does", async (file) => {
    const bytes = new Uint8Array(readFileSync(path.join(root, file)));
    expect(await ourSheets(bytes)).toEqual(await excelJsSheets(bytes));
  });

  it("reads generated workbooks as ExcelJS does: strings, rich text, formulas, merges, dates, formats, hidden sheets", async () => {
    await fc.assert(
      fc.asyncProperty(workbookModelArbitrary, async (model) => {
        const bytes = await writeWorkbook(model);
        expect(await ourSheets(bytes)).toEqual(await excelJsSheets(bytes));
      }),
      { numRuns: 60 }
    );
  });

  it("reads odd but valid XML (prefixes, attribute order, no r, comments, CDATA, references, UTF-16) as the plain file", async () => {
    await fc.assert(
      fc.asyncProperty(workbookModelArbitrary, xmlStyleArbitrary, async (model, style) => {
        const plain = await writeWorkbook(model, PLAIN_XML);
        const odd = await writeWorkbook(model, style);
        expect(await ourSheets(odd)).toEqual(await excelJsSheets(plain));
      }),
      { numRuns: 60 }
    );
  });

  it("lists chart sheets by name without reading them, and every sheet's state", async () => {
    await fc.assert(
      fc.asyncProperty(workbookModelArbitrary, async (model) => {
        const workbook = await readXlsxGrid(await writeWorkbook(model));
        expect(workbook.grid.sheets.map((sheet) => sheet.name)).toEqual(
          model.sheets.map((sheet) => sheet.name)
        );
        expect(workbook.grid.otherSheetNames).toEqual(model.chartSheet ? [model.chartSheet] : []);
        expect(workbook.sheets.map((sheet) => sheet.state)).toEqual([
          ...model.sheets.map((sheet) => sheet.state),
          ...(model.chartSheet ? ["visible"] : []),
        ]);
      }),
      { numRuns: 20 }
    );
  });
});

/** A small workbook made with ExcelJS, then edited as XML. */
async function editedWorkbook(edit: (zip: JSZip) => Promise<void> | void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("表");
  sheet.getCell("A1").value = "指标";
  sheet.getCell("B1").value = 1;
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  await edit(zip);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("readXlsxGrid on what ExcelJS reads differently", () => {
  it("takes a formula's cached 0, empty text and FALSE as calculated results", async () => {
    const bytes = await editedWorkbook(async (zip) => {
      const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
      zip.file(
        "xl/worksheets/sheet1.xml",
        xml.replace(
          "</sheetData>",
          '<row r="5"><c r="A5"><f>B1-1</f><v>0</v></c><c r="B5" t="str"><f>IF(B1,"","x")</f><v></v></c>' +
            '<c r="C5" t="b"><f>B1&gt;2</f><v>0</v></c><c r="D5"><f>B1*2</f></c></row></sheetData>'
        )
      );
    });
    const sheet = (await readXlsxGrid(bytes)).grid.sheets[0];
    expect(sheet.cell(5, 1)).toMatchObject({
      value: 0,
      formula: "B1-1",
      formulaNotCalculated: false,
    });
    // A formula whose result is "" reads blank, but it was calculated.
    expect(sheet.cell(5, 2)).toMatchObject({
      value: null,
      formula: 'IF(B1,"","x")',
      formulaNotCalculated: false,
    });
    expect(sheet.cell(5, 3)).toMatchObject({ value: false, formula: "B1>2" });
    expect(sheet.cell(5, 4)).toMatchObject({ value: null, formulaNotCalculated: true });
  });

  it("decodes Excel's _xHHHH_ escapes in inline strings too, and leaves phonetic guides out", async () => {
    const bytes = await editedWorkbook(async (zip) => {
      const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
      zip.file(
        "xl/worksheets/sheet1.xml",
        xml.replace(
          "</sheetData>",
          '<row r="2"><c r="A2" t="inlineStr"><is><t>a_x000D_b_x005F_x0041_</t><rPh sb="0" eb="1"><t>ア</t></rPh></is></c></row></sheetData>'
        )
      );
    });
    expect((await readXlsxGrid(bytes)).grid.sheets[0].cell(2, 1)?.value).toBe("a\rb_x0041_");
  });

  it("moves a shared formula's references the way Excel does, leaving text, absolute parts and names alone", async () => {
    const bytes = await editedWorkbook(async (zip) => {
      const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
      zip.file(
        "xl/worksheets/sheet1.xml",
        xml.replace(
          "</sheetData>",
          '<row r="3"><c r="C3"><f t="shared" ref="C3:D4" si="7">IF(A3="B3",$A$1+A:A+3:3,LOG10(B3))*1E3</f><v>1</v></c>' +
            '<c r="D3"><f t="shared" si="7"/><v>2</v></c></row>' +
            '<row r="4"><c r="D4"><f t="shared" si="7"/><v>3</v></c></row></sheetData>'
        )
      );
    });
    const sheet = (await readXlsxGrid(bytes)).grid.sheets[0];
    expect(sheet.cell(3, 4)?.formula).toBe('IF(B3="B3",$A$1+B:B+3:3,LOG10(C3))*1E3');
    expect(sheet.cell(4, 4)?.formula).toBe('IF(B4="B3",$A$1+B:B+4:4,LOG10(C4))*1E3');
  });

  it("shows Chinese date formats (built-in ids 27–36, 50–58) as dates, in either date system", async () => {
    for (const date1904 of [false, true]) {
      const bytes = await editedWorkbook(async (zip) => {
        const styles = await zip.file("xl/styles.xml")!.async("string");
        zip.file(
          "xl/styles.xml",
          styles.replace(
            /<cellXfs count="(\d+)">/,
            (_whole, count: string) =>
              '<cellXfs count="' +
              (Number(count) + 1) +
              '"><xf numFmtId="31" fontId="0" fillId="0" borderId="0"/>'
          )
        );
        const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
        zip.file(
          "xl/worksheets/sheet1.xml",
          sheetXml.replace(
            "</sheetData>",
            `<row r="2"><c r="A2" s="0"><v>${date1904 ? 43860 : 45322}</v></c></row></sheetData>`
          )
        );
        if (date1904) {
          const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
          zip.file(
            "xl/workbook.xml",
            workbookXml.replace(/<workbookPr\b/, '<workbookPr date1904="1"')
          );
        }
      });
      const cell = (await readXlsxGrid(bytes)).grid.sheets[0].cell(2, 1);
      expect(cell).toMatchObject({ value: "2024-01-31", numberFormat: 'yyyy"年"m"月"d"日"' });
    }
  });
});

describe("readXlsxGrid refuses what is not a readable workbook", () => {
  it("a package without [Content_Types].xml: malformed, missing-part", async () => {
    const bytes = await editedWorkbook((zip) => {
      zip.remove("[Content_Types].xml");
    });
    const failure = await readFailure(bytes);
    expect(failure.reason).toBe("malformed");
    expect(failure.facts).toMatchObject({ malformed: "missing-part", part: "[Content_Types].xml" });
  });

  it("a workbook part that is not XML: malformed, bad-xml, naming the part", async () => {
    const bytes = await editedWorkbook((zip) => {
      zip.file("xl/workbook.xml", "<workbook><sheets><sheet name=");
    });
    const failure = await readFailure(bytes);
    expect(failure.reason).toBe("malformed");
    expect(failure.facts).toMatchObject({ malformed: "bad-xml", part: "xl/workbook.xml" });
  });

  it("a sheet whose part is missing: malformed, missing-sheet, naming the sheet", async () => {
    const bytes = await editedWorkbook((zip) => {
      zip.remove("xl/worksheets/sheet1.xml");
    });
    const failure = await readFailure(bytes);
    expect(failure.facts).toMatchObject({ malformed: "missing-sheet", sheet: "表" });
  });

  it("a cell pointing past the shared strings: malformed, naming sheet and cell", async () => {
    const bytes = await editedWorkbook(async (zip) => {
      const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
      zip.file("xl/worksheets/sheet1.xml", xml.replace(/<v>0<\/v>/, "<v>99</v>"));
    });
    const failure = await readFailure(bytes);
    expect(failure.facts).toMatchObject({
      malformed: "bad-shared-string",
      sheet: "表",
      row: 1,
      column: 1,
    });
  });

  it("a Strict Open XML workbook: strict-ooxml", async () => {
    const bytes = await editedWorkbook(async (zip) => {
      for (const name of ["xl/workbook.xml", "_rels/.rels"]) {
        const xml = await zip.file(name)!.async("string");
        zip.file(
          name,
          xml
            .replace(
              /http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g,
              "http://purl.oclc.org/ooxml/spreadsheetml/main"
            )
            .replace(
              /http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/officeDocument/g,
              "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
            )
        );
      }
    });
    expect((await readFailure(bytes)).reason).toBe("strict-ooxml");
  });

  it("a workbook part in the Strict namespace even under transitional relationships: strict-ooxml", async () => {
    const bytes = await editedWorkbook(async (zip) => {
      const xml = await zip.file("xl/workbook.xml")!.async("string");
      zip.file(
        "xl/workbook.xml",
        xml.replace(
          /http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g,
          "http://purl.oclc.org/ooxml/spreadsheetml/main"
        )
      );
    });
    expect((await readFailure(bytes)).reason).toBe("strict-ooxml");
  });
});

describe("readXlsxGrid and the tool's own marks", () => {
  it("reads the SelfEval.Owner names of the sheets the tool wrote", async () => {
    const bytes = await editedWorkbook(async (zip) => {
      const xml = await zip.file("xl/workbook.xml")!.async("string");
      zip.file(
        "xl/workbook.xml",
        xml.replace(
          /<\/sheets>(<definedNames\/>)?/,
          '</sheets><definedNames><definedName name="SelfEval.Owner" localSheetId="0" hidden="1">"results:0a1b2c3d"</definedName></definedNames>'
        )
      );
    });
    expect((await readXlsxGrid(bytes)).grid.sheets[0].owner).toEqual({
      kind: "results",
      writtenFingerprint: "0a1b2c3d",
    });
  });
});

describe("shared strings", () => {
  const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  /** A workbook whose sheet shows shared strings 0…n-1 in column A, one a row. */
  async function valuesOf(sst: string, count: number, prefix = ""): Promise<unknown[]> {
    const p = prefix ? prefix + ":" : "";
    const ns = prefix ? "xmlns:" + prefix : "xmlns";
    let rows = "";
    for (let i = 0; i < count; i++)
      rows += `<${p}row r="${i + 1}"><${p}c r="A${i + 1}" t="s"><${p}v>${i}</${p}v></${p}c></${p}row>`;
    const bytes = zip(
      workbookParts({
        "xl/_rels/workbook.xml.rels": deflated(
          '<?xml version="1.0" encoding="UTF-8"?>' +
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
            `<Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
            "</Relationships>"
        ),
        "xl/sharedStrings.xml": deflated(
          `<?xml version="1.0" encoding="UTF-8"?><${p}sst ${ns}="${MAIN_NS}">${sst}</${p}sst>`
        ),
        "xl/worksheets/sheet1.xml": deflated(
          `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${ns}="${MAIN_NS}"><${p}sheetData>${rows}</${p}sheetData></${p}worksheet>`
        ),
      })
    );
    const { grid } = await readXlsxGrid(bytes);
    const sheet = grid.sheets[0];
    const values: unknown[] = [];
    for (let i = 0; i < count; i++) values.push(sheet.cell(i + 1, 1)?.value ?? null);
    return values;
  }

  it("reads items plain, empty and with attributes, and passes over elements that only start alike", async () => {
    const sst =
      '<si><t>甲</t></si><si/><si ><t xml:space="preserve"> 乙 </t></si><si\n/>' +
      '<sit>not an item</sit><si a="/"><t>丙</t></si><si><r><t>丁</t></r><r><t>戊</t></r></si>';
    expect(await valuesOf(sst, 6)).toEqual(["甲", null, " 乙 ", null, "丙", "丁戊"]);
  });

  it("reads a plain item's references and escapes, and one whose <t> is followed by more", async () => {
    const sst =
      "<si><t>甲&amp;_x0041_&#13;\r\n乙</t></si>" +
      '<si><t>丙</t><rPh sb="0" eb="1"><t>ビン</t></rPh></si>' +
      "<si><t>丁</t><r><t>戊</t></r></si><si>\n<t>己</t></si>" +
      "<si><t>庚</t></si>\n<si><t></t></si><si><t>辛</t></si>";
    expect(await valuesOf(sst, 7)).toEqual(["甲&A\r\n乙", "丙", "丁戊", "己", "庚", null, "辛"]);
  });

  it("reads prefixed items", async () => {
    expect(
      await valuesOf("<x:si><x:t>甲</x:t></x:si><x:si/><x:si><x:t>乙</x:t></x:si>", 3, "x")
    ).toEqual(["甲", null, "乙"]);
  });
});
