import * as zlib from "zlib";
import JSZip from "jszip";
import { crc32 } from "../../../src/workbook/xlsx/crc32";
import { dosDateTime, nameBytesOf, writeZip } from "../../../src/workbook/xlsx/zipWriter";

describe("crc32", () => {
  it("agrees with zlib's", () => {
    for (const text of ["", "a", "绩效自评表", "x".repeat(100000)]) {
      const bytes = new TextEncoder().encode(text);
      expect(crc32(bytes)).toBe(zlib.crc32(bytes) >>> 0);
    }
  });
});

describe("writeZip", () => {
  it("writes a zip other tools read, checksums and all, keeping the order and names given", async () => {
    const texts = {
      "[Content_Types].xml": "<Types/>",
      "xl/工作表.xml": "<a>指标</a>",
      "empty.bin": "",
    };
    const { dosTime, dosDate } = dosDateTime(new Date(2024, 0, 31, 10, 30, 42));
    const bytes = writeZip(
      Object.entries(texts).map(([name, text], index) => {
        const data = new TextEncoder().encode(text);
        const { bytes: nameBytes, utf8 } = nameBytesOf(name);
        return {
          nameBytes,
          versionMadeBy: 20,
          flags: utf8 ? 0x0800 : 0,
          method: index === 2 ? 0 : 8,
          dosTime,
          dosDate,
          crc32: crc32(data),
          size: data.length,
          data: index === 2 ? data : zlib.deflateRawSync(data),
          internalAttributes: 0,
          externalAttributes: 0,
        };
      })
    );
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(Object.keys(texts));
    for (const [name, text] of Object.entries(texts))
      expect(await zip.file(name)!.async("string")).toBe(text);
    expect(zip.file("xl/工作表.xml")!.date.getMinutes()).toBe(30);
  });

  it("gives the DOS date and time zip headers use", () => {
    const { dosTime, dosDate } = dosDateTime(new Date(2024, 0, 31, 10, 30, 42));
    expect(dosDate).toBe(((2024 - 1980) << 9) | (1 << 5) | 31);
    expect(dosTime).toBe((10 << 11) | (30 << 5) | 21);
  });
});
