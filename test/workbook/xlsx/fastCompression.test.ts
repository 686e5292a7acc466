/**
 * The scored copy's parts are compressed by Node's native zlib on its thread pool (several times
 * faster than fflate, which the browser uses): a fast path that could be lost without any test
 * noticing — on a Node without zlib.crc32 (before 20.15) nodeDeflate is undefined and fflate
 * silently takes over; a caller that forgets to pass it does the same. Here fflate's deflate
 * fails outright, so a write that is not on the fast path fails the test.
 */
import { mkdtempSync, readFileSync, existsSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import * as zlib from "zlib";
import { main } from "../../../src/cli/main";
import { nodeDeflate, rawFromGzip } from "../../../src/cli/nodeDeflate";
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

describe("large parts go to the thread pool, small ones are compressed at once", () => {
  const text = (size: number): Uint8Array => {
    const row = new TextEncoder().encode(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>改</t></is></c></row>'
    );
    const bytes = new Uint8Array(size);
    for (let at = 0; at < size; at += row.length) bytes.set(row.subarray(0, size - at), at);
    return bytes;
  };

  test.each([
    ["a small part", 1000],
    ["just under a mebibyte", (1 << 20) - 1],
    ["a large part, whose compressed bytes outgrow a quarter of it", 3 << 20],
  ])("%s: raw DEFLATE that inflates back to the bytes", async (_name, size) => {
    const data =
      size === 3 << 20 ? new Uint8Array(size).map((_, i) => (i * 2654435761) >>> 24) : text(size);
    const deflated = await nodeDeflate!.deflateRaw(data);
    expect(Buffer.from(zlib.inflateRawSync(deflated)).equals(Buffer.from(data))).toBe(true);
  });

  test("the same bytes either way: zlib at level 1, on this thread or on the pool", async () => {
    for (const size of [1000, (1 << 20) - 1, 1 << 20, 3 << 20]) {
      const data = text(size);
      const deflated = Buffer.from(await nodeDeflate!.deflateRaw(data));
      expect(deflated.equals(zlib.deflateRawSync(data, { level: 1 }))).toBe(true);
    }
  });

  test("with its CRC-32: the same bytes and CRC as deflating and zlib.crc32 apart", async () => {
    // A large part's CRC comes from gzip's trailer, worked out on the pool as it compresses.
    for (const size of [0, 1000, (1 << 20) - 1, 1 << 20, 3 << 20]) {
      const data = text(size);
      const both = await nodeDeflate!.deflateRawWithCrc32!(data);
      expect(Buffer.from(both.data).equals(zlib.deflateRawSync(data, { level: 1 }))).toBe(true);
      expect(both.crc32).toBe(zlib.crc32(data) >>> 0);
    }
    const random = new Uint8Array(3 << 20).map((_, i) => (i * 2654435761) >>> 24);
    const both = await nodeDeflate!.deflateRawWithCrc32!(random);
    expect(both.crc32).toBe(zlib.crc32(random) >>> 0);
    expect(Buffer.from(zlib.inflateRawSync(both.data)).equals(Buffer.from(random))).toBe(true);
  });

  test("takes gzip's own DEFLATE and CRC-32 only from a plain header and the part's length", () => {
    const data = text(5000);
    const gzip = zlib.gzipSync(data, { level: 1 });
    const raw = rawFromGzip(gzip, data.length);
    expect(raw && Buffer.from(raw.data).equals(zlib.deflateRawSync(data, { level: 1 }))).toBe(true);
    expect(raw && raw.crc32).toBe(zlib.crc32(data) >>> 0);
    // A name in the header (FNAME), another length, a stream too short: not taken.
    const named = Buffer.from(gzip);
    named[3] = 8;
    expect(rawFromGzip(named, data.length)).toBeNull();
    expect(rawFromGzip(gzip, data.length + 1)).toBeNull();
    expect(rawFromGzip(gzip.subarray(0, 17), data.length)).toBeNull();
  });

  test("a small part is done before its promise is awaited; a large one is not", async () => {
    let smallDone = false;
    let largeDone = false;
    void nodeDeflate!.deflateRaw(text(4096)).then(() => (smallDone = true));
    void nodeDeflate!.deflateRaw(text(2 << 20)).then(() => (largeDone = true));
    await Promise.resolve();
    expect(smallDone).toBe(true);
    expect(largeDone).toBe(false);
  });
});
