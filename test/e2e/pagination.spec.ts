import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// A small bucket, so Fetch all pages must pace itself to avoid a 429: 5 at once, then 5 per second.
test.use({ sandboxRate: { capacity: 5, refillPerWindow: 5, windowMs: 1000 } });

async function listContacts(page: Page, query: Record<string, string>) {
  await page.getByRole('button', { name: 'Requests', exact: true }).or(page.getByRole('link', { name: 'Requests', exact: true })).first().click();
  const picker = page.getByRole('combobox', { name: 'Key' });
  await picker.selectOption((await picker.locator('option', { hasText: 'Sandbox demo' }).getAttribute('value')) ?? '');
  const endpoint = page.getByRole('combobox', { name: 'Endpoint' });
  await endpoint.selectOption((await endpoint.locator('option').filter({ hasText: /GET \/v1\/contacts — / }).getAttribute('value')) ?? '');
  const params = page.getByRole('table', { name: 'Query parameters' });
  for (const [name, value] of Object.entries(query)) await params.getByLabel(name, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('200 OK');
}

const idsIn = (text: string | null) => [...(text ?? '').matchAll(/"id": "(ct_[A-Za-z0-9]+)"/g)].map((m) => m[1]);

test('Next page shows the second page; Fetch all pages shows every item with no 429', async ({ page, console: app }) => {
  await app.open(page);
  const response = page.getByRole('region', { name: 'Response' });
  const body = response.getByLabel('Body', { exact: true });
  // What "all" is, read independently: one page of 100 holds every Quinn.
  await listContacts(page, { q: 'Quinn', limit: '100' });
  const all = idsIn(await body.textContent());
  expect(all.length).toBeGreaterThan(10);
  await expect(page.getByRole('button', { name: 'Next page' })).toHaveCount(0);

  await page.getByRole('table', { name: 'Query parameters' }).getByLabel('limit', { exact: true }).fill('5');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(body).toContainText('"has_more": true');
  const first = idsIn(await body.textContent());
  expect(first).toEqual(all.slice(0, 5));
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect.poll(async () => idsIn(await body.textContent())).toEqual(all.slice(5, 10));
  await expect(response.locator('.metric-url')).toContainText(`starting_after=${first[4]}`);

  await page.getByRole('button', { name: 'Fetch all pages' }).click();
  const merged = response.getByRole('region', { name: 'Merged list' });
  const pages = Math.ceil(all.length / 5);
  await expect(merged.getByRole('status').first()).toHaveText(`${all.length} items from ${pages} pages.`);
  expect(idsIn(await merged.getByLabel('Body', { exact: true }).textContent())).toEqual(all);
  await expect(page.getByRole('region', { name: 'Rate limit' }).getByLabel('429 responses')).toHaveText('0');

  // Export goes through the export targets (the web host's downloads).
  await merged.getByLabel('Format').selectOption('csv');
  const download = page.waitForEvent('download');
  await merged.getByRole('button', { name: 'Export' }).click();
  expect((await download).suggestedFilename()).toMatch(/^helplane-pages-.*\.csv$/);
  await expect(merged.getByRole('status').last()).toContainText('Exported to');
});

test('Fetch all pages shows its progress and Cancel stops it mid-way, keeping what it has', async ({ page, console: app }) => {
  await app.open(page);
  const response = page.getByRole('region', { name: 'Response' });
  // 500 contacts at 5 a page: 100 pages at 5 per second, so there is time to cancel.
  await listContacts(page, { limit: '5' });
  await page.getByRole('button', { name: 'Fetch all pages' }).click();
  const bar = response.getByRole('progressbar', { name: 'Pages progress' });
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(3);
  await expect(response).toContainText(/\d+ pages, \d+ items/);
  await response.getByRole('button', { name: 'Cancel', exact: true }).click();
  const summary = response.getByRole('region', { name: 'Merged list' }).getByRole('status').first();
  await expect(summary).toContainText(/Cancelled after (\d+) pages/);
  const pages = Number(/Cancelled after (\d+) pages/.exec((await summary.textContent()) ?? '')?.[1]);
  expect(pages).toBeLessThan(100);
  await expect(summary).toContainText(`${pages * 5} items from ${pages} pages.`);
  await expect(bar).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Rate limit' }).getByLabel('429 responses')).toHaveText('0');
});
