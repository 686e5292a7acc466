/**
 * `selfeval score --out` on a workbook an add-in scored and saved takes the add-in's marks back
 * by the rule it uses for its own: a cell still showing the recorded mark colour gets its
 * recorded fill back (one the user repainted keeps the user's), a note goes only while it reads
 * exactly as recorded, and the entries taken back leave the add-in's record (the rest stay).
 *
 * The files are built here as the hosts save them: the fills, notes and result sheets the add-in
 * painted (drawn by the copy writer from the same plan), without the CLI's own record, and the
 * add-in's record where the host keeps it — WPS in docProps/custom.xml (its custom document
 * properties, chunked: what the fake WPS stored), Excel in xl/webextensions/webextension1.xml
 * (the add-in's document settings, each a <we:property> whose value is the setting's JSON, as
 * Office writes them and Microsoft documents for Office.AutoShowTaskpaneWithDocument).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "fs";
import path from "path";
import { buildWritePlan } from "../../../src/engine/output/buildWritePlan";
import { MARK_FILL_COLOURS } from "../../../src/engine/output/outputStyles";
import type { WritePlan } from "../../../src/engine/output/types";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { MARK_RECORD_SETTING, type FillRecord } from "../../../src/workbook/office/fillRecord";
import { OWNER_RECORD_SETTING } from "../../../src/workbook/office/settingsOwners";
import { scoreOpenWorkbook } from "../../../src/workbook/scoreOpenWorkbook";
import { parseMarkRecord } from "../../../src/workbook/xlsx/markRecord";
import { readXlsxGrid } from "../../../src/workbook/xlsx/readXlsxGrid";
import { writeScoredCopy } from "../../../src/workbook/xlsx/writeScoredCopy";
import { chunkText } from "../../../src/workbook/recordChunks";
import { fakeHost, seedFromXlsx } from "../office/officeTestKit";
import { fakeWps, storedSetting } from "../wps/wpsTestKit";

const FIXTURE = path.join(__dirname, "../../fixtures/project-school-safety-2024.xlsx");
const SHEET = "项目自评表";
const RED = "FF" + MARK_FILL_COLOURS.error;
const CUSTOM_PROPERTIES_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
const FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

async function planFor(bytes: Uint8Array): Promise<WritePlan> {
  const workbook = await readXlsxGrid(bytes);
  return buildWritePlan(scoreWorkbook(workbook.grid), workbook.grid);
}

/** The add-in's marks, notes and sheets drawn into the file, without the CLI's own record. */
async function paintedLikeTheAddin(bytes: Uint8Array): Promise<JSZip> {
  const zip = await JSZip.loadAsync(await writeScoredCopy(bytes, await planFor(bytes)));
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  for (const name of Object.keys(zip.files)) {
    if (!/^customXml\/item\d+\.xml$/.test(name)) continue;
    if (!(await zip.file(name)!.async("string")).includes("urn:selfeval:marks:v1")) continue;
    const n = /(\d+)/.exec(name)![1];
    zip.remove(name);
    zip.remove("customXml/itemProps" + n + ".xml");
    zip.remove("customXml/_rels/item" + n + ".xml.rels");
    zip.file(
      "xl/_rels/workbook.xml.rels",
      rels.replace(new RegExp('<Relationship [^>]*Target="[^"]*' + name + '"[^>]*/>'), "")
    );
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      types.replace(new RegExp('<Override PartName="/customXml/itemProps' + n + '.xml"[^>]*/>'), "")
    );
  }
  return zip;
}

async function addRootPart(
  zip: JSZip,
  part: string,
  type: string,
  contentType: string,
  xml: string
): Promise<void> {
  zip.file(part, xml);
  const rels = await zip.file("_rels/.rels")!.async("string");
  zip.file(
    "_rels/.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdAddin" Type="' + type + '" Target="' + part + '"/></Relationships>'
    )
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/' + part + '" ContentType="' + contentType + '"/></Types>'
    )
  );
}

