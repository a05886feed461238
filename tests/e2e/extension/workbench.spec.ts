import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

/** Opens a workbench view and waits until the first analysis has finished (the progress bar is gone). */
async function openWorkbench(page: Page, extensionId: string, view = 'today') {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`chrome-extension://${extensionId}/workbench.html#${view}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Cordial workbench' })).toBeVisible();
  await expect(page.getByText('Loading customers…')).toBeHidden({ timeout: 20_000 });
  await expect(page.getByText(/Recomputing analytics/)).toBeHidden({ timeout: 30_000 });
  return errors;
}

test('should show today’s follow-ups, newly at-risk customers with a reason and explained leads', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  const errors = await openWorkbench(page, extensionId);
  await expect(page.getByRole('heading', { level: 2, name: 'Today' })).toBeVisible();
  await expect(page.getByTestId('overdue').getByRole('listitem').first()).toBeVisible();
  // The demo brings a handful of follow-ups forward to later today.
  const dueToday = page.getByTestId('due-today').getByRole('listitem');
  await expect(dueToday.first()).toBeVisible();
  expect(await dueToday.count()).toBeGreaterThanOrEqual(3);
  const risk = page.getByTestId('at-risk');
  await expect(risk.getByRole('row').nth(1)).toContainText(/chance still active fell|moved to/);
  await risk.getByRole('button', { name: 'Create call task' }).first().click();
  await expect(risk.getByRole('button', { name: 'Task created for tomorrow' }).first()).toBeVisible();
  const lead = page.getByTestId('leads').getByRole('listitem').first();
  await expect(lead).toContainText(/engagement \d+\/40/);
  await expect(lead).toContainText(/fit \d+\/35/);
  await expect(lead).toContainText(/recency \d+\/25/);
  expect(errors).toEqual([]);
});

test('should filter the customers table, open a customer with explained figures and keep a saved view', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  const errors = await openWorkbench(page, extensionId, 'customers');
  const count = page.getByTestId('customer-count');
  await expect(count).toContainText(/^\d[\d,.\s]* of \d/);
  const all = await count.textContent();
  await page.getByLabel('Churn risk', { exact: true }).selectOption('high');
  await expect(count).not.toHaveText(all ?? '');
  const table = page.getByRole('region', { name: /Customers: \d+ rows/ });
  for (const cell of await table.locator('tbody tr:not(.spacer) td:nth-child(5)').allTextContents())
    expect(cell).toBe('high');
  await page.getByLabel('Save these filters as').fill('High risk');
  await page.getByRole('button', { name: 'Save view' }).click();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText(all ?? '');
  await page.getByRole('button', { name: 'High risk', exact: true }).click();
  await expect(page.getByLabel('Churn risk', { exact: true })).toHaveValue('high');
  // Keyboard: focus the table, move down one row, open it.
  await table.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('customer-panel');
  await expect(panel).toContainText('Churn risk');
  await expect(panel).toContainText(/high: (usually buys|bought once)/);
  // The saved view survives a reload (extension storage).
  await page.reload();
  await expect(page.getByRole('button', { name: 'High risk', exact: true })).toBeVisible({ timeout: 20_000 });
  expect(errors).toEqual([]);
});

test('should show a hostile contact name as text in the customers table', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openWorkbench(page, extensionId, 'customers');
  await page.getByLabel('Search name, email, company').fill('mallory');
  const table = page.getByRole('region', { name: /Customers: 1 rows/ });
  await expect(table).toContainText('<img src=x onerror=alert(1)>');
  await expect(table.locator('img')).toHaveCount(0);
});

test('should build a cross-sell list, preview its size, export it as CSV and save it as an audience', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  const errors = await openWorkbench(page, extensionId, 'lists');
  const size = page.getByTestId('list-size');
  await expect(size).toContainText('who may be emailed');
  const bought = page.getByRole('group', { name: 'Bought any of' });
  const never = page.getByRole('group', { name: 'But never bought' });
  await expect(bought.getByRole('checkbox').first()).toBeVisible();
  const categories = await bought.getByRole('checkbox').evaluateAll((els) => els.length);
  expect(categories).toBeGreaterThan(1);
  await bought.getByRole('checkbox').nth(0).check();
  await never.getByRole('checkbox').nth(1).check();
  await expect(size).toContainText(/who bought .+ but never/);
  const people = Number((await size.locator('.strong').textContent())?.replace(/\D/g, ''));
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await downloadPromise;
  const csv = await (await file.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString('utf8').trim().split('\r\n');
  expect(lines[0]).toBe('id,name,email,company,segment,stage,churn risk,value');
  expect(lines.length - 1).toBe(people);
  await page.getByLabel('Save as campaign audience named').fill('Cross-sell');
  await page.getByRole('button', { name: 'Save audience' }).click();
  await expect(page.getByRole('heading', { name: 'Saved audiences' })).toBeVisible();
  await expect(page.getByText(`Cross-sell — ${people} people`)).toBeVisible();
  expect(errors).toEqual([]);
});

test('should define a campaign, record a response and show the campaign metrics', async ({ context, extensionId }) => {
  const page = await context.newPage();
  const errors = await openWorkbench(page, extensionId, 'campaigns');
  const metrics = page.getByTestId('campaign-metrics');
  await expect(metrics.getByRole('row').nth(1)).toBeVisible();
  // A bad form says what is wrong and saves nothing.
  await page.getByRole('button', { name: 'Save campaign' }).click();
  await expect(page.getByText('give the campaign a name')).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('Winter espresso');
  await page.getByLabel('Offer').fill('10 % off grinders');
  await page.getByRole('button', { name: 'Save campaign' }).click();
  await expect(page.getByText('Campaign “Winter espresso” saved.')).toBeVisible();
  const row = metrics.getByRole('row', { name: /Winter espresso/ });
  await expect(row).toContainText('0');
  await page.getByLabel('Campaign', { exact: true }).selectOption({ label: 'Winter espresso' });
  await page.getByLabel('Contact email').fill('ada.lovelace@analytical-engines.test');
  await page.getByLabel('Response', { exact: true }).selectOption('converted');
  await page.getByLabel(/^Revenue/).fill('120');
  await page.getByRole('button', { name: 'Record response' }).click();
  await expect(page.getByText('Response recorded.')).toBeVisible();
  await expect(row.getByRole('cell').nth(3)).toHaveText('1'); // responses
  await expect(row.getByRole('cell').nth(5)).toHaveText('1'); // purchases
  await expect(row.getByRole('cell').nth(6)).toContainText('120');
  expect(errors).toEqual([]);
});

test('should move an opportunity by keyboard and by drag and drop, and show the forecast', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  const errors = await openWorkbench(page, extensionId, 'pipeline');
  await expect(page.getByText('Weighted forecast', { exact: true })).toBeVisible();
  const leadColumn = page.locator('section[data-stage="lead"]');
  const qualified = page.locator('section[data-stage="qualified"]');
  const card = leadColumn.locator('.card').first();
  const name = (await card.locator('.strong').textContent()) as string;
  await card.focus();
  await page.keyboard.press('ArrowRight');
  await expect(qualified.getByText(name, { exact: true })).toBeVisible();
  await expect(page.locator(':focus')).toContainText(name);
  await expect(page.getByText(`${name} moved to qualified.`)).toBeAttached();
  const moved = qualified.locator('.card', { hasText: name });
  // The drag is dispatched as DOM drag events with one DataTransfer (the native gesture depends on
  // layout: columns reflow while the mouse moves).
  const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
  await moved.dispatchEvent('dragstart', { dataTransfer });
  const proposal = page.locator('section[data-stage="proposal"]');
  await proposal.dispatchEvent('dragover', { dataTransfer });
  await proposal.dispatchEvent('drop', { dataTransfer });
  await expect(page.locator('section[data-stage="proposal"]').getByText(name, { exact: true })).toBeVisible();
  // The move is stored: it survives a reload.
  await page.reload();
  await expect(page.locator('section[data-stage="proposal"]').getByText(name, { exact: true })).toBeVisible({
    timeout: 20_000,
  });
  await page.getByRole('button', { name: 'Table' }).click();
  await expect(page.getByTestId('pipeline-table').getByRole('row', { name: new RegExp(name) })).toBeVisible();
  expect(errors).toEqual([]);
});

test('should show the service metrics, the cases per agent and the queue', async ({ context, extensionId }) => {
  const page = await context.newPage();
  const errors = await openWorkbench(page, extensionId, 'service');
  await expect(page.getByRole('term').filter({ hasText: 'Mean time to resolution' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Cases by status' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Complaints by channel' })).toBeVisible();
  await expect(page.getByTestId('agents').getByRole('row')).not.toHaveCount(1);
  await expect(page.getByTestId('queue').getByRole('row').nth(1)).toBeVisible();
  expect(errors).toEqual([]);
});

test('should show the whole demo seed from its first analysis when opened while the background seeds', async ({
  context,
  extensionId,
}) => {
  // The background seeds on install, so this page opens while the seed may still be writing. Every
  // figure the page ever shows is recorded: one computed from contacts without their orders would
  // differ from the last. The race is timing-dependent (CI hit it once); with a 3 s pause between the
  // seed's stores this test failed every time before the seed took a lock and one transaction.
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(globalThis, { ordersSeen: seen });
    new MutationObserver(() => {
      const term = [...document.querySelectorAll('dt')].find((t) => t.textContent === 'Orders analysed');
      const value = term?.nextElementSibling?.textContent;
      if (value && seen.at(-1) !== value) seen.push(value);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const page = await context.newPage();
  await openWorkbench(page, extensionId, 'analysis');
  await expect(page.getByRole('term').filter({ hasText: 'Orders analysed' })).toBeVisible();
  const seen = await page.evaluate(() => (globalThis as unknown as { ordersSeen: string[] }).ordersSeen);
  expect(seen).toHaveLength(1);
  expect(Number(seen[0]?.replace(/\D/g, ''))).toBeGreaterThan(1000);
});

test('should draw the RFM grid and open the customers of a cell; every chart has a data table', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  const errors = await openWorkbench(page, extensionId, 'analysis');
  const grid = page.getByRole('table', { name: /RFM grid/ });
  const cell = grid.getByRole('button', { name: /Recency 5, frequency 5: \d+ customers/ });
  const label = (await cell.getAttribute('aria-label')) as string;
  const customers = Number(/: (\d+) customers/.exec(label)?.[1]);
  await cell.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Customers' })).toBeVisible();
  await expect(page.getByText('RFM cell R5 F5')).toBeVisible();
  await expect(page.getByTestId('customer-count')).toContainText(new RegExp(`^${customers} of`));
  await page.goBack();
  const figures = page.locator('figure.chart');
  await expect(figures).toHaveCount(7);
  for (const title of [
    'Segment sizes: now and a month ago',
    'Revenue per month',
    'Customer life cycle',
    'Lifetime value distribution (next year)',
  ]) {
    const figure = page.getByRole('figure', { name: title });
    await figure.getByText('Show the data as a table').click();
    await expect(figure.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  }
  // The picture agrees with its table: each bar's tooltip and the value written at its end.
  const segments = page.getByRole('figure', { name: 'Segment sizes: now and a month ago' });
  const first = segments.getByRole('table').getByRole('row').nth(1);
  const segment = (await first.getByRole('rowheader').textContent()) as string;
  const [monthAgo, now] = await first.getByRole('cell').allTextContents();
  await expect(segments.locator('svg title', { hasText: `${segment} (Customers now): ${now}` })).toHaveCount(1);
  await expect(segments.locator('svg title', { hasText: `${segment} (A month ago): ${monthAgo}` })).toHaveCount(1);
  await expect(segments.getByRole('img')).toHaveAccessibleName(/^Segment sizes: now and a month ago\. Largest change/);
  await expect(page.locator('.chart-plot svg .ct-series-main .ct-line')).toHaveCount(2); // revenue and orders
  await expect(page.getByText('Customer equity (next year)')).toBeVisible();
  expect(errors).toEqual([]);
});

test('should fill the call script with the customer’s fields and pick the situation from their data', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await openWorkbench(page, extensionId, 'data');
  await page.getByLabel('Your name (for call scripts)').fill('Robin');
  await page.getByLabel('Your company').fill('Bean There');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(/Settings saved/)).toBeVisible();
  await page.goto(`chrome-extension://${extensionId}/workbench.html#scripts`);
  await page.getByLabel('Find the customer you are calling').fill('alan@bletchley');
  await page.getByRole('button', { name: /Alan Turing/ }).click();
  const script = page.getByTestId('script');
  await expect(script).toContainText('Hello Alan, this is Robin from Bean There');
  await expect(script).not.toContainText('{');
  await page.getByLabel('Situation').selectOption('upsell');
  await expect(script).toContainText('Upsell for a loyal customer');
});

