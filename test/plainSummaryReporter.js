// Prints the plain closing line CI reads ("N passed, N failed"), after jest's own summary.
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(
      "\njest: " +
        results.numPassedTests +
        " passed, " +
        (results.numFailedTests + results.numRuntimeErrorTestSuites) +
        " failed" +
        (skipped > 0 ? ", " + skipped + " skipped" : "") +
        "\n"
    );
  }
}

module.exports = PlainSummaryReporter;
