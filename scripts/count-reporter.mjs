// Writes the run's test totals to a file, so `npm test` can add them to the
// end-to-end totals and print the one `N passed, N failed` line CI reads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const COUNT_FILE = process.env.AIP_COUNT_FILE ?? '.data/test-counts/unit.json';

function tally(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite?.suites ?? []) tally(child, totals);
}

/** @returns {import('@web/test-runner').Reporter} */
export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, fileErrors: 0 };
      for (const session of sessions) {
        tally(session.testResults, totals);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.fileErrors += 1;
      }
      mkdirSync(dirname(COUNT_FILE), { recursive: true });
      writeFileSync(COUNT_FILE, JSON.stringify(totals));
    },
  };
}
