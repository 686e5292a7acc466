import {
  BUNDLED_RULE_SET_FILES,
  DEFAULT_RULE_SET,
  RULE_SETS,
  RULE_SET_IDS,
  resolveRuleSet,
} from "../../../src/engine/rules/ruleSets";
import {
  executionCapFor,
  mergeRuleSet,
  ratingByBands,
  RULE_SET_KEYS,
} from "../../../src/engine/rules/ruleSet";
import {
  checkRuleSet,
  InvalidRuleSetError,
  loadRuleSetFile,
  ruleSetOverrideSchema,
} from "../../../src/engine/rules/ruleSetSchema";

describe("the bundled rule sets", () => {
  it.each(RULE_SET_IDS)("%s is valid as written and as resolved", (id) => {
    expect(ruleSetOverrideSchema.safeParse(BUNDLED_RULE_SET_FILES[id]).success).toBe(true);
    expect(checkRuleSet(RULE_SETS[id])).toEqual(RULE_SETS[id]);
    expect(RULE_SETS[id].id).toBe(id);
  });

  it.each(RULE_SET_IDS)("%s states where each of its rules comes from", (id) => {
    const own = BUNDLED_RULE_SET_FILES[id].sources as Array<{ rule: string; where: string }>;
    expect(own.length).toBeGreaterThan(0);
    own.forEach((source) => expect(source.where).toMatch(/https?:\/\/|id \d+|财预|scoring-rules/));
  });

  it("national is the default and scores as the project did, plus 等于 and not-applicable", () => {
    expect(DEFAULT_RULE_SET).toBe(RULE_SETS.national);
    expect(RULE_SETS.national).toMatchObject({
      ratingBands: [
        { label: "优", min: 90 },
        { label: "良", min: 80 },
        { label: "中", min: 60 },
        { label: "差", min: 0 },
      ],
      negativeFormula: "ratio",
      rescaleNotApplicable: true,
      flagEqualMismatch: false,
      executionCaps: [],
      deviation: null,
      overCompletion: null,
      scoreAheadOfSpending: null,
      budgetReasonBelow: null,
      deductionColumn: false,
    });
  });

  it("yitihua adds the caps, 指标偏离 −2 and the 120 % warning to national", () => {
    expect(RULE_SETS.yitihua).toMatchObject({
      executionCaps: [
        { below: 0.5, max: 59 },
        { below: 0.6, max: 69 },
        { below: 0.7, max: 79 },
        { below: 0.8, max: 89 },
      ],
      deviation: { atRatio: 1.3, deduct: 2 },
      overCompletion: { warnAtRatio: 1.2, reasonAtRatio: null, reasonAtZeroTarget: null },
      scoreAheadOfSpending: null,
    });
    // Everything else is national's, sources included.
    expect(RULE_SETS.yitihua.ratingBands).toEqual(RULE_SETS.national.ratingBands);
    expect(RULE_SETS.yitihua.sources.slice(0, RULE_SETS.national.sources.length)).toEqual(
      RULE_SETS.national.sources
    );
  });

  it("the provinces add what their sources say", () => {
    expect(RULE_SETS.guangxi).toMatchObject({
      overCompletion: { warnAtRatio: 1.2, reasonAtRatio: 1.3, reasonAtZeroTarget: 30 },
      deductionColumn: true,
      executionCaps: [],
    });
    expect(RULE_SETS.sichuan).toMatchObject({ budgetReasonBelow: 0.9, executionCaps: [] });
    expect(RULE_SETS.tianjin).toMatchObject({ flagEqualMismatch: true });
  });

  it("name every key a rule set has", () => {
    RULE_SET_IDS.forEach((id) =>
      expect(Object.keys(RULE_SETS[id]).sort()).toEqual(RULE_SET_KEYS.slice().sort())
    );
  });
});

describe("executionCapFor", () => {
  const caps = RULE_SETS.yitihua.executionCaps;
  it.each([
    [1.2, null],
    [0.8, null],
    [0.79999, 89],
    [0.7, 89],
    [0.69999, 79],
    [0.6, 79],
    [0.59999, 69],
    [0.5, 69],
    [0.49999, 59],
    [0, 59],
  ])("rate %d → cap %s", (rate, cap) => {
    expect(executionCapFor(rate, caps)).toBe(cap);
  });

  it("takes the lowest cap whatever the order, and none from an empty list", () => {
    expect(executionCapFor(0.4, caps.slice().reverse())).toBe(59);
    expect(executionCapFor(0.4, [])).toBeNull();
  });
});

