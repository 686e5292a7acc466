import {
  compoundFileEntryNames,
  compoundFileKind,
  isCompoundFile,
  legacyWorkbookIsEncrypted,
} from "../../../../src/workbook/xlsx/batch/compoundFile";
import { readFileSync } from "fs";
import * as path from "path";
import { compoundFile } from "../../../helpers/compoundFile";

const legacy = (name: string) =>
  new Uint8Array(readFileSync(path.join(__dirname, "../../../fixtures/legacy", name)));

describe("compoundFileKind", () => {
  it("reads the names in a compound file's directory", () => {
    expect(compoundFileEntryNames(compoundFile(["Workbook", "\u0005SummaryInformation"]))).toEqual([
      "Root Entry",
      "Workbook",
      "\u0005SummaryInformation",
    ]);
  });

  it("tells an encrypted workbook by its EncryptedPackage or EncryptionInfo stream", () => {
    expect(compoundFileKind(compoundFile(["EncryptionInfo", "EncryptedPackage"]))).toBe(
      "encrypted"
    );
    expect(compoundFileKind(compoundFile(["EncryptionInfo"]))).toBe("encrypted");
  });

  it("takes any other compound file for an old binary document", () => {
    expect(compoundFileKind(compoundFile(["Workbook"]))).toBe("legacy");
  });

  it("follows a directory over several sectors", () => {
    const names = Array.from({ length: 9 }, (_, i) => "Stream" + i).concat("EncryptedPackage");
    expect(compoundFileEntryNames(compoundFile(names))).toHaveLength(11);
    expect(compoundFileKind(compoundFile(names))).toBe("encrypted");
  });

  it("is null for anything else, short or truncated bytes included", () => {
    expect(compoundFileKind(new Uint8Array([0x50, 0x4b, 3, 4]))).toBeNull();
    expect(isCompoundFile(compoundFile(["Workbook"]).slice(0, 100))).toBe(false);
    const truncated = compoundFile(["EncryptedPackage"]).slice(0, 700);
    expect(() => compoundFileKind(truncated)).not.toThrow();
    const looping = compoundFile(["Workbook"]);
    // A FAT whose directory chain points back at itself stops all the same.
    new DataView(looping.buffer).setUint32(512 + 4, 1, true);
    expect(compoundFileKind(looping)).toBe("legacy");
  });
});

describe("legacyWorkbookIsEncrypted", () => {
  it("finds the FilePass record an open password puts after the Workbook stream's BOF", () => {
    expect(legacyWorkbookIsEncrypted(legacy("password-123.xls"))).toBe(true);
  });

  it("is false for an .xls without a password, an empty stream or no compound file", () => {
    expect(legacyWorkbookIsEncrypted(legacy("plain.xls"))).toBe(false);
    expect(legacyWorkbookIsEncrypted(compoundFile(["Workbook"]))).toBe(false);
    expect(legacyWorkbookIsEncrypted(new Uint8Array(600))).toBe(false);
  });
});
