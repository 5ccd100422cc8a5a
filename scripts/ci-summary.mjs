// Sums the JSON reports of every suite (vitest, Playwright lanes) into one line: "N passed, N failed[, N skipped]".
// A failing `npm test` whose failure left no report (lint, typecheck, build) still counts as one failure.
import { existsSync, readFileSync, readdirSync } from 'node:fs';

const exitStatus = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;

const reports = existsSync('.reports') ? readdirSync('.reports').filter((f) => f.endsWith('.json')) : [];
for (const file of reports) {
  const report = JSON.parse(readFileSync(`.reports/${file}`, 'utf8'));
  if ('numPassedTests' in report) {
    // vitest
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  } else if (report.stats) {
    // Playwright
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
  }
}
if (exitStatus !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