/** docProps/custom.xml as WPS saves its custom properties (text properties: vt:lpwstr). */
function customXml(properties: ReadonlyArray<[string, string]>): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    properties
      .map(
        ([name, value], index) =>
          '<property fmtid="' +
          FMTID +
          '" pid="' +
          (index + 2) +
          '" name="' +
          escapeXml(name) +
          '">' +
          "<vt:lpwstr>" +
          escapeXml(value) +
          "</vt:lpwstr></property>"
      )
      .join("") +
    "</Properties>"
  );
}

/** The WPS add-in's properties, chunked as it stores them, for a record. */
function wpsProperties(setting: string, value: unknown): Array<[string, string]> {
  const chunks = chunkText(JSON.stringify(value));
  return [[setting + ".n", String(chunks.length)] as [string, string]].concat(
    chunks.map((chunk, index) => [setting + "." + index, chunk] as [string, string])
  );
}

/** A file scored in WPS and saved: what the fake WPS recorded, in docProps/custom.xml. */
async function scoredInWps(edit?: (record: FillRecord) => FillRecord): Promise<{
  bytes: Uint8Array;
  record: FillRecord;
}> {
  const original = new Uint8Array(readFileSync(FIXTURE));
  const wps = fakeWps();
  await seedFromXlsx(wps.host.book, FIXTURE);
  await scoreOpenWorkbook(wps.port);
  let record = storedSetting(wps.host, MARK_RECORD_SETTING) as FillRecord;
  if (edit) record = edit(record);
  const zip = await paintedLikeTheAddin(original);
  await addRootPart(
    zip,
    "docProps/custom.xml",
    CUSTOM_PROPERTIES_TYPE,
    "application/vnd.openxmlformats-officedocument.custom-properties+xml",
    customXml([
      ["填报单位", "某县教育局 <初稿> & “核对中”"],
      ...wpsProperties(MARK_RECORD_SETTING, record),
      ...wpsProperties(OWNER_RECORD_SETTING, storedSetting(wps.host, OWNER_RECORD_SETTING)),
    ])
  );
  return { bytes: await zip.generateAsync({ type: "uint8array" }), record };
}

/** A file scored by the Excel add-in and saved: its settings in the web extension part. */
async function scoredInExcel(): Promise<{ bytes: Uint8Array; record: FillRecord }> {
  const original = new Uint8Array(readFileSync(FIXTURE));
  const office = fakeHost();
  await seedFromXlsx(office.book, FIXTURE);
  await scoreOpenWorkbook(office.port);
  const record = office.settings.saved[MARK_RECORD_SETTING] as FillRecord;
  const property = (name: string, value: unknown): string =>
    '<we:property name="' + name + '" value="' + escapeXml(JSON.stringify(value)) + '"/>';
  const zip = await paintedLikeTheAddin(original);
  zip.file(
    "xl/webextensions/webextension1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{7B3E1C64-0D52-4B7A-9C1E-5A2F3D4E6B70}">' +
      '<we:reference id="4f0c7a3e-6b1d-4a57-9d2e-8c5b1f3a9e61" version="1.0.0.0" store="developer" storeType="Registry"/>' +
      "<we:alternateReferences/><we:properties>" +
      property("Office.AutoShowTaskpaneWithDocument", true) +
      property(MARK_RECORD_SETTING, record) +
      property(OWNER_RECORD_SETTING, office.settings.saved[OWNER_RECORD_SETTING]) +
      '</we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>'
  );
  zip.file(
    "xl/webextensions/_rels/taskpanes.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>'
  );
  await addRootPart(
    zip,
    "xl/webextensions/taskpanes.xml",
    "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
    "application/vnd.ms-office.webextensiontaskpanes+xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">' +
      '<wetp:taskpane dockstate="right" visibility="0" width="350" row="4"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>'
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>'
    )
  );
  return { bytes: await zip.generateAsync({ type: "uint8array" }), record };
}

interface CellLook {
  readonly fill: string | null;
  readonly note: string | null;
}

function look(cell: ExcelJS.Cell): CellLook {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const note = cell.note as unknown;
  return {
    fill:
      fill && fill.type === "pattern" && fill.pattern && fill.pattern !== "none"
        ? fill.pattern + ":" + (fill.fgColor?.argb ?? "")
        : null,
    note:
      note === undefined
        ? null
        : typeof note === "string"
          ? note
          : ((note as ExcelJS.Comment).texts ?? []).map((run) => run.text).join(""),
  };
}

