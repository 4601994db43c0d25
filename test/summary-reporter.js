/**
 * Prints one plain closing line ("tests: N passed, N failed, N skipped") so that CI tooling which
 * does not parse Jest's own summary can still read the outcome.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(
      `\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`,
    );
  }
}
module.exports = SummaryReporter;
