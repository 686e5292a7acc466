import JSZip from "jszip";
import { deflated, workbookParts, zip } from "../../../bench/hostileWorkbooks";
import { fflateDeflate } from "../../../src/workbook/xlsx/fflateCodecs";
import {
  encodeUtf8Pieces,
  PackageEditor,
  type RawDeflate,
  Utf8Builder,
} from "../../../src/workbook/xlsx/opcPackage";
import { openZipPackage } from "../../../src/workbook/xlsx/zipPackage";

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

describe("PackageEditor.generate", () => {
  it("copies untouched entries as stored, rewrites edited ones in place and adds new ones at the end", async () => {
    const input = await openZipPackage(
      zip(workbookParts({ "xl/extra.xml": deflated("<extra/>") }))
    );
    const editor = new PackageEditor(input);
    expect(await editor.readText("XL/Workbook.xml")).toContain("<sheets>");
    editor.writeText("xl/workbook.xml", "<workbook>改</workbook>");
    editor.writeText("xl/new.xml", "<new>新</new>");
    editor.remove("xl/extra.xml");
    const output = await openZipPackage(await editor.generate());

    const names = input.partNames().filter((name) => name !== "xl/extra.xml");
    expect(output.partNames()).toEqual([...names, "xl/new.xml"]);
    for (const name of names.filter((part) => part !== "xl/workbook.xml")) {
      const before = input.entry(name)!;
      const after = output.entry(name)!;
      expect(sameBytes(output.compressedData(after), input.compressedData(before))).toBe(true);
      expect([after.crc32, after.dosDate, after.dosTime]).toEqual([
        before.crc32,
        before.dosDate,
        before.dosTime,
      ]);
    }
    expect(output.readText("xl/workbook.xml")).toBe("<workbook>改</workbook>");
    expect(output.entry("xl/workbook.xml")!.dosDate).toBe(input.entry("xl/workbook.xml")!.dosDate);
    expect(output.readText("xl/new.xml")).toBe("<new>新</new>");
    // Checksums of what was written are right: JSZip checks them.
    const checked = await JSZip.loadAsync(await editor.generate(), { checkCRC32: true });
    expect(await checked.file("xl/new.xml")!.async("string")).toBe("<new>新</new>");
  });

  it("writes a part edited as bytes byte for byte, ASCII or not", async () => {
    const editor = new PackageEditor(await openZipPackage(zip(workbookParts())));
    const ascii = "<xml><v:shape/></xml>";
    const latin = "<xml>\u00e9\u00ff\u0080</xml>"; // bytes E9 FF 80 (not UTF-8)
    editor.writeBinary("xl/drawings/a.vml", ascii);
    editor.writeBinary("xl/drawings/b.vml", latin);
    const output = await openZipPackage(await editor.generate());
    expect(Array.from(output.readBytes("xl/drawings/a.vml")!)).toEqual(
      Array.from(ascii, (c) => c.charCodeAt(0))
    );
    expect(Array.from(output.readBytes("xl/drawings/b.vml")!)).toEqual(
      Array.from(latin, (c) => c.charCodeAt(0))
    );
  });

  it("leaves the package it was given as it was", async () => {
    const bytes = zip(workbookParts());
    const copy = bytes.slice();
    const input = await openZipPackage(bytes);
    const editor = new PackageEditor(input);
    editor.writeText("xl/workbook.xml", "<changed/>");
    await editor.generate();
    expect(sameBytes(bytes, copy)).toBe(true);
    expect(input.readText("xl/workbook.xml")).toContain("<sheets>");
  });
});