async function sheetOf(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.getWorksheet(SHEET)!;
}

async function partText(bytes: Uint8Array, part: string): Promise<string | null> {
  const file = (await JSZip.loadAsync(bytes)).file(part);
  return file ? file.async("string") : null;
}

/** Scores `bytes` again, marking only the cells `keep` leaves: the others are fine now. */
async function rescore(
  bytes: Uint8Array,
  keep: (cell: string) => boolean
): Promise<{ copy: Uint8Array; plan: WritePlan }> {
  const fresh = await planFor(bytes);
  const plan = { ...fresh, marks: fresh.marks.filter((mark) => keep(mark.cell)) };
  return { copy: await writeScoredCopy(bytes, plan), plan };
}

describe.each([
  ["WPS 表格 (docProps/custom.xml)", () => scoredInWps()],
  ["the Excel add-in (xl/webextensions)", () => scoredInExcel()],
])("a workbook scored by %s", (_host, scored) => {
  test("the add-in's marks on cells that are fine now are taken back; the cells marked now keep their true original", async () => {
    const { bytes, record } = await scored();
    const recorded = record[Object.keys(record)[0]].cells;
    expect(recorded.length).toBeGreaterThan(2);
    const before = await sheetOf(new Uint8Array(readFileSync(FIXTURE)));
    const scoredSheet = await sheetOf(bytes);
    // The file is as the add-in left it: its marks and notes on the recorded cells.
    for (const cell of recorded)
      expect(look(scoredSheet.getCell(cell.cell)).fill).toMatch(/^solid:/);

    const fixed = new Set(recorded.filter((_cell, index) => index % 2 === 0).map((c) => c.cell));
    const { copy } = await rescore(bytes, (cell) => !fixed.has(cell));
    const after = await sheetOf(copy);
    for (const cell of recorded) {
      const now = look(after.getCell(cell.cell));
      if (fixed.has(cell.cell)) {
        // Fine now: as it was before the add-in painted it, note and all.
        expect({ [cell.cell]: now }).toEqual({ [cell.cell]: look(before.getCell(cell.cell)) });
      } else {
        expect(now.fill).toMatch(/^solid:FF(FFC7CE|FFEB9C)$/);
        expect(now.note).toMatch(/^【(错误|警告|提示)】/);
      }
    }
    // The copy's own record remembers the true original under its new marks, not the add-in's colour.
    const ownRecord = parseMarkRecord((await findOwnRecord(copy)) ?? "<none/>")!;
    const own = Array.from(ownRecord.values())[0];
    expect(own.length).toBe(recorded.length - fixed.size);
    for (const cell of own) expect(cell.originalFill ?? "").not.toContain(RED.slice(2));
  });

  test("the record's entries taken back are dropped; everything else in its part stays", async () => {
    const { bytes } = await scored();
    const { copy } = await rescore(bytes, () => true);
    const custom = await partText(copy, "docProps/custom.xml");
    const extension = await partText(copy, "xl/webextensions/webextension1.xml");
    const holder = custom ?? extension!;
    expect(holder).not.toContain(MARK_RECORD_SETTING);
    expect(holder).toContain(OWNER_RECORD_SETTING);
    if (custom !== null) expect(custom).toContain("某县教育局 &lt;初稿&gt; &amp; “核对中”");
    if (extension !== null)
      expect(extension).toContain('name="Office.AutoShowTaskpaneWithDocument" value="true"');
    // Scoring the copy again finds no add-in marks and changes no fill.
    const again = await rescore(copy, () => true);
    const first = await sheetOf(copy);
    const second = await sheetOf(again.copy);
    first.eachRow((row) =>
      row.eachCell((cell) => expect(look(second.getCell(cell.address)).fill).toBe(look(cell).fill))
    );
  });
});

async function findOwnRecord(bytes: Uint8Array): Promise<string | null> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (!/^customXml\/item\d+\.xml$/.test(name)) continue;
    const xml = await zip.file(name)!.async("string");
    if (xml.includes("urn:selfeval:marks:v1")) return xml;
  }
  return null;
}

