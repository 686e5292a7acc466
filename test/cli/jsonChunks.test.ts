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
  ])("writes %s as JSON.stringify(value, null, 2) does", (_name, value) => {
    expect(text(value)).toBe(JSON.stringify(value, null, 2));
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
    const pieces = Array.from(jsonChunks(report));
    expect(pieces.join("")).toBe(JSON.stringify(report, null, 2));
    expect(pieces.length).toBeGreaterThan(Object.keys(report).length);
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
  });
});
