import * as path from "path";
import { checkCorpus, formatCorpusReport } from "../../src/corpus/checkCorpus";

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