test('should recompute with an edited segment rule table and refuse an invalid one', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await openWorkbench(page, extensionId, 'data');
  const rules = page.getByTestId('rule-table');
  await rules.getByLabel('Name of rule 2', { exact: true }).fill('Champions');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(/segment names must be unique/)).toBeVisible();
  await rules.getByLabel('Name of rule 1', { exact: true }).fill('Top customers');
  await rules.getByLabel('Name of rule 2', { exact: true }).fill('Potential Loyalist');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(/Settings saved/)).toBeVisible();
  await expect(page.getByText(/Recomputing analytics/)).toBeHidden({ timeout: 30_000 });
  await page.goto(`chrome-extension://${extensionId}/workbench.html#customers`);
  await expect(
    page.getByLabel('Segment', { exact: true }).locator('option', { hasText: 'Top customers' }),
  ).toBeAttached();
});

test('should back up, report rejected rows on restore, merge a duplicate and undo it, and answer access and erasure requests', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  const errors = await openWorkbench(page, extensionId, 'data');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download a full backup' }).click();
  // core's backup is JSON Lines: a header, then one {store, record} per line.
  const [header, ...lines] = Buffer.concat(await (await (await downloadPromise).createReadStream()).toArray())
    .toString('utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(header.format).toBe('cordial-backup');
  const contacts = lines.filter((l) => l.store === 'contacts').map((l) => l.record);
  expect(contacts.length).toBeGreaterThan(100);
  expect(contacts.length).toBe(header.counts.contacts);
  // A backup with one good and one broken contact: the good one is restored, the broken one reported.
  const good = { ...contacts[0], id: 'restored-1', emails: ['restored@example.org'] };
  const bad = { ...contacts[1], id: 'broken-1', emails: ['not an email'] };
  await page.getByLabel('Restore or import a backup file').setInputFiles({
    name: 'partial.jsonl',
    mimeType: 'application/jsonl',
    buffer: Buffer.from(
      [
        { ...header, counts: { contacts: 2 } },
        { store: 'contacts', record: good },
        { store: 'contacts', record: bad },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n'),
    ),
  });
  const report = page.getByTestId('restore-report');
  await expect(report).toContainText('1 records restored; 1 rejected.');
  await expect(report.getByRole('row', { name: /broken-1/ })).toContainText('emails[0]');
  // The restored copy of the first contact has the same name: it is offered as a duplicate, with the reason.
  const pair = page.getByTestId('duplicates').getByRole('listitem').filter({ hasText: 'restored@example.org' });
  await expect(pair).toContainText('same name');
  // Merge the pair with core's mergeContacts, then undo it: both contacts are back, still offered as a pair.
  await pair.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByText(/^Merged .* into .*\.$/)).toBeVisible();
  const merged = page.getByTestId('merges').getByRole('listitem');
  await expect(merged).toHaveCount(1);
  await expect(merged).toContainText('restored@example.org');
  // core stores the merge record: after a reload the merge is still there to undo.
  await page.reload();
  await expect(merged).toHaveCount(1);
  await expect(merged).toContainText('restored@example.org');
  await merged.getByRole('button', { name: 'Undo merge' }).click();
  await expect(page.getByText(/^Undid the merge: .* is a separate contact again\.$/)).toBeVisible();
  await expect(page.getByTestId('merges')).toHaveCount(0);
  await expect(pair).toContainText('same name');
  // Access request, then erasure.
  await page.getByLabel("Person's email address").fill('restored@example.org');
  await page.getByRole('button', { name: 'Find their data' }).click();
  await expect(page.getByTestId('privacy-result')).toContainText('1 contacts');
  const access = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download everything (access request)' }).click();
  expect((await access).suggestedFilename()).toBe('access-request-restored-1.json');
  await page.getByRole('button', { name: 'Erase everything (erasure request)' }).click();
  await expect(page.getByText('Erased 1 records about restored@example.org.')).toBeVisible();
  await page.getByRole('button', { name: 'Find their data' }).click();
  await expect(page.getByText('Nobody with the address restored@example.org is stored.')).toBeVisible();
  expect(errors).toEqual([]);
});

