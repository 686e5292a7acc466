/**
 * Package variants other tools write: SpreadsheetML under an "x:" prefix (the Open XML SDK's
 * habit), UTF-16 parts, a package without styles. Plus readOwnerMarks on its own.
 */
import JSZip from "jszip";
import { readOwnerMarks } from "../../../src/workbook/xlsx/readOwnerMarks";
import { writeScoredCopy } from "../../../src/workbook/xlsx/writeScoredCopy";
import { fingerprintTexts } from "../../../src/engine/output/fingerprintTexts";
import type { OutputSheet, WritePlan } from "../../../src/engine/output/types";
import {
  MAIN_SHEET,
  MAIN_SHEET_PART,
  SECOND_SHEET,
  SECOND_SHEET_PART,
  buildHandWrittenTemplate,
  handWrittenParts,
} from "./handWrittenTemplate";
import { partText, unzipParts } from "./packageInspection";

const MAIN_NAMESPACE = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Moves a part's SpreadsheetML elements from the default namespace to the "x:" prefix. */
function prefixed(xml: string): string {
  return xml
    .replace(`xmlns="${MAIN_NAMESPACE}"`, `xmlns:x="${MAIN_NAMESPACE}"`)
    .replace(/<(\/?)([A-Za-z][A-Za-z0-9]*)(?=[\s/>])/g, "<$1x:$2");
}

const OUTPUT: OutputSheet = {
  owner: "results",
  preferredName: "评分结果",
  columnWidths: [20],
  rows: [
    {
      cells: [
        { text: "结果", style: "tableHeader" },
        { number: 1, format: "0.000" },
      ],
    },
  ],
  fingerprint: fingerprintTexts(["结果", "1"]),
};

const PLAN: WritePlan = {
  marks: [
    { sheet: MAIN_SHEET, cell: "D4", severity: "error", note: "错误" },
    { sheet: MAIN_SHEET, cell: "G10", severity: "warning", note: "缺单元格" },
    { sheet: MAIN_SHEET, cell: "C12", severity: "warning", note: "缺行" },
    { sheet: SECOND_SHEET, cell: "B2", severity: "error", note: "第二张表" },
  ],
  sheets: [{ sheet: OUTPUT, name: "评分结果", mode: "create" }],
};

test("SpreadsheetML under an x: prefix is extended with the same prefix", async () => {
  const parts = handWrittenParts();
  const overrides: Record<string, string> = {};
  for (const name of [
    "xl/workbook.xml",
    "xl/styles.xml",
    "xl/comments1.xml",
    MAIN_SHEET_PART,
    SECOND_SHEET_PART,
  ]) {
    overrides[name] = prefixed(parts[name] as string);
  }
  const output = await unzipParts(
    await writeScoredCopy(await buildHandWrittenTemplate(overrides), PLAN)
  );

  const workbook = partText(output, "xl/workbook.xml");
  expect(workbook).toContain('<x:sheet name="评分结果" sheetId="8" r:id="rId6"/></x:sheets>');
  expect(workbook).toContain(
    '<x:definedName name="SelfEval.Owner" localSheetId="2" hidden="1">"results:'
  );
  expect(readOwnerMarks(workbook).get("评分结果")?.kind).toBe("results");

  const main = partText(output, MAIN_SHEET_PART);
  expect(main).toMatch(/<x:c r="D4" s="[0-9]+"><x:v>8<\/x:v><\/x:c>/);
  expect(main).toMatch(/<x:c r="G10" s="[0-9]+"\/><x:c r="H10">/);
  expect(main).toMatch(/<x:row r="12"><x:c r="C12" s="[0-9]+"\/><\/x:row>/);

  const second = partText(output, SECOND_SHEET_PART);
  expect(second).toMatch(/<\/x:headerFooter><x:legacyDrawing r:id="rId[0-9]+"\/><x:extLst>/);

  const styles = partText(output, "xl/styles.xml");
  expect(styles).toContain(
    '<x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFFFC7CE"/>'
  );
  expect(styles).toContain('<x:numFmt numFmtId="165" formatCode="0.000"/>');
  expect(styles).toMatch(/<x:fills count="[0-9]+">/);

  const comments = partText(output, "xl/comments1.xml");
  expect(comments).toContain("<x:author>绩效自评助手</x:author>");
  expect(comments).toMatch(/<x:comment ref="D4" authorId="1"><x:text><x:r>/);

  // No unprefixed SpreadsheetML element slipped into a prefixed part.
  for (const text of [workbook, main, second, styles, comments]) {
    expect(text).not.toMatch(
      /<(c|row|sheet|definedName|fill|xf|font|legacyDrawing|comment|author) /
    );
  }
});

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
    bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

test("a UTF-16 part is read and written back as UTF-8", async () => {
  const styles = (handWrittenParts()["xl/styles.xml"] as string).replace(
    'encoding="UTF-8"',
    'encoding="UTF-16"'
  );
  const input = await buildHandWrittenTemplate({ "xl/styles.xml": utf16le(styles) });
  const output = await unzipParts(await writeScoredCopy(input, PLAN));
  const written = partText(output, "xl/styles.xml");
  expect(written.startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true);
  expect(written).toContain(
    '<font><b/><i/><sz val="12"/><color rgb="FFC00000"/><name val="楷体"/>'
  );
  expect(written).toContain('<fgColor rgb="FFFFC7CE"/>');
});

