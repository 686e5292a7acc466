import JSZip from "jszip";
import { deflated, workbookParts, zip } from "../../../bench/hostileWorkbooks";
import { PackageEditor } from "../../../src/workbook/xlsx/opcPackage";
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
