import * as zlib from "zlib";
import { deflated, oleFile, repeated, workbookParts, zip } from "../../../bench/hostileWorkbooks";
import { nodeInflate } from "../../../src/cli/nodeInflate";
import { fflateInflate } from "../../../src/workbook/xlsx/fflateCodecs";
import { UnreadableWorkbookError } from "../../../src/workbook/xlsx/unreadableWorkbookError";
import { DEFAULT_PACKAGE_LIMITS, ZipPackage } from "../../../src/workbook/xlsx/zipPackage";

function refusal(open: () => unknown): UnreadableWorkbookError {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    return error as UnreadableWorkbookError;
  }
  throw new Error("not refused");
}

describe.each([
  ["fflate", fflateInflate],
  ["Node's zlib", nodeInflate],
])("ZipPackage with %s", (_name, inflate) => {
  it("reads parts by name, forgiving case and percent-encoding, and keeps their text", () => {
    const bytes = zip(workbookParts({ "xl/media/图 1.xml": deflated("<a>图</a>") }));
    const pkg = ZipPackage.open(bytes, inflate);
    expect(pkg.partName("XL/WORKBOOK.XML")).toBe("xl/workbook.xml");
    expect(pkg.partName("xl/media/%E5%9B%BE%201.xml")).toBe("xl/media/图 1.xml");
    expect(pkg.readText("xl/media/图 1.xml")).toBe("<a>图</a>");
    expect(pkg.readText("xl/workbook.xml")).toBe(pkg.readText("xl/workbook.xml"));
    expect(pkg.readText("no/such.xml")).toBeNull();
  });

  it("inflates a small XML part once, on opening, and reads its text from that", () => {
    const calls: number[] = [];
    const counting = {
      inflateRaw: (data: Uint8Array, limit: number, partial?: boolean) => {
        calls.push(data.length);
        return inflate.inflateRaw(data, limit, partial);
      },
    };
    const bytes = zip(
      workbookParts({ "xl/small.xml": deflated("<a>" + "数".repeat(500) + "</a>") })
    );
    const pkg = ZipPackage.open(bytes, counting);
    const opening = calls.length;
    expect(pkg.readText("xl/small.xml")).toBe("<a>" + "数".repeat(500) + "</a>");
    expect(pkg.readText("xl/workbook.xml")).toContain("<workbook");
    expect(calls.length).toBe(opening);
  });

  it("keeps no text of a small part that inflates past or short of what it declares: reading it refuses", () => {
    const lying = zip(
      workbookParts({
        "xl/lying.xml": { ...deflated("<a>" + " ".repeat(5000) + "</a>"), declaredSize: 10 },
      })
    );
    expect(refusal(() => ZipPackage.open(lying, inflate).readText("xl/lying.xml")).reason).toBe(
      "too-large"
    );
    const short = zip(workbookParts({ "xl/short.xml": { ...deflated("<a/>"), declaredSize: 99 } }));
    expect(
      refusal(() => ZipPackage.open(short, inflate).readText("xl/short.xml")).facts.malformed
    ).toBe("corrupt-entry");
  });

  it("refuses a part that inflates past the size it declares, after that many bytes", () => {
    const bytes = zip(
      workbookParts({
        "xl/big.xml": { ...repeated("<a>", " ".repeat(65536), 64, "</a>"), declaredSize: 100 },
      })
    );
    const pkg = ZipPackage.open(bytes, inflate);
    const failure = refusal(() => pkg.readBytes("xl/big.xml"));
    expect(failure.reason).toBe("too-large");
    expect(failure.facts).toMatchObject({
      part: "xl/big.xml",
      declaredBytes: 100,
      limitBytes: 100,
    });
  });

  it("reads a part as often as asked: limits bound what the package declares, not how often it is read", () => {
    const limits = { maxTotalBytes: 1 << 20, maxRatio: 100, ratioFromBytes: 1 << 20 };
    const bytes = zip(workbookParts({ "xl/a.bin": repeated("", "\0".repeat(1 << 16), 10, "") }));
    const pkg = ZipPackage.open(bytes, inflate, limits);
    for (let i = 0; i < 5; i++) expect(pkg.readBytes("xl/a.bin")!.length).toBe(10 << 16);
    const over = zip(workbookParts({ "xl/a.bin": repeated("", "\0".repeat(1 << 16), 17, "") }));
    expect(refusal(() => ZipPackage.open(over, inflate, limits)).facts).toMatchObject({
      limitBytes: 1 << 20,
    });
  });

  it("refuses a part that inflates to less than it declares, or is corrupt, as malformed", () => {
    const short = zip(workbookParts({ "xl/short.xml": { ...deflated("<a/>"), declaredSize: 99 } }));
    expect(
      refusal(() => ZipPackage.open(short, inflate).readBytes("xl/short.xml")).facts.malformed
    ).toBe("corrupt-entry");
    const garbage = zip(
      workbookParts({
        "xl/bad.bin": { data: new Uint8Array([0xff, 0xff, 0xff]), size: 10, crc: 0 },
      })
    );
    expect(
      refusal(() => ZipPackage.open(garbage, inflate).readBytes("xl/bad.bin")).facts
    ).toMatchObject({
      malformed: "corrupt-entry",
      part: "xl/bad.bin",
    });
  });

  it("refuses by declared sizes before inflating: past 256 MiB in all, or 100 times the file past 32 MiB", () => {
    const total = zip(workbookParts({ "xl/a.bin": repeated("", "\0".repeat(1 << 20), 257, "") }));
    expect(refusal(() => ZipPackage.open(total, inflate)).facts).toMatchObject({
      limitBytes: DEFAULT_PACKAGE_LIMITS.maxTotalBytes,
    });
    const ratio = zip(workbookParts({ "xl/a.bin": repeated("", "\0".repeat(1 << 20), 33, "") }));
    expect(refusal(() => ZipPackage.open(ratio, inflate)).reason).toBe("too-large");
    // 20 MiB in a tiny file: past 100 times, but under 32 MiB — nothing to fear.
    const small = zip(workbookParts({ "xl/a.bin": repeated("", "\0".repeat(1 << 20), 20, "") }));
    expect(ZipPackage.open(small, inflate).readBytes("xl/a.bin")!.length).toBe(20 << 20);
  });

  it("refuses a declaration in the prolog of any XML part, read or not, or of any part it reads", () => {
    const prolog = zip(
      workbookParts({
        "customXml/item1.xml": deflated(
          '<?xml version="1.0"?>\n<!-- x --><!DOCTYPE a SYSTEM "http://x/">\n<a/>'
        ),
      })
    );
    expect(refusal(() => ZipPackage.open(prolog, inflate)).facts).toMatchObject({
      part: "customXml/item1.xml",
    });
    const longProlog = zip(
      workbookParts({
        "a.xml": deflated("<!--" + "-".repeat(100000) + "x-->" + "<!ENTITY e 'x'><a/>"),
      })
    );
    expect(refusal(() => ZipPackage.open(longProlog, inflate)).reason).toBe("doctype");
    // OPC allows any part name: one without an XML extension is looked at when it is read.
    const unnamed = zip(
      workbookParts({ "xl/data": deflated("<!DOCTYPE a [<!ENTITY b 'c'>]><a>&b;</a>") })
    );
    const pkg = ZipPackage.open(unnamed, inflate);
    expect(refusal(() => pkg.readText("xl/data")).reason).toBe("doctype");
    // Later in a part, "<!DOCTYPE" declares nothing and nothing expands it.
    const inside = zip(workbookParts({ "xl/b.xml": deflated("<a><!DOCTYPE b></a>") }));
    expect(ZipPackage.open(inside, inflate).readText("xl/b.xml")).toBe("<a><!DOCTYPE b></a>");
  });

  it("tells an encrypted workbook from a legacy one, and no zip from a cut-off one", () => {
    expect(
      refusal(() => ZipPackage.open(oleFile(["EncryptionInfo", "EncryptedPackage"]), inflate))
        .reason
    ).toBe("encrypted");
    expect(refusal(() => ZipPackage.open(oleFile(["Workbook"]), inflate)).reason).toBe(
      "legacy-xls"
    );
    expect(refusal(() => ZipPackage.open(new TextEncoder().encode("PK? no"), inflate)).reason).toBe(
      "not-zip"
    );
    const whole = zip(workbookParts());
    expect(
      refusal(() => ZipPackage.open(whole.slice(0, whole.length - 30), inflate)).facts.malformed
    ).toBe("broken-zip");
  });

  it("reads stored entries and a ZIP64 directory", () => {
    const text = "<a>stored</a>";
    const data = new TextEncoder().encode(text);
    const crc = zlib.crc32(data) >>> 0;
    const name = new TextEncoder().encode("a.xml");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(0xffffffff, 20);
    central.writeUInt32LE(0xffffffff, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(20, 30);
    const extra = Buffer.alloc(20);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeUInt32LE(data.length, 4);
    extra.writeUInt32LE(data.length, 12);
    const directoryOffset = 30 + name.length + data.length;
    const directory = Buffer.concat([central, name, extra]);
    const zip64End = Buffer.alloc(56);
    zip64End.writeUInt32LE(0x06064b50, 0);
    zip64End.writeUInt32LE(1, 24);
    zip64End.writeUInt32LE(1, 32);
    zip64End.writeUInt32LE(directory.length, 40);
    zip64End.writeUInt32LE(directoryOffset, 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeUInt32LE(directoryOffset + directory.length, 8);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
    end.writeUInt32LE(0xffffffff, 12);
    end.writeUInt32LE(0xffffffff, 16);
    const bytes = new Uint8Array(
      Buffer.concat([local, name, data, directory, zip64End, locator, end])
    );
    expect(ZipPackage.open(bytes, inflate).readText("a.xml")).toBe(text);
  });
});