test("a package without styles gets a stylesheet of its own", async () => {
  const rels = (handWrittenParts()["xl/_rels/workbook.xml.rels"] as string).replace(
    /<Relationship Id="rId3"[^>]*\/>/,
    ""
  );
  const input = await buildHandWrittenTemplate({
    "xl/styles.xml": null,
    "xl/_rels/workbook.xml.rels": rels,
  });
  const output = await unzipParts(await writeScoredCopy(input, PLAN));
  const styles = partText(output, "xl/styles1.xml");
  expect(styles).toContain('<fgColor rgb="FFFFC7CE"/>');
  expect(partText(output, "xl/_rels/workbook.xml.rels")).toContain('Target="styles1.xml"');
  expect(partText(output, "[Content_Types].xml")).toContain('PartName="/xl/styles1.xml"');
  const zip = await JSZip.loadAsync(await writeScoredCopy(input, { marks: [], sheets: [] }));
  expect(zip.file("xl/styles1.xml")).toBeNull(); // nothing to style, nothing added
});

test("creating a sheet under a name the workbook already has is refused", async () => {
  const input = await buildHandWrittenTemplate();
  const clash: WritePlan = {
    marks: [],
    sheets: [{ sheet: OUTPUT, name: "r&d 说明", mode: "create" }],
  };
  await expect(writeScoredCopy(input, clash)).rejects.toThrow("工作簿中已有名为“r&d 说明”的工作表");
  // Replacing a sheet that is not there creates it under that name.
  const missing: WritePlan = {
    marks: [],
    sheets: [{ sheet: OUTPUT, name: "评分结果", mode: "replace" }],
  };
  const workbook = partText(
    await unzipParts(await writeScoredCopy(input, missing)),
    "xl/workbook.xml"
  );
  expect(workbook).toContain('<sheet name="评分结果" sheetId="8" r:id="rId6"/>');
});

describe("readOwnerMarks", () => {
  const workbook = (definedNames: string): string =>
    '<?xml version="1.0"?><workbook xmlns="' +
    MAIN_NAMESPACE +
    '" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheets><sheet name="A &amp; B" sheetId="4" r:id="rId1"/><sheet name="评分结果" sheetId="2" r:id="rId2"/>' +
    '<sheet name="自评表说明" sheetId="9" r:id="rId3"/></sheets>' +
    definedNames +
    "</workbook>";

  test("maps sheet-scoped marks to sheet names by position, ignoring everything else", () => {
    const marks = readOwnerMarks(
      workbook(
        "<definedNames>" +
          '<definedName name="SelfEval.Owner">"results:00000000"</definedName>' +
          '<definedName name="_xlnm.Print_Area" localSheetId="1">评分结果!$A$1:$H$9</definedName>' +
          '<definedName name="SelfEval.Owner" localSheetId="1" hidden="1">"results:1a2b3c4d"</definedName>' +
          '<definedName name="selfeval.owner" localSheetId="2" hidden="1">=&quot;narrative:&quot;</definedName>' +
          '<definedName name="SelfEval.Owner" localSheetId="0" hidden="1">"somethingElse:1"</definedName>' +
          '<definedName name="SelfEval.Owner" localSheetId="7" hidden="1">"results:ffffffff"</definedName>' +
          "</definedNames>"
      )
    );
    expect(marks).toEqual(
      new Map([
        ["评分结果", { kind: "results", writtenFingerprint: "1a2b3c4d" }],
        ["自评表说明", { kind: "narrative", writtenFingerprint: null }],
      ])
    );
  });

  test("a workbook without defined names has no marks", () => {
    expect(readOwnerMarks(workbook("")).size).toBe(0);
    expect(readOwnerMarks(workbook("<definedNames/>")).size).toBe(0);
  });
});

describe("a drawing holding form controls", () => {
  it("gives new notes shape ids no control already has (Excel keeps a control's number in o:spid)", async () => {
    const parts = handWrittenParts();
    const vml = String(parts["xl/drawings/vmlDrawing1.vml"]).replace(
      '<v:shape id="_x0000_s1025"',
      '<v:shape id="Check_x0020_Box_x0020_1" o:spid="_x0000_s1025"'
    );
    expect(vml).toContain('o:spid="_x0000_s1025"');
    const input = await buildHandWrittenTemplate({ "xl/drawings/vmlDrawing1.vml": vml });
    const output = await writeScoredCopy(input, {
      marks: [{ sheet: MAIN_SHEET, cell: "B4", severity: "error", note: "【错误】分值未填写" }],
      sheets: [],
    });
    const written = partText(await unzipParts(output), "xl/drawings/vmlDrawing1.vml");
    const ids = (written.match(/_x0000_s\d+/g) ?? []).filter((id, i, all) => all.indexOf(id) === i);
    const uses = (written.match(/(?:\bid|o:spid)="_x0000_s\d+"/g) ?? []).map((attribute) =>
      attribute.replace(/^.*"(.*)"$/, "$1")
    );
    // Every shape number appears once: the control's 1025 and a new one for the note.
    expect(uses.length).toBe(ids.length);
    expect(new Set(uses).size).toBe(uses.length);
  });
});
