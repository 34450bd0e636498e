import { createSandboxKey } from '../helpers/sandbox-admin';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

async function goTo(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).or(page.getByRole('link', { name, exact: true })).first().click();
}

test('a new user: Sandbox demo on first run, then Create, Add, Test, Rename, Revoke, Delete — and no secret leaks', async ({ page, console: app }) => {
  await app.open(page);
  await goTo(page, 'Keys');
  const table = page.getByRole('table', { name: 'API keys' });
  await expect(table.getByRole('row', { name: /Sandbox demo/ })).toContainText('Active');
  const headers = await table.getByRole('columnheader').allTextContents();
  expect(headers.map((h) => h.trim())).toEqual(['Name', 'Prefix', 'Environment', 'Created', 'Last used', 'Status']);

  // Create key: the secret is shown once, is in the keychain, and is gone after Done.
  await page.getByRole('button', { name: 'Create key' }).click();
  const create = page.getByRole('dialog', { name: 'Create key' });
  await create.getByLabel('Name').fill('Made here');
  await create.getByRole('button', { name: 'Create' }).click();
  const once = page.getByRole('dialog', { name: 'Copy your new key' });
  const created = await once.getByLabel('New API key').inputValue();
  expect(created).toMatch(/^hl_test_[0-9A-Za-z]{38}$/);
  await expect(once.getByRole('button', { name: 'Copy' })).toBeVisible();
  await once.getByRole('button', { name: 'Done' }).click();
  await expect(once).toBeHidden();
  await expect(page.locator('body')).not.toContainText(created);
  expect(await page.content()).not.toContain(created);
  const createdRow = table.getByRole('row', { name: /Made here/ });
  await expect(createdRow).toContainText(created.slice(0, 12));

  // Add key with a pasted key.
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken, 'ws_acme', 'dashboard');
  await page.getByRole('button', { name: 'Add key' }).click();
  const add = page.getByRole('dialog', { name: 'Add key' });
  await add.getByLabel('Name').fill('Pasted');
  await add.getByLabel('Environment').selectOption({ label: 'Sandbox' });
  await add.getByLabel('API key').fill(secret);
  await add.getByRole('button', { name: 'Save key' }).click();
  await expect(add).toBeHidden();
  const pasted = table.getByRole('row', { name: /Pasted/ });
  await expect(pasted).toContainText('Active');
  await expect(pasted).toContainText('Never');

  // Filter by prefix.
  await page.getByLabel('Filter keys').fill(secret.slice(0, 12));
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Filter keys').fill('');

  // Test.
  await pasted.getByRole('button', { name: 'Test' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Pasted' })).toContainText('Active');

  // Rename (keyboard: Enter submits).
  await pasted.getByRole('button', { name: 'Rename' }).click();
  const rename = page.getByRole('dialog', { name: /Rename/ });
  await rename.getByLabel('Name').fill('Renamed');
  await rename.getByLabel('Name').press('Enter');
  const renamed = table.getByRole('row', { name: /Renamed/ });
  await expect(renamed).toBeVisible();

  // Last used changes after a request.
  await goTo(page, 'Requests');
  await page.getByRole('combobox', { name: 'Key' }).selectOption({ label: `Renamed · ${secret.slice(0, 12)} · Sandbox` });
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('200');
  await goTo(page, 'Keys');
  await expect(renamed).not.toContainText('Never');

  // Revoke: confirmed, then the next request fails with 401 revoked_api_key.
  await renamed.getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('dialog', { name: /Revoke/ }).getByRole('button', { name: 'Revoke key' }).click();
  await expect(renamed).toContainText('Revoked');
  await goTo(page, 'Requests');
  // Issue 14 item 9: a revoked key is not offered for Send; the builder says why.
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
  await expect(page.getByRole('alert').filter({ hasText: '“Renamed” is Revoked' })).toBeVisible();
  // The server does refuse it: 401 revoked_api_key.
  const refused = await page.evaluate(async () => {
    const keys = (await window.helplane.keysList()) as { ok: true; value: Array<{ id: string; name: string }> };
    const r = (await window.helplane.requestSend({ keyId: keys.value.find((k) => k.name === 'Renamed')!.id, method: 'GET', path: '/v1/conversations' })) as { ok: true; value: { status: number; body: string } };
    return r.value;
  });
  expect(refused.status).toBe(401);
  expect(refused.body).toContain('revoked_api_key');
  await goTo(page, 'Keys');

  // Delete: confirmed, and the keychain entry is gone.
  const ids = (await page.evaluate(() => window.helplane.keysList())) as { ok: true; value: Array<{ id: string; name: string }> };
  const renamedId = ids.value.find((k) => k.name === 'Renamed')!.id;
  expect(app.keychainLookup(renamedId)).toBe(secret);
  await renamed.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: /Delete/ }).getByRole('button', { name: 'Delete key' }).click();
  await expect(table.getByRole('row', { name: /Renamed/ })).toHaveCount(0);
  expect(app.keychainLookup(renamedId)).toBe('');

  // Canary: neither secret anywhere the page, its storage, IPC replies (but the one create reply) or files reach.
  const dom = await page.content();
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  const inputs = await page.evaluate(() => Array.from(document.querySelectorAll('input')).map((i) => i.value).join('\n'));
  const replies = app.ipcReplies.filter((r) => !r.includes('"secret"'));
  expect(app.ipcReplies.filter((r) => r.includes(created))).toHaveLength(1);
  const files = app.dataFiles();
  for (const s of [secret, created]) {
    for (const haystack of [dom, storage, inputs, replies.join('\n'), ...files]) expect(haystack).not.toContain(s);
  }
});

test('a custom-server key cannot be revoked here: the dialog says where, and deletes it from this computer instead', async ({ page, console: app }) => {
  // The sandbox stands in for a custom server (plain http is allowed on 127.0.0.1).
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken, 'ws_acme', 'custom');
  await app.open(page);
  await goTo(page, 'Keys');
  await page.getByRole('button', { name: 'Add key' }).click();
  const add = page.getByRole('dialog', { name: 'Add key' });
  await add.getByLabel('Name').fill('Own server');
  await add.getByLabel('Environment').selectOption({ label: 'Custom' });
  await add.getByLabel('Base URL').fill(app.sandboxUrl);
  await add.getByLabel('API key').fill(secret);
  await add.getByRole('button', { name: 'Save key' }).click();
  await expect(add).toBeHidden();
  const table = page.getByRole('table', { name: 'API keys' });
  const row = table.getByRole('row', { name: /Own server/ });
  await expect(row).toContainText('Active');

  await row.getByRole('button', { name: 'Revoke' }).click();
  const dialog = page.getByRole('dialog', { name: /Revoke key “Own server”/ });
  await expect(dialog.getByRole('status')).toHaveText('Keys of a custom server are revoked on that server. You can delete this key from this computer.');
  // Cancel keeps the key, and it still works on its server.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Active');

  await row.getByRole('button', { name: 'Revoke' }).click();
  await dialog.getByRole('button', { name: 'Delete from this computer' }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('row', { name: /Own server/ })).toHaveCount(0);
  const listed = (await page.evaluate(() => window.helplane.keysList())) as { ok: true; value: Array<{ name: string }> };
  expect(listed.value.map((k) => k.name)).not.toContain('Own server');
  // Only this computer forgot it: the key itself still works on its server.
  const res = await fetch(`${app.sandboxUrl}/v1/conversations?limit=1`, { headers: { 'X-API-Key': secret } });
  expect(res.status).toBe(200);
});
