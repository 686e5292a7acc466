import {
  InvalidNarrativeTemplateError,
  KNOWN_PLACEHOLDERS,
  loadNarrativeTemplateOverride,
} from "../../../src/engine/narrative/narrativeTemplateSchema";
import { narrativeTemplateFor } from "../../../src/engine/narrative/narrativeTemplate";
import { templatePlaceholders } from "../../../src/engine/narrative/fillTemplate";

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

describe("the built-in templates", () => {
  it.each(["department", "project"] as const)(
    "%s passes the override schema as a whole and uses only known placeholders",
    (profile) => {
      const template = narrativeTemplateFor(profile);
      expect(() => loadNarrativeTemplateOverride(JSON.stringify(template))).not.toThrow();
      const used = strings(template).flatMap(templatePlaceholders);
      expect(used.filter((name) => KNOWN_PLACEHOLDERS.indexOf(name) < 0)).toEqual([]);
    }
  );
});

describe("loadNarrativeTemplateOverride", () => {
  it("accepts a partial override", () => {
    expect(
      loadNarrativeTemplateOverride(
        '{"sections":{"problems":"二、存在的问题"},"limits":{"namesPerItem":3}}'
      )
    ).toEqual({ sections: { problems: "二、存在的问题" }, limits: { namesPerItem: 3 } });
  });

  it.each([
    ["not JSON", "{sections:", "不是有效的 JSON"],
    ["an unknown key", '{"section":{}}', "有未知的键 section"],
    ["a misspelt nested key", '{"problems":{"lostPoint":"x"}}', "problems 有未知的键 lostPoint"],
    ["a wrong type", '{"limits":{"namesPerItem":"5"}}', "limits.namesPerItem 格式不对"],
    [
      "an unknown placeholder",
      '{"conclusion":{"score":"得分{socre}分"}}',
      "conclusion.score 中的 {socre}",
    ],
  ])("refuses %s with a Chinese message naming the key", (_what, json, message) => {
    expect(() => loadNarrativeTemplateOverride(json)).toThrow(InvalidNarrativeTemplateError);
    expect(() => loadNarrativeTemplateOverride(json)).toThrow(message);
  });
});
