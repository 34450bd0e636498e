import { createSandboxKey } from '../helpers/sandbox-admin';
import { expect, test } from './fixtures';

test('a new user adds a sandbox key, sends GET /v1/conversations and sees the response and rate limit', async ({ page, console: app }) => {
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken, 'ws_acme', 'From the dashboard');
  await app.open(page);

  await page.getByRole('button', { name: 'Keys' }).or(page.getByRole('link', { name: 'Keys' })).first().click();
  await page.getByRole('button', { name: 'Add key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add key' });
  await dialog.getByLabel('Name').fill('Acme sandbox');
  await dialog.getByLabel('Environment').selectOption({ label: 'Sandbox' });
  await dialog.getByLabel('API key').fill(secret);
  await dialog.getByRole('button', { name: 'Save key' }).click();
  await expect(dialog).toBeHidden();

  const table = page.getByRole('table', { name: 'API keys' });
  const headers = await table.getByRole('columnheader').allTextContents();
  expect(headers.map((h) => h.trim())).toEqual(['Name', 'Prefix', 'Environment', 'Created', 'Last used', 'Status']);
  const row = table.getByRole('row', { name: /Acme sandbox/ });
  await expect(row).toContainText(secret.slice(0, 12));
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Never');

  await page.getByRole('button', { name: 'Requests' }).or(page.getByRole('link', { name: 'Requests' })).first().click();
  await expect(page.getByRole('combobox', { name: 'Key' })).toContainText('Acme sandbox');
  // The first-run "Sandbox demo" key is listed too: pick the one added here.
  await page.getByRole('combobox', { name: 'Key' }).selectOption({ label: `Acme sandbox · ${secret.slice(0, 12)} · Sandbox` });
  await expect(page.getByRole('combobox', { name: 'Endpoint' })).toContainText('/v1/conversations');
  await page.getByRole('button', { name: 'Send' }).click();

  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText('200');
  await expect(response).toContainText('"object": "list"');
  await expect(response).toContainText('cv_');
  const rate = page.getByRole('region', { name: 'Rate limit' });
  await expect(rate.getByLabel('Limit')).toHaveText('100 per 60 s');
  await expect(rate.getByLabel('Remaining')).toHaveText(/^19\d$/);
  await expect(rate.getByLabel('Resets in')).toHaveText(/\d+\s*s/);

  // The keychain holds the secret under the key's id; the page, its storage, replies and files do not.
  const keyId = (await page.evaluate(() => window.helplane.keysList())) as { ok: true; value: Array<{ id: string; name: string }> };
  expect(app.keychainLookup(keyId.value.find((k) => k.name === 'Acme sandbox')!.id)).toBe(secret);
  const dom = await page.content();
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  const inputs = await page.evaluate(() => Array.from(document.querySelectorAll('input')).map((i) => i.value).join('\n'));
  for (const haystack of [dom, storage, inputs, app.ipcReplies.join('\n'), ...app.dataFiles()]) {
    expect(haystack).not.toContain(secret);
  }
  expect(app.ipcReplies.length).toBeGreaterThan(2);

  await page.getByRole('button', { name: 'Keys' }).or(page.getByRole('link', { name: 'Keys' })).first().click();
  await expect(table.getByRole('row', { name: /Acme sandbox/ })).not.toContainText('Never');
});

test('a key with a typo is refused in words and the pasted key is kept to fix', async ({ page, console: app }) => {
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken);
  const typo = secret.slice(0, 20) + (secret[20] === 'x' ? 'y' : 'x') + secret.slice(21);
  await app.open(page);
  await page.getByRole('button', { name: 'Add key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add key' });
  await dialog.getByLabel('Name').fill('Typo');
  await dialog.getByLabel('API key').fill(typo);
  await dialog.getByRole('button', { name: 'Save key' }).click();
  await expect(dialog.getByRole('alert')).toContainText('typo');
  // Issue 14 item 13: the pasted key is never wiped on an error.
  await expect(dialog.getByLabel('API key')).toHaveValue(typo);
  await expect(dialog.getByLabel('Name')).toHaveValue('Typo');
});
