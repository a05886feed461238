import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { cdnowSummary, rfmPackageOrders } from '../../../packages/core/bench/shared-data.ts';
import { parseDayNumber } from '../../../packages/core/src/rfm/day-number.ts';
import type { Harness } from './analytics-harness';
import { buildHarness, harnessCall, openHarness as openHarnessAt, ROOT } from './vite-harness';

// The analytics Web Worker in Debian Chromium: a harness page bundled with Vite and served at its own
// origin through routing (as storage.spec.ts does), scoring the rfm package's orders and fitting CDNOW.
// One build per Playwright worker process: workers run this file's tests in parallel, and each beforeAll empties its folder.
const OUT = join(ROOT, '.cache/e2e/core-analytics', String(process.pid));
const ORIGIN = 'http://cordial-analytics.test';

test.beforeAll(() => buildHarness('tests/e2e/core/analytics-harness.ts', OUT, { page: 'analytics harness' }));

const openHarness = (page: Page) => openHarnessAt(page, ORIGIN, OUT);
const call = harnessCall<Harness>();

test('should score the rfm package orders in the worker, moving the arrays instead of copying them', async ({
  page,
}) => {
  await openHarness(page);
  const orders = rfmPackageOrders();
  const ids = [...new Set(orders.map((o) => o.customerId))];
  const index = new Map(ids.map((id, i) => [id, i]));
  const result = await call(
    page,
    'scoreColumns',
    ids.length,
    orders.map((o) => index.get(o.customerId) as number),
    orders.map((o) => o.day),
    orders.map((o) => o.amount),
    parseDayNumber('2006-12-31') as number,
  );
  expect(result.detachedWhileAway).toBe(true);
  expect(result.returnedOrders).toBe(4906);
  expect(result.resultIsTypedArray).toBe(true);
  expect(result.counts).toMatchObject({ Champions: 35, Lost: 148, 'Potential Loyalist': 342 });
  expect(result.thresholds.frequency).toEqual([4, 5, 6, 8]);
});

test('should fit BG/NBD on CDNOW in the worker to the published parameters', async ({ page }) => {
  await openHarness(page);
  const fit = await call(
    page,
    'fitBgNbd',
    cdnowSummary().map(({ x, tx, T }) => ({ x, tx, T })),
  );
  expect(fit.ok).toBe(true);
  if (!fit.ok) return;
  expect(Number(fit.params.r.toPrecision(3))).toBe(0.243);
  expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
});
