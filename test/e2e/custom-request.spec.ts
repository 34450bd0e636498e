import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSandboxKey } from '../helpers/sandbox-admin';
import { expect, test } from './fixtures';
import { nav } from './steps';


test('a Custom request sends a typed method and path under the key’s server, refuses a URL with a host, and comes back after a reload', async ({ page, console: app }) => {
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken);
  await app.open(page);
  await nav(page, 'Keys');
  await page.getByRole('button', { name: 'Add key' }).click();
  const add = page.getByRole('dialog', { name: 'Add key' });
  await add.getByLabel('Name').fill('Acme custom');
  await add.getByLabel('API key').fill(secret);
  await add.getByRole('button', { name: 'Save key' }).click();
  await expect(add).toBeHidden();
  await nav(page, 'Requests');
  const keyPicker = page.getByRole('combobox', { name: 'Key' });
  await keyPicker.selectOption((await keyPicker.locator('option', { hasText: 'Acme custom' }).getAttribute('value')) ?? '');
  const response = page.getByRole('region', { name: 'Response' });

  await page.getByRole('combobox', { name: 'Endpoint' }).selectOption({ label: 'Custom request — any method and path' });
  await page.getByRole('combobox', { name: 'Method' }).selectOption('GET');
  await page.getByRole('textbox', { name: 'Path' }).fill('/v1/contacts?limit=2');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(response).toContainText('200');
  await expect(page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab').first()).toHaveAccessibleName(/GET \/v1\/contacts\?limit=2/);

  // A scheme and host are refused: the key only goes to its own server.
  await page.getByRole('textbox', { name: 'Path' }).fill(`${app.sandboxUrl.replace('127.0.0.1', 'localhost')}/v1/contacts`);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(response).toContainText('the server comes from the key');

  // Import curl of a path the catalog does not list opens as a Custom request.
  await page.getByRole('button', { name: 'Import curl' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import curl' });
  await dialog.getByRole('textbox', { name: 'curl command' }).fill("curl -X DELETE 'https://api.helplane.io/v1/contacts/ct_missing?force=1'");
  await dialog.getByRole('button', { name: 'Import' }).click();
  // No stored key sends to api.helplane.io here: the dialog says the tab goes to the key's server instead.
  await expect(dialog.getByRole('status')).toContainText('No stored key sends to https://api.helplane.io');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Method' })).toHaveValue('DELETE');
  await expect(page.getByRole('textbox', { name: 'Path' })).toHaveValue('/v1/contacts/ct_missing?force=1');

  // Main keeps the drafts a moment after the last change: reload once they are written.
  const tabsFile = join(app.dataDir, 'workspace', 'tabs.json');
  await expect.poll(() => (existsSync(tabsFile) ? readFileSync(tabsFile, 'utf8') : ''), { timeout: 10_000 }).toContain('ct_missing?force=1');
  await page.reload();
  await nav(page, 'Requests');
  await expect(page.getByRole('textbox', { name: 'Path' })).toHaveValue('/v1/contacts/ct_missing?force=1');
  await expect(page.getByRole('combobox', { name: 'Method' })).toHaveValue('DELETE');
  for (const reply of app.ipcReplies) expect(reply).not.toContain(secret);
});

test('History replays a Custom request as a Custom request: the method, path and query it was sent with', async ({ page, console: app }) => {
  await app.open(page);
  await nav(page, 'Requests');
  await page.getByRole('combobox', { name: 'Endpoint' }).selectOption({ label: 'Custom request — any method and path' });
  await page.getByRole('combobox', { name: 'Method' }).selectOption('DELETE');
  await page.getByRole('textbox', { name: 'Path' }).fill('/v1/not-in-the-catalog/item_1?dry_run=yes&note=a%26b');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Response' }).locator('.status-line')).toContainText('404');
  // Somewhere else first, so the replay is what fills the builder.
  await page.getByRole('combobox', { name: 'Endpoint' }).selectOption({ index: 0 });
  await nav(page, 'History');
  await page.getByRole('button', { name: 'Replay DELETE /v1/not-in-the-catalog/item_1' }).click();
  await expect(page.getByRole('combobox', { name: 'Method' })).toHaveValue('DELETE');
  await expect(page.getByRole('textbox', { name: 'Path' })).toHaveValue('/v1/not-in-the-catalog/item_1?dry_run=yes&note=a%26b');
  await expect(page.getByText('is not in the endpoint catalog')).toHaveCount(0);
  // In a tab of its own, beside the one that was in use.
  const tabs = page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab');
  await expect(tabs).toHaveCount(2);
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.nth(1)).toHaveAccessibleName(/DELETE \/v1\/not-in-the-catalog/);
});
