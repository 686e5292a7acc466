import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { jsonChunks } from "../../src/cli/jsonChunks";
import { runSelfeval } from "../helpers/runSelfeval";

const text = (value: unknown) => Array.from(jsonChunks(value)).join("");

describe("jsonChunks", () => {
  it.each([
    ["a number", 1.5],
    ["a string with quotes, a line break and Chinese", '指标"一"\n二'],
    ["null", null],
    ["an empty object and array", { a: {}, b: [] }],
    ["nested containers", { a: [1, [2, [3, { b: [4, { c: "d" }] }]]], e: { f: { g: { h: [] } } } }],
    ["what JSON leaves out", { a: undefined, b: () => 1, c: [undefined, () => 1, NaN, -0] }],
    ["toJSON and boxed values", { d: new Date(0), n: Object(2), s: Object("x"), t: Object(true) }],
    ["an array at the top", [{ a: 1 }, [], "x", null]],
    ["deep values", { a: [{ b: [{ c: [{ d: ["e\n"] }] }] }] }],
    [
      "strings JSON escapes",
      { s: ["a\\b", "\u0000\u0007\b\t\f\r\u001f", "\ud83d\ude00", "\ud83d", "x\ude00", "\u2028"] },
    ],
    ["keys JSON escapes", { 'a"b': 1, "c\\d": { "\n": [] }, "": "", 指标: "≥95%" }],
    ["numbers JSON writes as null or plainly", [Infinity, -Infinity, 1e21, 1e-7, -0, 0.1 + 0.2]],
    [
      "toJSON given its key (an index as a string)",
      {
        a: [{ toJSON: (key: unknown) => typeof key + key }],
        b: { toJSON: (key: string) => [key] },
      },
    ],
    ["a value at the top that is no container", "指标\n"],
  ])("writes %s as JSON.stringify(value, null, 2) does", (_name, value) => {
    expect(text(value)).toBe(JSON.stringify(value, null, 2));
  });

  it("refuses a BigInt as JSON.stringify does", () => {
    expect(() => text({ a: [BigInt(1)] })).toThrow(TypeError);
  });

  it("gives nothing for a value JSON cannot write, as JSON.stringify gives undefined", () => {
    expect(Array.from(jsonChunks(undefined))).toEqual([]);
  });

  it("writes a report piece by piece, as selfeval score --json writes it, each piece short", async () => {
    const example = path.join(__dirname, "..", "..", "assets", "examples");
    const json = path.join(mkdtempSync(path.join(tmpdir(), "selfeval-json-")), "r.json");
    const result = await runSelfeval(
      "score",
      path.join(example, "department-education-2024.xlsx"),
      "--json",
      json,
      "--quiet"
    );
    expect(result.stderr).toBe("");
    const written = readFileSync(json, "utf8");
    const report = JSON.parse(written);
    expect(written).toBe(JSON.stringify(report, null, 2) + "\n");
    expect(Array.from(jsonChunks(report)).join("")).toBe(JSON.stringify(report, null, 2));
    // The same report with forty times its indicators: many pieces, none near the whole.
    const large = { ...report, indicators: [].concat(...Array(40).fill(report.indicators)) };
    const pieces = Array.from(jsonChunks(large));
    const whole = JSON.stringify(large, null, 2);
    expect(pieces.join("")).toBe(whole);
    expect(pieces.length).toBeGreaterThan(10);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(whole.length / 8);
  }, 20000);

  it("writes a large array in pieces, each far shorter than the whole", () => {
    const value = {
      total: 1,
      indicators: Array.from({ length: 5003 }, (_, i) =>
        i % 7 === 0 ? undefined : { name: "指标" + i, cells: { actual: [i, null, "≥95%"] } }
      ),
      forms: [{ rows: Array.from({ length: 1201 }, (_, i) => [i, { i }]) }],
    };
    const pieces = Array.from(jsonChunks(value));
    const whole = JSON.stringify(value, null, 2);
    expect(pieces.join("")).toBe(whole);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(whole.length / 4);
    // Short enough to be made in V8's young generation (128 KiB at most, two bytes a character),
    // but for an element that is long itself (the one form's 1,201 rows).
    const { forms, ...rest } = value;
    const short = Array.from(jsonChunks(rest));
    expect(short.join("")).toBe(JSON.stringify(rest, null, 2));
    expect(Math.max(...short.map((piece) => piece.length))).toBeLessThan(40000);
    expect(forms).toHaveLength(1);
  });
});