test('should show progress while the analytics recompute and let the rep cancel', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openWorkbench(page, extensionId, 'data');
  // The demo data computes in a fraction of a second, so the click on Cancel happens in the page as
  // soon as the progress bar appears (the 1,000,000-order case is the benchmark's).
  const seen = await page.evaluate(async () => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Recompute analytics');
    button?.click();
    for (let i = 0; i < 200; i++) {
      const bar = document.querySelector('.progress');
      const cancel = bar?.querySelector('button');
      if (cancel) {
        const text = bar?.textContent ?? '';
        cancel.click();
        return text;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return null;
  });
  expect(seen).toMatch(/Recomputing analytics: /);
  await expect(page.getByText('Analysis cancelled; the figures shown are from the last complete run.')).toBeVisible();
  await expect(page.getByText(/Recomputing analytics/)).toBeHidden();
  // The figures of the last complete run are still shown.
  await page.goto(`chrome-extension://${extensionId}/workbench.html#analysis`);
  await expect(page.getByRole('table', { name: /RFM grid/ })).toBeVisible();
});

test('should open the workbench from the toolbar popup', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const opened = context.waitForEvent('page');
  await page.getByRole('link', { name: 'Open workbench' }).click();
  const workbench = await opened;
  await expect(workbench.getByRole('heading', { level: 1, name: 'Cordial workbench' })).toBeVisible();
});

test('should import a CSV file with core’s importer and report each rejected row with its reasons', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  const errors = await openWorkbench(page, extensionId, 'data');
  await page.getByLabel('What the file holds').selectOption('contacts');
  await page.getByLabel('CSV file', { exact: true }).setInputFiles({
    name: 'contacts.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'email,first name,last name,company\nnew.person@example.org,New,Person,Acme\nnot-an-email,Bad,Row,Acme\n',
    ),
  });
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('2 rows read, 1 imported, 1 rejected');
  await expect(report.getByRole('row').nth(1)).toContainText('3');
  // The imported contact is in the customers table after the reload.
  await page.goto(`chrome-extension://${extensionId}/workbench.html#customers`);
  await page.getByLabel('Search name, email, company').fill('new.person@example.org');
  await expect(page.getByRole('region', { name: /Customers: 1 rows/ })).toContainText('New Person');
  expect(errors).toEqual([]);
});
