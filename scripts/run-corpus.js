// `npm run corpus`: scores every real published table in test/fixtures/real/ (after
// `npm run build:cli`) and prints what is wrong with each, then "corpus: N/M real tables right".
// Exits 1 when a table is not right.
const path = require("path");
const { checkCorpus, formatCorpusReport } = require("../lib/corpus/checkCorpus.js");

const dir = path.join(__dirname, "..", "test", "fixtures", "real");
checkCorpus(dir).then(
  (verdicts) => {
    console.log(formatCorpusReport(verdicts));
    process.exitCode = verdicts.every((verdict) => verdict.right) ? 0 : 1;
  },
  (error) => {
    console.error(error);
    process.exitCode = 2;
  }
);