describe("by the same rule as its own marks", () => {
  test("a cell the user repainted keeps the user's fill; a note the user added to stays", async () => {
    const { bytes, record } = await scoredInWps();
    const cells = record[Object.keys(record)[0]].cells;
    const repainted = cells[0].cell;
    const reworded = cells[1];
    const zip = await JSZip.loadAsync(bytes);
    await repaint(zip, repainted, "FF92D050");
    const comments = Object.keys(zip.files).find((name) => /xl\/comments\d*\.xml$/.test(name))!;
    const text = await zip.file(comments)!.async("string");
    const lastRun = escapeXml(reworded.note!).split("\n").pop()!;
    expect(text).toContain(lastRun);
    zip.file(comments, text.replace(lastRun, lastRun + "（已核实，数据无误）"));
    const edited = await zip.generateAsync({ type: "uint8array" });

    const { copy } = await rescore(edited, () => false);
    const after = await sheetOf(copy);
    expect(look(after.getCell(repainted)).fill).toBe("solid:FF92D050");
    expect(look(after.getCell(reworded.cell)).note).toContain("（已核实，数据无误）");
    expect(look(after.getCell(reworded.cell)).fill).toBe(
      look((await sheetOf(new Uint8Array(readFileSync(FIXTURE)))).getCell(reworded.cell)).fill
    );
  });

  test("entries for a sheet the workbook no longer has stay in WPS's record", async () => {
    const { bytes } = await scoredInWps((record) => ({
      ...record,
      已删除的表: {
        name: "已删除的表",
        id: "已删除的表",
        cells: [{ cell: "B2", original: null, mark: "#FFC7CE", note: "【错误】旧" }],
      },
    }));
    const { copy } = await rescore(bytes, () => true);
    const custom = (await partText(copy, "docProps/custom.xml"))!;
    const chunks: string[] = [];
    const count = Number(
      new RegExp('name="' + MARK_RECORD_SETTING + '\\.n"><vt:lpwstr>(\\d+)<').exec(custom)![1]
    );
    for (let index = 0; index < count; index++)
      chunks.push(
        new RegExp('name="' + MARK_RECORD_SETTING + "\\." + index + '"><vt:lpwstr>([^<]*)<')
          .exec(custom)![1]
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, "&")
      );
    const left = JSON.parse(chunks.join("")) as FillRecord;
    expect(Object.keys(left)).toEqual(["已删除的表"]);
    expect(left.已删除的表.cells).toHaveLength(1);
  });
});

/** Gives a cell a new solid fill, as a user's repaint saves it: a new fill and xf in styles.xml. */
async function repaint(zip: JSZip, cell: string, argb: string): Promise<void> {
  const sheetPart = "xl/worksheets/sheet1.xml";
  const styles = await zip.file("xl/styles.xml")!.async("string");
  const fills = /<fills count="(\d+)">([\s\S]*?)<\/fills>/.exec(styles)!;
  const fillId = Number(fills[1]);
  let updated = styles.replace(
    fills[0],
    '<fills count="' +
      (fillId + 1) +
      '">' +
      fills[2] +
      '<fill><patternFill patternType="solid"><fgColor rgb="' +
      argb +
      '"/><bgColor indexed="64"/></patternFill></fill></fills>'
  );
  const xfs = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(updated)!;
  const xfId = Number(xfs[1]);
  updated = updated.replace(
    xfs[0],
    '<cellXfs count="' +
      (xfId + 1) +
      '">' +
      xfs[2] +
      '<xf numFmtId="0" fontId="0" fillId="' +
      fillId +
      '" borderId="0" xfId="0" applyFill="1"/></cellXfs>'
  );
  zip.file("xl/styles.xml", updated);
  const sheet = await zip.file(sheetPart)!.async("string");
  const tag = new RegExp('<c r="' + cell + '"([^>]*?) s="\\d+"').exec(sheet)!;
  zip.file(sheetPart, sheet.replace(tag[0], '<c r="' + cell + '"' + tag[1] + ' s="' + xfId + '"'));
}
