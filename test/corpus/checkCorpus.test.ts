import * as path from "path";
import { checkCorpus, formatCorpusReport, judge } from "../../src/corpus/checkCorpus";
import { scoreWorkbook } from "../../src/engine";
import { sheetFromRows, workbookOf } from "../helpers/gridFromRows";

/**
 * `npm run corpus` inside `npm test`: every real published table in test/fixtures/real/ must be
 * read as a finance officer reads it by hand (the expectations are in each table's JSON).
 */
describe("the corpus of real published tables (npm run corpus)", () => {
  it("reads every table right", async () => {
    const verdicts = await checkCorpus(path.join(__dirname, "..", "fixtures", "real"));
    expect(verdicts.length).toBeGreaterThan(0);
    const report = formatCorpusReport(verdicts);
    // The report names what is wrong with each table: shown in full when this fails.
    expect(report).toMatch(new RegExp("corpus: " + verdicts.length + "/" + verdicts.length + " "));
  }, 60000);

  it("reads every table right without merged areas too (Excel 2016 gives an add-in none)", async () => {
    const verdicts = await checkCorpus(path.join(__dirname, "..", "fixtures", "real"), {
      withoutMerges: true,
    });
    const report = formatCorpusReport(verdicts);
    expect(report).toMatch(new RegExp("corpus: " + verdicts.length + "/" + verdicts.length + " "));
  }, 60000);
});

describe("the corpus judge", () => {
  it("decides on the kind of form: a department table scored as a project is wrong", () => {
    const sheet = sheetFromRows("Sheet1", [
      ["项目支出绩效自评表"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "培训人次", "≥100人次", "100人次", 100, 100],
    ]);
    const result = scoreWorkbook(workbookOf(sheet));
    const spec = {
      id: "t",
      expect: {
        forms: [
          {
            sheet: "Sheet1",
            profile: "department",
            indicatorCount: 1,
            total: 100,
            rating: "优",
            flagged: [],
            notFlagged: [],
          },
        ],
      },
    };
    const verdict = judge(spec, result);
    expect(verdict.right).toBe(false);
    expect(verdict.wrong).toEqual(["profile project, expected department"]);
    expect(
      judge(
        { ...spec, expect: { forms: [{ ...spec.expect.forms[0], profile: "project" }] } },
        result
      ).right
    ).toBe(true);
  });
});
