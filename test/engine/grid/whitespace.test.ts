import { isWhitespaceCode } from "../../../src/engine/grid/whitespace";

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
