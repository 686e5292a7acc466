import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { XlsxFilePort } from "../../../src/workbook/xlsx/xlsxFilePort";
import { scoreOpenWorkbook } from "../../../src/workbook/scoreOpenWorkbook";
import { WorkbookPortError } from "../../../src/workbook/port";

const FIXTURE = path.join(__dirname, "../../fixtures/department-education-2024.xlsx");

async function port(): Promise<{ port: XlsxFilePort; original: Uint8Array }> {
  const original = new Uint8Array(await fs.readFile(FIXTURE));
  return { port: new XlsxFilePort(original.slice(), "部门自评表.xlsx"), original };
}

describe("XlsxFilePort", () => {
  it("scores a file in memory and makes the scored copy, leaving the original bytes alone", async () => {
    const { port: filePort, original } = await port();
    const { result, written } = await scoreOpenWorkbook(filePort, { fileName: filePort.fileName });
    expect(result.report.total!.score).toBe(98.36);
    expect(written!.marked).toBe(1);
    expect(written!.sheets).toEqual([
      { name: "评分结果", mode: "create" },
      { name: "自评表说明", mode: "create" },
    ]);
    const copy = filePort.scoredCopy()!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(copy) as unknown as Parameters<typeof workbook.xlsx.load>[0]
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "部门整体支出绩效自评表",
      "评分结果",
      "自评表说明",
    ]);
    expect(Buffer.from(await fs.readFile(FIXTURE)).equals(Buffer.from(original))).toBe(true);
  });

  it("tells the preview which cell a problem is on", async () => {
    const { port: filePort } = await port();
    await filePort.read();
    const seen: string[] = [];
    const stop = filePort.onSelect((sheet, cell) => seen.push(sheet + "!" + cell));
    await filePort.select("部门整体支出绩效自评表", "G11");
    stop();
    await filePort.select("部门整体支出绩效自评表", "G12");
    expect(seen).toEqual(["部门整体支出绩效自评表!G11"]);
    await expect(filePort.select("没有这张表", "A1")).rejects.toThrow(
      "找不到工作表「没有这张表」。"
    );
  });

  it("drops the scored copy on 清除标记", async () => {
    const { port: filePort } = await port();
    await scoreOpenWorkbook(filePort);
    expect(await filePort.clearMarks()).toBe(1);
    expect(filePort.scoredCopy()).toBeNull();
    expect(await filePort.clearMarks()).toBe(0);
  });

  it("refuses a file that is not a workbook with a Chinese message naming it", async () => {
    const filePort = new XlsxFilePort(new TextEncoder().encode("not a zip"), "报表.xlsx");
    const failure = await filePort.read().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkbookPortError);
    expect((failure as WorkbookPortError).code).toBe("read-failed");
    expect((failure as Error).message).toBe(
      "无法读取 报表.xlsx：不是有效的 .xlsx 工作簿（文件已损坏，或不是 Excel 工作簿）。"
    );
  });
});

describe("XlsxFilePort on a part only the writer reads", () => {
  it("words a corrupt part in Chinese when writing the copy", async () => {
    const { deflated, workbookParts, zip } = await import("../../../bench/hostileWorkbooks");
    const bytes = zip(
      workbookParts({
        "xl/worksheets/_rels/sheet1.xml.rels": deflated(
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>'
        ),
        "xl/comments1.xml": { data: new Uint8Array([0xff, 0xff, 0xff]), size: 50, crc: 0 },
      })
    );
    const filePort = new XlsxFilePort(bytes, "坏批注.xlsx");
    await filePort.read();
    const failure = await filePort
      .write({
        marks: [{ sheet: "自评表", cell: "A1", severity: "error", note: "问题" }],
        sheets: [],
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkbookPortError);
    expect((failure as Error).message).toBe(
      "无法读取 坏批注.xlsx：不是有效的 .xlsx 工作簿（部件 xl/comments1.xml 的压缩数据已损坏），文件可能已损坏。"
    );
    expect(filePort.scoredCopy()).toBeNull();
  });
});