describe("ratingByBands", () => {
  it.each([
    [100, "优"],
    [90, "优"],
    [89.99, "良"],
    [80, "良"],
    [79.99, "中"],
    [60, "中"],
    [59.99, "差"],
    [0, "差"],
  ])("rates %d as %s under national", (total, label) => {
    expect(ratingByBands(total, RULE_SETS.national.ratingBands)).toBe(label);
  });
});

describe("mergeRuleSet", () => {
  it("adds sources, merges objects key by key and replaces the rest", () => {
    const merged = mergeRuleSet(RULE_SETS.yitihua, {
      id: "mine",
      sources: [{ rule: "r", says: "s", where: "w" }],
      deviation: { deduct: 3 },
      executionCaps: [{ below: 0.6, max: 70 }],
    });
    expect(merged.sources).toHaveLength(RULE_SETS.yitihua.sources.length + 1);
    expect(merged.deviation).toEqual({ atRatio: 1.3, deduct: 3 });
    expect(merged.executionCaps).toEqual([{ below: 0.6, max: 70 }]);
    expect(merged.id).toBe("mine");
    // The bundled set is untouched.
    expect(RULE_SETS.yitihua.deviation).toEqual({ atRatio: 1.3, deduct: 2 });
  });

  it("turns a rule off with null", () => {
    expect(resolveRuleSet({ extends: "yitihua", deviation: null }).deviation).toBeNull();
  });
});

describe("loadRuleSetFile (a bureau's own rule set)", () => {
  it("takes only what differs, over national or the set it extends", () => {
    const set = loadRuleSetFile(
      JSON.stringify({ extends: "yitihua", name: "某市财政局", deviation: { deduct: 1 } }),
      "shi"
    );
    expect(set).toMatchObject({
      id: "shi",
      name: "某市财政局",
      deviation: { atRatio: 1.3, deduct: 1 },
      executionCaps: RULE_SETS.yitihua.executionCaps,
    });
    expect(loadRuleSetFile("{}", "plain").negativeFormula).toBe("ratio");
    expect(loadRuleSetFile('\n{ "negativeFormula": "linear" }', "x").negativeFormula).toBe(
      "linear"
    );
  });

  it("refuses unknown keys, naming them, at the top and inside", () => {
    expect(() => loadRuleSetFile(JSON.stringify({ caps: [] }), "x")).toThrow(
      new InvalidRuleSetError("（顶层） 有未知的键 caps")
    );
    expect(() =>
      loadRuleSetFile(JSON.stringify({ deviation: { atRatio: 1.3, points: 2 } }), "x")
    ).toThrow(/deviation 有未知的键 points/);
    expect(() =>
      loadRuleSetFile(JSON.stringify({ executionCaps: [{ below: 0.8, max: 89, note: "" }] }), "x")
    ).toThrow(/executionCaps\.0 有未知的键 note/);
  });

  it("refuses values of the wrong kind, naming the key", () => {
    expect(() => loadRuleSetFile(JSON.stringify({ negativeFormula: "inverse" }), "x")).toThrow(
      /negativeFormula 格式不对/
    );
    expect(() => loadRuleSetFile(JSON.stringify({ budgetReasonBelow: 90 }), "x")).toThrow(
      /budgetReasonBelow 格式不对/
    );
    expect(() => loadRuleSetFile(JSON.stringify({ extends: "beijing" }), "x")).toThrow(
      /extends 只能是 national、yitihua/
    );
    expect(() =>
      loadRuleSetFile(
        JSON.stringify({
          ratingBands: [
            { label: "良", min: 80 },
            { label: "优", min: 90 },
            { label: "差", min: 0 },
          ],
        }),
        "x"
      )
    ).toThrow(/ratingBands 格式不对（评级须按下限从高到低排列）/);
    expect(() =>
      loadRuleSetFile(JSON.stringify({ ratingBands: [{ label: "优", min: 90 }] }), "x")
    ).toThrow(/最后一档评级的下限须为0/);
  });

  it("checks the merged set: half an object over national's null is incomplete", () => {
    expect(() => loadRuleSetFile(JSON.stringify({ deviation: { atRatio: 1.3 } }), "x")).toThrow(
      /deviation\.deduct 格式不对/
    );
  });

  it("says when the file is not JSON", () => {
    expect(() => loadRuleSetFile("{ id: ", "x")).toThrow(/不是有效的 JSON/);
  });

  it("names a set without an id after its file, keeping only the characters an id may have", () => {
    expect(loadRuleSetFile("{}", "市财政局2025").id).toBe("2025");
    expect(loadRuleSetFile("{}", "财政局").id).toBe("custom");
  });
});