describe("PackageEditor.compressAhead", () => {
  const countingDeflate = (): { codec: RawDeflate; deflated: string[] } => {
    const deflated: string[] = [];
    return {
      deflated,
      codec: {
        deflateRaw: async (data) => {
          deflated.push(new TextDecoder().decode(data));
          return fflateDeflate.deflateRaw(data);
        },
        crc32: fflateDeflate.crc32,
      },
    };
  };

  /** A part large enough to be compressed ahead (64 Ki characters or more). */
  const big = (name: string): string => "<" + name + ">" + "改".repeat(70000) + "</" + name + ">";
  const heads = (texts: string[]): string[] => texts.map((text) => text.slice(0, 12)).sort();

  it("compresses the large parts written so far once, and generate takes them", async () => {
    const input = await openZipPackage(zip(workbookParts()));
    const editor = new PackageEditor(input);
    const { codec, deflated } = countingDeflate();
    editor.writeText("xl/workbook.xml", big("workbook"));
    editor.writeUtf8("xl/new.xml", new TextEncoder().encode(big("new")));
    editor.writeText("xl/small.xml", "<small/>");
    editor.compressAhead(codec);
    editor.compressAhead(codec);
    // The small part is left to generate().
    expect(heads(deflated)).toEqual(["<new>改改改改改改改", "<workbook>改改"]);
    const checked = await JSZip.loadAsync(await editor.generate(codec), { checkCRC32: true });
    expect(heads(deflated)).toEqual(["<new>改改改改改改改", "<small/>", "<workbook>改改"]);
    expect(await checked.file("xl/workbook.xml")!.async("string")).toBe(big("workbook"));
    expect(await checked.file("xl/new.xml")!.async("string")).toBe(big("new"));
    expect(await checked.file("xl/small.xml")!.async("string")).toBe("<small/>");
  });

  it("compresses a part written again after it anew, and leaves out one removed", async () => {
    const input = await openZipPackage(zip(workbookParts()));
    const editor = new PackageEditor(input);
    const { codec, deflated } = countingDeflate();
    editor.writeText("xl/workbook.xml", big("first"));
    editor.writeText("xl/gone.xml", big("gone"));
    editor.compressAhead(codec);
    editor.writeText("xl/workbook.xml", big("second"));
    editor.remove("xl/gone.xml");
    const output = await openZipPackage(await editor.generate(codec));
    expect(heads(deflated)).toEqual([
      "<first>改改改改改",
      "<gone>改改改改改改",
      "<second>改改改改",
    ]);
    expect(output.readText("xl/workbook.xml")).toBe(big("second"));
    expect(output.partName("xl/gone.xml")).toBeNull();
  });

  it("makes the same package as compressing everything at the end", async () => {
    const make = async (ahead: boolean): Promise<Uint8Array> => {
      const editor = new PackageEditor(await openZipPackage(zip(workbookParts())));
      editor.writeText("xl/workbook.xml", big("workbook"));
      if (ahead) editor.compressAhead(fflateDeflate);
      editor.writeText("xl/new.xml", "<new/>");
      return editor.generate(fflateDeflate);
    };
    const [ahead, atTheEnd] = await Promise.all([make(true), make(false)]);
    // The new part's date is the time of writing: equal within the same two seconds.
    expect(ahead.length).toBe(atTheEnd.length);
    const first = await openZipPackage(ahead);
    const second = await openZipPackage(atTheEnd);
    expect(first.partNames()).toEqual(second.partNames());
    for (const name of first.partNames())
      expect(
        sameBytes(
          first.compressedData(first.entry(name)!),
          second.compressedData(second.entry(name)!)
        )
      ).toBe(true);
  });

  it("reports a compression that failed when the package is generated, not before", async () => {
    const editor = new PackageEditor(await openZipPackage(zip(workbookParts())));
    const failing: RawDeflate = {
      deflateRaw: () => Promise.reject(new Error("deflate failed")),
      crc32: fflateDeflate.crc32,
    };
    editor.writeText("xl/workbook.xml", big("changed"));
    editor.compressAhead(failing);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(editor.generate(failing)).rejects.toThrow("deflate failed");
  });
});

describe("Utf8Builder", () => {
  function utf8Of(pieces: string[]): Uint8Array {
    const builder = new Utf8Builder();
    for (const piece of pieces) builder.add(piece);
    return builder.bytes();
  }
  const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

  it("gives the UTF-8 of its pieces joined, in several batches", () => {
    const pieces: string[] = [];
    let length = 0;
    for (let i = 0; length < 300000; i++) {
      const piece = "<t>" + "改".repeat(i % 50) + "😀" + "x".repeat(i % 90) + "</t>";
      pieces.push(piece);
      length += piece.length;
    }
    expect(same(utf8Of(pieces), new TextEncoder().encode(pieces.join("")))).toBe(true);
  });

  it("never encodes a pair of surrogates apart where a batch ends between them", () => {
    // The first piece fills a batch and ends with the high half of 😀; the low half follows.
    const pieces = ["a".repeat(65535) + "\ud83d", "\ude00b"];
    expect(same(utf8Of(pieces), new TextEncoder().encode(pieces.join("")))).toBe(true);
  });

  it("gives nothing for nothing, and a lone surrogate as the encoder writes it", () => {
    expect(new Utf8Builder().bytes()).toHaveLength(0);
    const builder = new Utf8Builder();
    builder.add("a\ud83d");
    expect(Array.from(builder.bytes())).toEqual(Array.from(new TextEncoder().encode("a\ud83d")));
  });

  it("lets a part written as UTF-8 be read back as its text", async () => {
    const editor = new PackageEditor(await openZipPackage(zip(workbookParts({}))));
    const builder = new Utf8Builder();
    builder.add("<sheet>");
    builder.add("评分结果</sheet>");
    editor.writeUtf8("xl/worksheets/sheet9.xml", builder.bytes());
    expect(await editor.readText("xl/worksheets/sheet9.xml")).toBe("<sheet>评分结果</sheet>");
  });
});

describe("encodeUtf8Pieces", () => {
  const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
  const joined = (pieces: string[]): Uint8Array => new TextEncoder().encode(pieces.join(""));

  it("gives the UTF-8 of its pieces joined, growing past ASCII's byte a character", () => {
    const pieces: string[] = [];
    for (let i = 0; i < 5000; i++) pieces.push('<c r="A' + i + '">', "改é😀".repeat(i % 7), "</c>");
    expect(same(encodeUtf8Pieces(pieces), joined(pieces))).toBe(true);
    const wide = ["改".repeat(100000)];
    expect(same(encodeUtf8Pieces(wide), joined(wide))).toBe(true);
  });

  it("keeps a surrogate pair split between two pieces whole, and a lone one as the encoder writes it", () => {
    const split = ["a\ud83d", "\ude00b"];
    expect(same(encodeUtf8Pieces(split), joined(split))).toBe(true);
    const lone = ["a\ud83d", "b", "\ude00"];
    expect(same(encodeUtf8Pieces(lone), joined(lone))).toBe(true);
  });

  it("gives nothing for nothing", () => {
    expect(encodeUtf8Pieces([])).toHaveLength(0);
    expect(encodeUtf8Pieces(["", ""])).toHaveLength(0);
  });
});
