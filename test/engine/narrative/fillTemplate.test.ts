import { fillTemplate, templatePlaceholders } from "../../../src/engine/narrative/fillTemplate";
import { chineseNumeral } from "../../../src/engine/narrative/chineseNumeral";

describe("fillTemplate", () => {
  it("fills placeholders with their values", () => {
    expect(fillTemplate("{name}，分值{max}分", { name: "预算编制", max: "3" })).toBe(
      "预算编制，分值3分"
    );
  });

  it("keeps a bracketed part only when all its placeholders have values", () => {
    const template = "{unit}[{year}年度]部门整体支出绩效自评表说明";
    expect(fillTemplate(template, { unit: "某区教育局", year: "2024" })).toBe(
      "某区教育局2024年度部门整体支出绩效自评表说明"
    );
    expect(fillTemplate(template, { unit: "某区教育局", year: null })).toBe(
      "某区教育局部门整体支出绩效自评表说明"
    );
    expect(fillTemplate("[年初{initial}万元，][全年{budget}万元，]", { budget: "760" })).toBe(
      "全年760万元，"
    );
  });

  it("inserts values as they are, never reading them as template syntax", () => {
    expect(fillTemplate("原因是{reason}", { reason: "[{year}]{name}" })).toBe(
      "原因是[{year}]{name}"
    );
  });

  it("leaves an unknown or missing placeholder blank", () => {
    expect(fillTemplate("{a}-{b}", { a: "x" })).toBe("x-");
  });

  it("fills as replacing placeholders and groups in the template's text does", () => {
    // The definition fillTemplate had before it cut each template once.
    const reference = (
      template: string,
      values: Record<string, string | null>,
      defaults: Record<string, string | null>
    ): string => {
      const valueOf = (name: string) =>
        Object.prototype.hasOwnProperty.call(values, name) ? values[name] : defaults[name];
      const present = (value: string | null | undefined) =>
        value !== null && value !== undefined && value !== "";
      const substitute = (text: string) =>
        text.replace(/\{([A-Za-z]+)\}/g, (_m, name: string) => {
          const value = valueOf(name);
          return present(value) ? (value as string) : "";
        });
      const pieces: string[] = [];
      let last = 0;
      template.replace(/\[([^[\]]*)\]/g, (match, inner: string, offset: number) => {
        pieces.push(substitute(template.slice(last, offset)));
        const complete = templatePlaceholders(inner).every((name) => present(valueOf(name)));
        pieces.push(complete ? substitute(inner) : "");
        last = offset + match.length;
        return match;
      });
      pieces.push(substitute(template.slice(last)));
      return pieces.join("");
    };
    const templates = [
      "",
      "{a}",
      "[{a}]",
      "[固定]文字",
      "{a}{b}[{a}和{b}]{c}",
      "[{a}{b}][{c}]",
      "{1}{a b}{}[{a}",
      "]{a}[",
      "[[{a}]]",
      "{a}[{b}年度]{c}[，{a}]。",
      "$&{a}$1",
    ];
    const valueSets: Array<[Record<string, string | null>, Record<string, string | null>]> = [
      [{}, {}],
      [{ a: "甲", b: "乙", c: "丙" }, {}],
      [
        { a: "", b: null },
        { a: "默认", b: "默认", c: "[{a}]$&" },
      ],
      [{ b: "乙" }, { a: "甲" }],
    ];
    for (const template of templates)
      for (const [values, defaults] of valueSets) {
        expect(fillTemplate(template, values, defaults)).toBe(
          reference(template, values, defaults)
        );
        // A second time, from the template already cut.
        expect(fillTemplate(template, values, defaults)).toBe(
          reference(template, values, defaults)
        );
      }
  });

  it("lists the placeholders a template uses", () => {
    expect(templatePlaceholders("[{year}年度]{subject}{year}")).toEqual([
      "year",
      "subject",
      "year",
    ]);
  });
});

describe("chineseNumeral", () => {
  it.each([
    [1, "一"],
    [9, "九"],
    [10, "十"],
    [11, "十一"],
    [20, "二十"],
    [34, "三十四"],
    [99, "九十九"],
  ])("writes %i as %s", (n, text) => expect(chineseNumeral(n)).toBe(text));

  it("falls back to Arabic numbers outside 1–99", () => {
    expect(chineseNumeral(0)).toBe("0");
    expect(chineseNumeral(100)).toBe("100");
    expect(chineseNumeral(1.5)).toBe("1.5");
  });
});

describe("fillTemplate's defaults", () => {
  it("fill what the values do not name, and an explicit null in the values wins", () => {
    const defaults = { unit: "某区教育局", year: "2024" };
    expect(fillTemplate("{unit}[{year}年度]说明", {}, defaults)).toBe("某区教育局2024年度说明");
    expect(fillTemplate("{unit}[{year}年度]说明", { year: null }, defaults)).toBe("某区教育局说明");
  });
});
