import {
  NEEDS_NORMALISING,
  needsNormalising,
  normaliseText,
} from "../../../src/engine/values/normaliseText";

describe("needsNormalising", () => {
  it("answers as the regular expression does for every character of the Basic Multilingual Plane", () => {
    const differing: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const character = String.fromCharCode(code);
      if (needsNormalising(character) !== NEEDS_NORMALISING.test(character))
        differing.push(code.toString(16));
    }
    // U+180E, white space to older engines, is looked at, and normaliseText keeps it where \s
    // does not match it.
    expect(differing).toEqual(/\s/.test("\u180e") ? [] : ["180e"]);
    expect(normaliseText("a\u180eb")).toBe(/\s/.test("\u180e") ? "ab" : "a\u180eb");
  });

  it("is true wherever the regular expression is", () => {
    for (let code = 0; code <= 0xffff; code++) {
      const character = String.fromCharCode(code);
      if (NEEDS_NORMALISING.test(character)) expect(needsNormalising(character)).toBe(true);
    }
  });

  it("looks at every character of a text", () => {
    expect(needsNormalising("指标12")).toBe(false);
    expect(needsNormalising("")).toBe(false);
    expect(needsNormalising("部门名称：基准测试局")).toBe(true);
    expect(needsNormalising("≥95%\n")).toBe(true);
    expect(needsNormalising("a\u3000b")).toBe(true);
  });
});

describe("normaliseText", () => {
  it("returns a text that needs nothing as it is, and maps or removes what it must", () => {
    const text = "按要求开展";
    expect(normaliseText(text)).toBe(text);
    expect(normaliseText("≥ ９５％")).toBe("≥95%");
    expect(normaliseText("３。５ 万元")).toBe("3.5万元");
    expect(normaliseText("﹦100﹪")).toBe("=100%");
    expect(normaliseText("═100%")).toBe("=100%");
    expect(normaliseText("≧90%\u200b")).toBe("≥90%");
  });
});
