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
