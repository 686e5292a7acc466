/**
 * The scored copy's parts are compressed by Node's native zlib on its thread pool (several times
 * faster than fflate, which the browser uses): a fast path that could be lost without any test
 * noticing — on a Node without zlib.crc32 (before 20.15) nodeDeflate is undefined and fflate
 * silently takes over; a caller that forgets to pass it does the same. Here fflate's deflate
 * fails outright, so a write that is not on the fast path fails the test.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, existsSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import * as zlib from "zlib";
import { main } from "../../../src/cli/main";
import { nodeDeflate } from "../../../src/cli/nodeDeflate";
import { buildWritePlan } from "../../../src/engine/output/buildWritePlan";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { readXlsxGrid } from "../../../src/workbook/xlsx/readXlsxGrid";
import { writeScoredCopy } from "../../../src/workbook/xlsx/writeScoredCopy";
import { openZipPackage } from "../../../src/workbook/xlsx/zipPackage";

jest.mock("../../../src/workbook/xlsx/fflateCodecs", () => {
  const actual = jest.requireActual("../../../src/workbook/xlsx/fflateCodecs");
  return {
    ...actual,
    fflateDeflate: {
      deflateRaw: () => Promise.reject(new Error("the slow path: fflate's deflate was used")),
      crc32: actual.fflateDeflate.crc32,
    },
  };
});

const FIXTURE = path.join(__dirname, "../../fixtures/department-education-2024.xlsx");

describe("the scored copy is compressed by Node's zlib", () => {
  test("this Node has the fast path (zlib.crc32, Node 20.15+)", () => {
    expect(typeof nodeDeflate?.deflateRaw).toBe("function");
  });

  test("every part the writer wrote went through it", async () => {
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    const workbook = await readXlsxGrid(bytes);
    const plan = buildWritePlan(scoreWorkbook(workbook.grid), workbook.grid);
    const deflated: number[] = [];
    const copy = await writeScoredCopy(bytes, plan, {
      zip: workbook.zip,
      deflate: {
        deflateRaw: (data) => {
          deflated.push(data.length);
          return nodeDeflate!.deflateRaw(data);
        },
        crc32: nodeDeflate!.crc32,
      },
    });
    // The output sheets, the marked sheet, styles, the workbook and its relationships, the notes…
    expect(deflated.length).toBeGreaterThanOrEqual(8);
    const zip = await openZipPackage(copy);
    expect(zip.readText("xl/workbook.xml")).toContain("评分结果");
  });

  test("the same write without it fails here: the test can tell", async () => {
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    const workbook = await readXlsxGrid(bytes);
    const plan = buildWritePlan(scoreWorkbook(workbook.grid), workbook.grid);
    await expect(writeScoredCopy(bytes, plan, { zip: workbook.zip })).rejects.toThrow(/slow path/);
  });

  test("selfeval score --out takes it", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "selfeval-fast-")), "scored.xlsx");
    const stderr: string[] = [];
    const code = await main(["score", FIXTURE, "--out", out], {
      stdout: () => undefined,
      stderr: (text) => stderr.push(text),
    });
    expect(stderr.join("\n")).not.toMatch(/slow path|内部错误|无法写出/);
    expect(code).toBeLessThan(2);
    expect(existsSync(out)).toBe(true);
  });
});

describe("the output sheets are compressed as they are made", () => {
  test("Node's deflate takes a part piece by piece: the same bytes, checksum and size", async () => {
    const pieces = [0, 1, 2].map((n) =>
      new TextEncoder().encode('<row r="' + n + '">改</row>'.repeat(5000))
    );
    const stream = nodeDeflate!.deflateStream!();
    for (const piece of pieces) stream.push(piece);
    const part = await stream.end();
    const whole = Buffer.concat(pieces);
    expect(zlib.inflateRawSync(part.data).equals(whole)).toBe(true);
    expect(part.size).toBe(whole.length);
    expect(part.crc32).toBe(nodeDeflate!.crc32(whole));
  });

  /** A department form of `indicators` rows, one in ten with a problem (as the bench's). */
  async function largeForm(indicators: number): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("部门整体支出绩效自评表");
    sheet.addRow(["2024年度部门整体支出绩效自评表"]);
    sheet.addRow(["部门名称：测试局"]);
    sheet.addRow([
      "一级指标",
      "二级指标",
      "三级指标",
      "分值",
      "年度指标值",
      "实际完成值",
      "自评得分",
      "偏差原因分析及改进措施",
    ]);
    const weight = 100 / indicators;
    for (let i = 0; i < indicators; i++) {
      const row =
        i % 10 === 3
          ? ["指标" + i, weight, "≥95%", null, null, null]
          : ["指标" + i, weight, "≥95%", 96 + (i % 4) + "%", weight, null];
      sheet.addRow([
        i === 0 ? "履职效能" : null,
        i % 10 === 0 ? "工作任务" + i / 10 : null,
        ...row,
      ]);
    }
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  test("the writer feeds it a large output sheet, and the copy reads the same as without it", async () => {
    const bytes = await largeForm(1500);
    const copyWith = async (stream: boolean): Promise<{ copy: Uint8Array; streamed: number }> => {
      const workbook = await readXlsxGrid(bytes);
      const plan = buildWritePlan(scoreWorkbook(workbook.grid), workbook.grid);
      const streamed: number[] = [];
      const copy = await writeScoredCopy(bytes, plan, {
        zip: workbook.zip,
        deflate: {
          deflateRaw: nodeDeflate!.deflateRaw,
          crc32: nodeDeflate!.crc32,
          ...(stream
            ? {
                deflateStream: () => {
                  streamed.push(0);
                  return nodeDeflate!.deflateStream!();
                },
              }
            : {}),
        },
      });
      return { copy, streamed: streamed.length };
    };
    const [streamed, whole] = [await copyWith(true), await copyWith(false)];
    // 评分结果 runs to several chunks; 自评表说明 is one, compressed whole as any part.
    expect([streamed.streamed, whole.streamed]).toEqual([1, 0]);
    const a = await openZipPackage(streamed.copy);
    const b = await openZipPackage(whole.copy);
    expect(a.partNames()).toEqual(b.partNames());
    for (const name of a.partNames())
      expect(Buffer.from(a.readBytes(name)!).equals(Buffer.from(b.readBytes(name)!))).toBe(true);
  });
});
