// `npm test`: every suite, then one line `N passed, N failed` totalling them.
//   1. web-test-runner: unit, element and API tests in headless Chromium,
//      against the reference marketplace mounted in-process.
//   2. end-to-end (every e2e/*.test.ts): the demo sites served by Vite, and built
//      under a strict CSP, driven in Chromium by Playwright.
// Exits non-zero when any test fails or any runner fails to run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';

const COUNTS = '.data/test-counts';
rmSync(COUNTS, { recursive: true, force: true });
mkdirSync(COUNTS, { recursive: true });

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: process.env });
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

const bin = (name) => `node_modules/.bin/${name}`;
const totals = { passed: 0, failed: 0 };
/** Each failed test, named: listed again at the end, where a log cut to its last lines still shows it. */
const failures = [];
let runnersFailed = 0;

// 0. The custom-elements manifest some tests read (generated from the JSDoc, not committed).
if ((await run(bin('cem'), ['analyze', '--quiet'])) !== 0) runnersFailed += 1;

// 1. Browser tests.
const wtrExit = await run(bin('wtr'), []);
if (existsSync(`${COUNTS}/unit.json`)) {
  const unit = JSON.parse(readFileSync(`${COUNTS}/unit.json`, 'utf8'));
  totals.passed += unit.passed;
  totals.failed += unit.failed + unit.fileErrors;
  failures.push(...(unit.failures ?? []));
  if (wtrExit !== 0 && unit.failed + unit.fileErrors === 0) runnersFailed += 1;
} else {
  runnersFailed += 1;
}

// 2. End-to-end tests (node:test through tsx, TAP copy to a file for counting).
const tap = `${COUNTS}/e2e.tap`;
const e2eExit = await run(bin('tsx'), [
  '--test',
  '--test-concurrency=1',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${tap}`,
  ...readdirSync('e2e')
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => `e2e/${name}`),
]);
if (existsSync(tap)) {
  const text = readFileSync(tap, 'utf8');
  const count = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  // Leaf and parent alike: a failed subtest's suite is reported failed too.
  for (const [, name] of text.matchAll(/^\s*not ok \d+ - (.*)$/gm)) failures.push(`e2e: ${name}`);
  if (e2eExit !== 0 && count('fail') + count('cancelled') === 0) runnersFailed += 1;
} else {
  runnersFailed += 1;
}

if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `- ${f}`).join('\n')}\n`);
if (runnersFailed > 0) console.error(`${runnersFailed} test runner(s) failed before reporting results.`);
console.log(`${totals.passed} passed, ${totals.failed + runnersFailed} failed`);
process.exit(totals.failed + runnersFailed > 0 ? 1 : 0);
