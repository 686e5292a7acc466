// Files built to be refused: zip bombs, document type declarations, sheets past Excel's limits,
// encrypted and legacy OLE files, things that are no workbook at all. The hostile-file tests
// (test/cli/hostileFiles.test.ts) check that each is refused with its message and nothing
// written; the benchmark (npm run bench) measures how long each takes and how much memory.
//
// Written with Node's zlib and by hand, never with the code under test. Large inflated contents
// are built by repeating one independently compressed chunk (each ends on a full flush, so a
// copy refers to nothing before it): a 400 MiB part costs 400 KiB of file and no memory here.
const zlib = require("zlib");

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MiB = 1024 * 1024;

/** A part: its compressed data, its real size and CRC, and optionally a size it lies about. */
function deflated(text) {
  const data = Buffer.from(text, "utf8");
  return { data: zlib.deflateRawSync(data), size: data.length, crc: zlib.crc32(data) >>> 0 };
}

/** prefix + unit × count + suffix, compressed by repeating the unit's compressed chunk. */
function repeated(prefix, unit, count, suffix) {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  const head = Buffer.from(prefix, "utf8");
  const body = Buffer.from(unit, "utf8");
  const tail = Buffer.from(suffix, "utf8");
  const bodyChunk = zlib.deflateRawSync(body, flush);
  const chunks = [zlib.deflateRawSync(head, flush)];
  let crc = zlib.crc32(head);
  for (let i = 0; i < count; i++) {
    chunks.push(bodyChunk);
    crc = zlib.crc32(body, crc);
  }
  chunks.push(zlib.deflateRawSync(tail));
  crc = zlib.crc32(tail, crc);
  return {
    data: Buffer.concat(chunks),
    size: head.length + body.length * count + tail.length,
    crc: crc >>> 0,
  };
}

