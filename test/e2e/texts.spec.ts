import type { Page } from '@playwright/test';
import { createSandboxKey } from '../helpers/sandbox-admin';
import { expect, test } from './fixtures';
import { pickEndpoint } from './steps';

async function nav(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
}


test('texts: no jargon or backticks; History with dates, a combined filter and the app’s Clear dialog; name search pages on', async ({ page, console: app }) => {
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken);
  const some = (await (await fetch(`${app.sandboxUrl}/v1/contacts?limit=1`, { headers: { 'X-API-Key': secret } })).json()) as { data: Array<{ email: string }> };
  await app.open(page);
  await page.getByRole('button', { name: 'Add key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add key' });
  await expect(dialog).not.toContainText('main process');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await nav(page, 'Requests');
  await pickEndpoint(page, /GET \/v1\/conversations — /);
  await expect(page.getByRole('table', { name: 'Query parameters' })).toContainText('next_cursor');
  await expect(page.getByRole('table', { name: 'Query parameters' })).not.toContainText('`');
  const send = page.getByRole('button', { name: 'Send', exact: true });
  await send.click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('200 OK');
  await expect(page.getByRole('region', { name: 'Rate limit' })).not.toContainText('oldest left');
  await pickEndpoint(page, /POST \/v1\/contacts/);
  await page.getByLabel('Request body').fill(JSON.stringify({ name: 'Ada', email: `ada-${Date.now()}@example.com` }));
  await send.click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('201 Created');

  await nav(page, 'History');
  const history = page.getByRole('table', { name: 'Request history' });
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history.getByRole('row').nth(1)).toContainText(/Today \d\d:\d\d:\d\d/);
  const filter = page.getByRole('searchbox', { name: 'Filter' });
  await expect(filter).toHaveAttribute('placeholder', 'e.g. POST /v1/contacts');
  await filter.fill('POST /v1/contacts');
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history.getByRole('row').nth(1)).toContainText('/v1/contacts');
  await filter.fill('GET /v1/contacts');
  await expect(page.getByText('No request matches the filter.')).toBeVisible();
  await filter.fill('');
  // Clear history asks in the app's own dialog; Cancel keeps everything.
  await page.getByRole('button', { name: 'Clear history' }).click();
  const confirm = page.getByRole('dialog', { name: 'Clear history' });
  await expect(confirm).toContainText('cannot be undone');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(history.getByRole('row')).toHaveCount(3);
  await page.getByRole('button', { name: 'Clear history' }).click();
  await confirm.getByRole('button', { name: 'Clear history' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('No requests yet.')).toBeVisible();

  // Name search: Load more past the first 20; counts in good English.
  await nav(page, 'Inspector');
  const search = page.getByRole('searchbox', { name: 'Find contact' });
  await search.fill('a');
  const found = page.getByRole('list', { name: 'Contacts found' });
  await expect(page.getByText('20 contacts so far: more match.')).toBeVisible();
  await expect(found.getByRole('listitem')).toHaveCount(20);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect.poll(() => found.getByRole('listitem').count()).toBeGreaterThan(20);
  await search.fill(some.data[0]!.email);
  await expect(page.getByText('1 contact.', { exact: true })).toBeVisible();
});
