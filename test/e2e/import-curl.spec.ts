import type { Page } from '@playwright/test';
import { createSandboxKey } from '../helpers/sandbox-admin';
import { expect, test } from './fixtures';
import { nav, addKey, addKeyAndUse, pickKey } from './steps';



async function importCurl(page: Page, command: string) {
  await page.getByRole('button', { name: 'Import curl' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import curl' });
  await dialog.getByRole('textbox', { name: 'curl command' }).fill(command);
  await dialog.getByRole('button', { name: 'Import' }).click();
  return dialog;
}

test('Import curl: the console’s own Copy as code comes back as a tab; a pasted stored key selects that key', async ({ page, console: app }) => {
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken);
  await app.open(page);
  await addKey(page, secret, 'Acme import');
  await nav(page, 'Requests');
  const endpoint = page.getByRole('combobox', { name: 'Endpoint' });
  await endpoint.selectOption((await endpoint.locator('option').filter({ hasText: /POST \/v1\/contacts/ }).getAttribute('value')) ?? '');
  await page.getByLabel('Request body').fill('{"name":"Imported Ada","email":"ada.import@example.com"}');
  await page.getByLabel('Language').selectOption({ label: 'curl' });
  await page.getByRole('button', { name: 'Copy as code' }).click();
  const code = (await page.getByLabel('Code snippet').textContent()) ?? '';
  expect(code).toContain('curl');

  const tabs = page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab');
  const dialog = await importCurl(page, code);
  await expect(dialog).toBeHidden();
  await expect(tabs).toHaveCount(2);
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.nth(1)).toHaveAccessibleName(/POST \/v1\/contacts/);
  await expect(endpoint).toHaveValue('createContact');
  await expect(page.getByLabel('Request body')).toContainText('Imported Ada');

  // A hand-written command with the stored key pasted in: that key is selected, and the key is not in the tab.
  await page.getByRole('combobox', { name: 'Key' }).selectOption({ label: (await page.getByRole('combobox', { name: 'Key' }).locator('option', { hasText: 'Sandbox demo' }).textContent()) ?? '' });
  const written = await importCurl(
    page,
    `curl --request GET \\\n  'https://api.helplane.io/v1/conversations?status=open&limit=3' \\\n  --header 'X-API-Key: ${secret}' \\\n  --header 'X-Trace: hand-written'`,
  );
  await expect(written).toBeHidden();
  await expect(tabs).toHaveCount(3);
  await expect(endpoint).toHaveValue('listConversations');
  await expect(page.getByLabel('limit', { exact: true })).toHaveValue('3');
  await expect(page.getByLabel('status', { exact: true })).toHaveValue('open');
  await expect(page.getByRole('combobox', { name: 'Key' }).locator('option:checked')).toHaveText(/Acme import/);
  await expect(page.getByRole('textbox', { name: 'Header 1 name' })).toHaveValue('X-Trace');
  await expect(page.getByRole('textbox', { name: 'Header 1 value' })).toHaveValue('hand-written');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('200');
  for (const reply of app.ipcReplies) expect(reply).not.toContain(secret);
  for (const file of app.dataFiles()) expect(file).not.toContain(secret);
});

test('Import curl: an unknown pasted key offers Add key without passing it on; a command it cannot take says why', async ({ page, console: app }) => {
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken);
  await app.open(page);
  await nav(page, 'Requests');
  const dialog = await importCurl(page, `curl https://api.helplane.io/v1/contacts -H "X-API-Key: ${secret}"`);
  await expect(dialog.getByRole('status')).toContainText('not stored');
  await dialog.getByRole('button', { name: 'Add key' }).click();
  const add = page.getByRole('dialog', { name: 'Add key' });
  await expect(add).toBeVisible();
  // The key is not carried over: the user pastes it.
  await expect(add.getByLabel('API key')).toHaveValue('');
  await add.getByLabel('Name').fill('Pasted');
  await add.getByLabel('API key').fill(secret);
  await add.getByRole('button', { name: 'Save key' }).click();
  await expect(add).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Key' }).locator('option:checked')).toHaveText(/Pasted/);

  const refused = await importCurl(page, "curl -u ada:secret https://api.helplane.io/v1/contacts");
  await expect(refused.getByRole('alert')).toContainText('basic auth');
  await refused.getByRole('button', { name: 'Cancel' }).click();
  for (const reply of app.ipcReplies) expect(reply).not.toContain(secret);
});

test('Import curl: the command’s server picks the stored key that sends there, and what was left out is listed', async ({ page, console: app }) => {
  await app.open(page);
  await addKeyAndUse(page, 'custom-server-key-0042', 'Staging', { custom: 'https://staging.example' });
  await expect(page.getByRole('combobox', { name: 'Key' }).locator('option:checked')).toHaveText(/Staging/);
  // Send once with the demo key so the embedded sandbox is up and its origin known.
  await pickKey(page, 'Sandbox demo');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('200');
  await pickKey(page, 'Staging');

  const tabs = page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab');
  const onSandbox = await importCurl(page, `curl -s -L --compressed --max-time 5 '${app.sandboxUrl.replace(/\/$/, '')}/v1/contacts?limit=2'`);
  await expect(onSandbox.getByRole('status')).toContainText('Not imported');
  await expect(onSandbox.getByRole('status')).toContainText('-L, --max-time');
  // What only changes curl's own printing is not worth a word.
  await expect(onSandbox.getByRole('status')).not.toContainText('--compressed');
  await onSandbox.getByRole('button', { name: 'Close' }).click();
  await expect(tabs).toHaveCount(2);
  await expect(page.getByRole('combobox', { name: 'Key' }).locator('option:checked')).toHaveText(/Sandbox demo/);

  const elsewhere = await importCurl(page, 'curl https://elsewhere.example/v1/contacts');
  await expect(elsewhere.getByRole('status')).toContainText('No stored key sends to https://elsewhere.example');
  await elsewhere.getByRole('button', { name: 'Close' }).click();
  await expect(tabs).toHaveCount(3);
});