/** A zip of deflated parts, each declaring `declaredSize` when given (a lie) or its real size. */
function zip(parts) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, part] of Object.entries(parts)) {
    const nameBytes = Buffer.from(name, "utf8");
    const size = part.declaredSize === undefined ? part.size : part.declaredSize;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(part.crc, 14);
    header.writeUInt32LE(part.data.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    locals.push(header, nameBytes, part.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.crc, 16);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + part.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = Object.keys(parts).length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

function worksheet(sheetData, extra = "") {
  return (
    DECL +
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData>${extra}</worksheet>`
  );
}

/** The parts of a one-sheet workbook; `overrides` replace or add parts (null removes one). */
function workbookParts(overrides = {}) {
  const parts = {
    "[Content_Types].xml": deflated(
      DECL +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        "</Types>"
    ),
    "_rels/.rels": deflated(
      DECL +
        `<Relationships xmlns="${PKG_REL}">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        "</Relationships>"
    ),
    "docProps/core.xml": deflated(
      DECL +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>某区财政局</dc:creator></cp:coreProperties>'
    ),
    "xl/workbook.xml": deflated(
      DECL +
        `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="自评表" sheetId="1" r:id="rId1"/></sheets></workbook>`
    ),
    "xl/_rels/workbook.xml.rels": deflated(
      DECL +
        `<Relationships xmlns="${PKG_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        "</Relationships>"
    ),
    "xl/worksheets/sheet1.xml": deflated(
      worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>指标</t></is></c></row>')
    ),
  };
  for (const [name, part] of Object.entries(overrides)) {
    if (part === null) delete parts[name];
    else parts[name] = part;
  }
  return parts;
}

/** A sheet of `count` rows without `r`, one number each. */
function deflatedRows(count) {
  const rows = [];
  for (let i = 1; i <= count; i++) rows.push("<row><c><v>" + i + "</v></c></row>");
  return deflated(worksheet(rows.join("")));
}

// ---------------------------------------------------------------- OLE compound files

/** An OLE compound file (MS-CFB, version 3) whose directory holds these stream names. */
function oleFile(streamNames) {
  const sector = 512;
  const bytes = Buffer.alloc(sector * 3, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
  bytes.writeUInt16LE(0x3e, 0x18); // minor version
  bytes.writeUInt16LE(3, 0x1a); // major version
  bytes.writeUInt16LE(0xfffe, 0x1c); // byte order
  bytes.writeUInt16LE(9, 0x1e); // 512-byte sectors
  bytes.writeUInt16LE(6, 0x20); // 64-byte mini sectors
  bytes.writeUInt32LE(1, 0x2c); // one FAT sector
  bytes.writeUInt32LE(1, 0x30); // the directory starts in sector 1
  bytes.writeUInt32LE(4096, 0x38); // mini stream cutoff
  bytes.writeUInt32LE(0xfffffffe, 0x3c); // no mini FAT
  bytes.writeUInt32LE(0xfffffffe, 0x44); // no DIFAT sectors
  for (let i = 0; i < 109; i++) bytes.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);
  // Sector 0, the FAT: itself, then the directory's one-sector chain.
  const fat = sector;
  bytes.writeUInt32LE(0xfffffffd, fat);
  bytes.writeUInt32LE(0xfffffffe, fat + 4);
  for (let i = 2; i < 128; i++) bytes.writeUInt32LE(0xffffffff, fat + i * 4);
  // Sector 1, the directory: the root, then the streams.
  const names = ["Root Entry", ...streamNames];
  names.forEach((name, index) => {
    const entry = sector * 2 + index * 128;
    for (let i = 0; i < name.length; i++) bytes.writeUInt16LE(name.charCodeAt(i), entry + i * 2);
    bytes.writeUInt16LE((name.length + 1) * 2, entry + 0x40);
    bytes[entry + 0x42] = index === 0 ? 5 : 2;
    bytes.writeUInt32LE(0xffffffff, entry + 0x44);
    bytes.writeUInt32LE(0xffffffff, entry + 0x48);
    bytes.writeUInt32LE(index === 0 && names.length > 1 ? 1 : 0xffffffff, entry + 0x4c);
  });
  return new Uint8Array(bytes);
}

// ---------------------------------------------------------------- the files

const ROWS_LIMIT = 1048576;

/**
 * Each file: its name, bytes, the reason the reader must give, and a pattern its Chinese message
 * must match.
 */
function hostileWorkbooks() {
  const spaces = " ".repeat(MiB);
  const bomb = repeated(
    DECL + `<worksheet xmlns="${MAIN}"><sheetData>`,
    spaces,
    400,
    "</sheetData></worksheet>"
  );
  return [
    {
      name: "not-a-zip.xlsx",
      what: "text that is no workbook at all",
      bytes: new Uint8Array(Buffer.from("这不是工作簿，只是一段文字。\n", "utf8")),
      reason: "not-zip",
      message: /不是有效的 \.xlsx 工作簿/,
    },
    {
      name: "legacy.xlsx",
      what: "a legacy .xls (OLE file with a Workbook stream) renamed .xlsx",
      bytes: oleFile(["Workbook", "\u0005SummaryInformation"]),
      reason: "legacy-xls",
      message: /旧版 \.xls 格式.*另存为 \.xlsx/,
    },
    {
      name: "encrypted.xlsx",
      what: "a password-protected workbook (OLE file with EncryptionInfo and EncryptedPackage)",
      bytes: oleFile(["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"]),
      reason: "encrypted",
      message: /工作簿已加密，请先取消密码再评分/,
    },
    {
      name: "bomb-400mib.xlsx",
      what: "a zip bomb: a sheet declaring (truly) 400 MiB of XML in a 400 KiB file",
      bytes: zip(workbookParts({ "xl/worksheets/sheet1.xml": bomb })),
      reason: "too-large",
      message: /文件解压后共 400 MiB，超过 256 MiB 的上限/,
    },
    {
      name: "bomb-lying.xlsx",
      what: "a zip bomb whose sheet declares 4 KiB and inflates to 400 MiB",
      bytes: zip(workbookParts({ "xl/worksheets/sheet1.xml": { ...bomb, declaredSize: 4096 } })),
      reason: "too-large",
      message: /部件 xl\/worksheets\/sheet1\.xml 解压后超出了它声明的大小（4 KiB）/,
    },
    {
      name: "bomb-many-parts.xlsx",
      what: "300 parts of 1 MiB each (300 MiB in all) in a 300 KiB file",
      bytes: zip(
        workbookParts(
          Object.fromEntries(
            Array.from({ length: 300 }, (_, i) => [
              "xl/media/image" + (i + 1) + ".bin",
              repeated("", "\0".repeat(64 * 1024), 16, ""),
            ])
          )
        )
      ),
      reason: "too-large",
      message: /文件解压后共 300 MiB，超过 256 MiB 的上限/,
    },
    {
      name: "bomb-ratio.xlsx",
      what: "48 MiB of XML in a 50 KiB file: past 100 times the file",
      bytes: zip(
        workbookParts({
          "xl/worksheets/sheet1.xml": repeated(
            DECL + `<worksheet xmlns="${MAIN}"><sheetData>`,
            spaces,
            48,
            "</sheetData></worksheet>"
          ),
        })
      ),
      reason: "too-large",
      message: /文件解压后共 48 MiB，超过 32 MiB 的上限/,
    },
    {
      name: "billion-laughs.xlsx",
      what: "a DOCTYPE with nested entities (billion laughs) in the workbook part",
      bytes: zip(
        workbookParts({
          "xl/workbook.xml": deflated(
            DECL +
              '<!DOCTYPE workbook [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>' +
              `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="&c;" sheetId="1" r:id="rId1"/></sheets></workbook>`
          ),
        })
      ),
      reason: "doctype",
      message: /xl\/workbook\.xml 含有 DOCTYPE 或实体声明/,
    },
    {
      name: "external-entity.xlsx",
      what: "a DOCTYPE fetching an external entity, in a part the reader never reads (docProps/core.xml)",
      bytes: zip(
        workbookParts({
          "docProps/core.xml": deflated(
            DECL +
              '<!DOCTYPE cp:coreProperties [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/secret">]>' +
              '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>&xxe;</dc:creator></cp:coreProperties>'
          ),
        })
      ),
      reason: "doctype",
      message: /docProps\/core\.xml 含有 DOCTYPE 或实体声明/,
    },
    {
      name: "rows-1048577.xlsx",
      what: "a sheet of 1,048,577 rows (rows without r, one cell each)",
      bytes: zip(
        workbookParts({
          // Each row its own number as value, so that it compresses as real sheets do (about
          // ten times), not a thousand times like a bomb.
          "xl/worksheets/sheet1.xml": deflatedRows(ROWS_LIMIT + 1),
        })
      ),
      reason: "too-many-rows",
      message: /工作表「自评表」的行号 1048577 超出了 Excel 的上限/,
    },
    {
      name: "row-index-past-limit.xlsx",
      what: "a row numbered 1,048,577",
      bytes: zip(
        workbookParts({
          "xl/worksheets/sheet1.xml": deflated(
            worksheet(
              '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048577"><c r="A1048577"><v>2</v></c></row>'
            )
          ),
        })
      ),
      reason: "too-many-rows",
      message: /行号 1048577 超出了 Excel 的上限/,
    },
    {
      name: "column-past-xfd.xlsx",
      what: "a cell in column XFE, past Excel's last column",
      bytes: zip(
        workbookParts({
          "xl/worksheets/sheet1.xml": deflated(
            worksheet('<row r="1"><c r="XFE1"><v>1</v></c></row>')
          ),
        })
      ),
      reason: "too-many-columns",
      message: /超出了 Excel 的最后一列 XFD/,
    },
    {
      name: "no-content-types.xlsx",
      what: "a package without [Content_Types].xml",
      bytes: zip(workbookParts({ "[Content_Types].xml": null })),
      reason: "malformed",
      message: /不是有效的 \.xlsx 工作簿（缺少 \[Content_Types\]\.xml）/,
    },
    {
      name: "broken-workbook-part.xlsx",
      what: "a workbook part that is not well-formed XML",
      bytes: zip(
        workbookParts({
          "xl/workbook.xml": deflated(DECL + '<workbook xmlns="' + MAIN + '"><sheets><sheet name='),
        })
      ),
      reason: "malformed",
      message: /不是有效的 \.xlsx 工作簿（xl\/workbook\.xml 不是完整的 XML）/,
    },
    {
      name: "truncated.xlsx",
      what: "a workbook cut off half-way",
      bytes: zip(workbookParts()).slice(0, 600),
      reason: "malformed",
      message: /不是有效的 \.xlsx 工作簿（压缩包的目录残缺/,
    },
  ];
}

module.exports = { hostileWorkbooks, zip, deflated, repeated, workbookParts, oleFile };
