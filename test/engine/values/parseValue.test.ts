import fc from "fast-check";
import { parseCellValue, parseText } from "../../../src/engine/values/parseValue";

function number(text: string) {
  const parsed = parseText(text);
  if (parsed.kind !== "number") throw new Error(text + " parsed as " + parsed.kind);
  return parsed;
}

describe("parseText", () => {
  it.each([
    ["96.90%", 0.969, true, null, null],
    ["≥95%", 0.95, true, null, ">="],
    ["5分", 5, false, "分", null],
    ["１００％", 1, true, null, null],
    ["﹦8个", 8, false, "个", "="],
    ["＝8个", 8, false, "个", "="],
    ["≤30万元", 30, false, "万元", "<="],
    ["≥50个", 50, false, "个", ">="],
    ["≥100百分比", 1, true, null, ">="],
    ["0起", 0, false, "起", null],
    ["≤0%", 0, true, null, "<="],
    ["-1.28%", -0.0128, true, null, null],
    ["−1.28%", -0.0128, true, null, null],
    ["1,000", 1000, false, null, null],
    ["1,234,567.5元", 1234567.5, false, "元", null],
    ["不低于95%", 0.95, true, null, ">="],
    ["不少于3000个", 3000, false, "个", ">="],
    ["不高于5%", 0.05, true, null, "<="],
    ["不超过30万元", 30, false, "万元", "<="],
    ["达到100%", 1, true, null, ">="],
    ["> 90 %", 0.9, true, null, ">"],
    ["<5天", 5, false, "天", "<"],
    ["3年", 3, false, "年", null],
    ["95%以上", 0.95, true, null, ">="],
    ["20万元以内", 20, false, "万元", "<="],
    [" 9 . 5 ", 9.5, false, null, null],
    ["≧95％", 0.95, true, null, ">="],
    // Look-alike operators typed for = ≥ ≤ (issue 9): ═ (U+2550), ⩾, ⩽, ≦.
    ["═100%", 1, true, null, "="],
    ["⩾95%", 0.95, true, null, ">="],
    ["⩽3天", 3, false, "天", "<="],
    ["≦2%", 0.02, true, null, "<="],
    ["2760个", 2760, false, "个", null],
  ])("reads %s as a number", (text, value, percent, unit, comparator) => {
    const parsed = number(text);
    expect(parsed.value).toBeCloseTo(value, 10);
    expect(parsed.percent).toBe(percent);
    expect(parsed.unit).toBe(unit);
    expect(parsed.comparator).toBe(comparator);
  });

  it.each([
    "下降",
    "完善",
    "按要求开展",
    "达成预期指标",
    "达成",
    "部分达成",
    "未达成",
    "合法合规",
    "12月底前完成",
    "2024年12月",
    "完成",
    "无",
  ])("reads %s as words", (text) => {
    expect(parseText(text).kind).toBe("words");
  });

  it.each(["", "   ", "\u3000", "—", "--", "/"])("reads %j as empty", (text) => {
    expect(parseText(text).kind).toBe("empty");
  });

  it.each(["#DIV/0!", "#N/A", "#VALUE!", "#REF!"])("reads %s as an Excel error", (text) => {
    expect(parseText(text)).toEqual({ kind: "error", error: text });
  });

  it("keeps 2760/3000-style decimals tidy", () => {
    expect(number("0.1").value + number("0.2").value).toBeCloseTo(0.3, 12);
    expect(number("91.3%").value).toBe(0.913);
  });

  describe("edge cases", () => {
    it("never throws and always returns a known kind, on any string", () => {
      fc.assert(
        fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (text) => {
          const parsed = parseText(text);
          expect(["empty", "error", "number", "words"]).toContain(parsed.kind);
          if (parsed.kind === "number") expect(Number.isFinite(parsed.value)).toBe(true);
        }),
        { numRuns: 2000 }
      );
    });

    it("never throws on strings built from the characters templates use", () => {
      const pieces = fc.constantFrom(
        "≥",
        "≤",
        "<",
        ">",
        "=",
        "﹦",
        "％",
        "%",
        "１",
        "0",
        "9",
        ".",
        ",",
        "-",
        "万元",
        "个",
        "起",
        "不低于",
        "以上",
        " ",
        "\n",
        "百分比",
        "‰",
        "e",
        "E",
        "+"
      );
      fc.assert(
        fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
          const parsed = parseText(parts.join(""));
          if (parsed.kind === "number") expect(Number.isFinite(parsed.value)).toBe(true);
        }),
        { numRuns: 3000 }
      );
    });
  });
});

describe("parseCellValue", () => {
  it("treats a real number under a % format as a percentage", () => {
    expect(parseCellValue(0.95, "0.00%")).toMatchObject({
      kind: "number",
      value: 0.95,
      percent: true,
    });
    expect(parseCellValue(0.95, "General")).toMatchObject({
      kind: "number",
      value: 0.95,
      percent: false,
    });
  });

  it("ignores a % inside quoted text of a format", () => {
    expect(parseCellValue(5, '0"%"').kind).toBe("number");
    expect(parseCellValue(5, '0" %"')).toMatchObject({ percent: false });
  });

  it("reads blanks, errors and booleans", () => {
    expect(parseCellValue(null, "General").kind).toBe("empty");
    expect(parseCellValue({ error: "#DIV/0!" }, "General")).toEqual({
      kind: "error",
      error: "#DIV/0!",
    });
    expect(parseCellValue(true, "General").kind).toBe("words");
  });
});
