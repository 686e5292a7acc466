import { isBlankText, isWhitespaceCode } from "../../../src/engine/grid/whitespace";

describe("isWhitespaceCode", () => {
  it("is true exactly for what \\s matches, over every UTF-16 code unit", () => {
    const differ: number[] = [];
    for (let code = 0; code < 0x10000; code++)
      if (isWhitespaceCode(code) !== /\s/.test(String.fromCharCode(code))) differ.push(code);
    expect(differ).toEqual([]);
  });

  it("is false for no character (NaN, past the end of a text)", () => {
    expect(isWhitespaceCode("".charCodeAt(0))).toBe(false);
  });
});

describe("isBlankText", () => {
  const blank = (text: string) => !/[^\s\u3000]/.test(text);

  it("is true for the empty text and for white space only, the ideographic space included", () => {
    for (const text of ["", " ", "\u3000", "\t\r\n", "\u00a0\ufeff", " \u3000 "])
      expect(isBlankText(text)).toBe(true);
  });

  it("is false once any character is no space, first or later", () => {
    for (const text of ["a", "指标", " a", "\u3000指", "\t\u0000", "0", "\u0001 "])
      expect(isBlankText(text)).toBe(false);
  });

  it("agrees with the pattern for every UTF-16 code unit, alone, after a space and before one", () => {
    const differ: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const unit = String.fromCharCode(code);
      for (const text of [unit, " " + unit, unit + " "])
        if (isBlankText(text) !== blank(text)) differ.push(code);
    }
    expect(differ).toEqual([]);
  });
});
