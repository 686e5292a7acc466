/**
 * Every way writing the copy can fail ends in one typed error with a Chinese message naming the
 * part, never a bare Error ("not an .xlsx package") that the CLI would call 内部错误.
 */
import JSZip from "jszip";
import type { WritePlan } from "../../../src/engine/output/types";
import { describeFailure } from "../../../src/cli/describeFailure";
import { ScoredCopyError } from "../../../src/workbook/xlsx/scoredCopyError";
import { writeScoredCopy } from "../../../src/workbook/xlsx/writeScoredCopy";
import { MAIN_SHEET, MAIN_SHEET_PART, buildHandWrittenTemplate } from "./handWrittenTemplate";

const PLAN: WritePlan = {
  marks: [{ sheet: MAIN_SHEET, cell: "B4", severity: "error", note: "【错误】第一条" }],
  sheets: [],
};

async function edited(edit: (zip: JSZip) => Promise<void> | void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await buildHandWrittenTemplate());
  await edit(zip);
  return zip.generateAsync({ type: "uint8array" });
}

async function failure(input: Uint8Array): Promise<ScoredCopyError> {
  try {
    await writeScoredCopy(input, PLAN);
  } catch (error) {
    expect(error).toBeInstanceOf(ScoredCopyError);
    return error as ScoredCopyError;
  }
  throw new Error("expected a failure");
}

describe("writeScoredCopy fails only with a ScoredCopyError", () => {
  it("a package without [Content_Types].xml", async () => {
    const error = await failure(await edited((zip) => void zip.remove("[Content_Types].xml")));
    expect(error.message).toBe("工作簿缺少部件 [Content_Types].xml，不是完整的 .xlsx 文件");
  });

  it("a malformed comments part, named", async () => {
    const error = await failure(
      await edited((zip) => void zip.file("xl/comments1.xml", "<comments><authors>"))
    );
    expect(error.message).toBe("部件 xl/comments1.xml 结构异常");
    expect(error.part).toBe("xl/comments1.xml");
    expect(error.facts).toMatchObject({ reason: "malformed-part", part: "xl/comments1.xml" });
    // The XML layer's own words stay as the technical detail, never the user's sentence.
    expect(error.detail).toBe("unclosed root element");
    // The CLI says what could not be written, and where; never 内部错误.
    expect(describeFailure(error)).toBe("无法写出评分副本：部件 xl/comments1.xml 结构异常。");
  });

  it("a worksheet without <sheetData>, named", async () => {
    const error = await failure(
      await edited(async (zip) => {
        const xml = await zip.file(MAIN_SHEET_PART)!.async("string");
        zip.file(MAIN_SHEET_PART, xml.replace(/<sheetData[\s\S]*<\/sheetData>|<sheetData\/>/, ""));
      })
    );
    expect(error.facts).toMatchObject({
      reason: "malformed-part",
      part: MAIN_SHEET_PART,
      detail: "worksheet without <sheetData>",
    });
  });

  it("a malformed workbook part", async () => {
    const error = await failure(await edited((zip) => void zip.file("xl/workbook.xml", "<wor")));
    expect(error.message).toBe("部件 xl/workbook.xml 结构异常");
  });

  it("bytes that are not a zip", async () => {
    const error = await failure(new Uint8Array([1, 2, 3, 4]));
    expect(error.message).toBe("文件不是有效的 .xlsx（zip）包");
  });

  it("a Strict OOXML workbook", async () => {
    const error = await failure(
      await edited(async (zip) => {
        const xml = await zip.file("xl/workbook.xml")!.async("string");
        zip.file(
          "xl/workbook.xml",
          xml.replace(
            "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
            "http://purl.oclc.org/ooxml/spreadsheetml/main"
          )
        );
      })
    );
    expect(error.message).toContain("严格 OOXML");
    expect(error.facts.reason).toBe("strict-ooxml");
  });
});
