// Writes the run's test totals, and the name of each failed test, to a file, so
// `npm test` can add them to the end-to-end totals and print the one
// `N passed, N failed` line CI reads, with the failures listed just above it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

export const COUNT_FILE = process.env.AIP_COUNT_FILE ?? '.data/test-counts/unit.json';

/** Counts a suite's tests; each failed one is added to `totals.failures` as "file: suite › test: message". */
function tally(suite, totals, file, path = []) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else {
      totals.failed += 1;
      const message = String(test.error?.message ?? '').split('\n')[0];
      totals.failures.push(`${file}: ${[...path, test.name].join(' › ')}${message ? `: ${message}` : ''}`);
    }
  }
  for (const child of suite?.suites ?? []) tally(child, totals, file, [...path, child.name]);
}

/** @returns {import('@web/test-runner').Reporter} */
export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, fileErrors: 0, failures: [] };
      for (const session of sessions) {
        const file = relative(process.cwd(), session.testFile);
        tally(session.testResults, totals, file);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          totals.fileErrors += 1;
          totals.failures.push(`${file}: ${String(session.errors[0]?.message ?? 'failed to run').split('\n')[0]}`);
        }
      }
      mkdirSync(dirname(COUNT_FILE), { recursive: true });
      writeFileSync(COUNT_FILE, JSON.stringify(totals));
    },
  };
}
