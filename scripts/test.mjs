// `npm test`: everything, on a fresh clone too. Installs what is missing, then runs the
// type-check, lint + format check, the build, the unit tests (Vitest, including the size
// budgets on the built bundles) and the browser tests (Playwright in Debian Chromium).
// Ends with one line counting every test of every runner: `N passed, N failed, N skipped`.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from './build.mjs';
import { ensureChromium, ensureDependencies, ROOT } from './lib/ensure.mjs';
import { run } from './lib/run.mjs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const reports = join(ROOT, '.cache', 'test-reports');

/** A whole-step check (type-check, lint, build) counts as one test. */
function check(name, ok) {
  if (ok) totals.passed++;
  else {
    totals.failed++;
    failures.push(name);
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

async function main() {
  await ensureDependencies();
  await ensureChromium();
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });

  check('type-check', (await run('node', ['scripts/typecheck.mjs'], { label: 'type-check', cwd: ROOT })) === 0);
  check(
    'lint and format',
    (await run('npx', ['biome', 'ci', '--colors=off', '.'], { label: 'lint and format (biome ci)', cwd: ROOT })) === 0,
  );

  let built = true;
  try {
    console.log('\n▶ build');
    await build();
  } catch (error) {
    console.error(`✖ ${error.message}`);
    built = false;
  }
  check('build', built);

  const vitestReport = join(reports, 'vitest.json');
  const vitestCode = await run(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
    { label: 'unit tests and size budgets (vitest)', cwd: ROOT },
  );
  const vitest = readJson(vitestReport);
  if (vitest) {
    totals.passed += vitest.numPassedTests;
    totals.failed += vitest.numFailedTests;
    totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
    if (vitest.numFailedTests > 0 || vitest.numFailedTestSuites > 0) failures.push('vitest');
    // A file that fails to load ran no test, so count each such file as one failure.
    totals.failed += (vitest.testResults ?? []).filter(
      (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
    ).length;
  } else check('vitest (no report)', vitestCode === 0);

  if (built) {
    const playwrightReport = join(reports, 'playwright.json');
    const playwrightCode = await run('npx', ['playwright', 'test'], {
      label: 'browser tests (Playwright, Debian Chromium)',
      cwd: ROOT,
      env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
    });
    const stats = readJson(playwrightReport)?.stats;
    if (stats) {
      totals.passed += stats.expected + stats.flaky;
      totals.failed += stats.unexpected;
      totals.skipped += stats.skipped;
      if (stats.unexpected > 0) failures.push('playwright');
      if (playwrightCode !== 0 && stats.unexpected === 0) check('playwright run', false);
    } else check('playwright (no report)', playwrightCode === 0);
  } else {
    console.log('\n(browser tests not run: the build failed)');
  }
}

try {
  await main();
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  totals.failed++;
  failures.push('setup');
}
if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
