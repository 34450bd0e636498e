import { join } from 'node:path';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

async function goTo(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).or(page.getByRole('link', { name, exact: true })).first().click();
}

async function serverKeys(sandboxUrl: string, adminToken: string): Promise<Array<{ name: string; status: string }>> {
  const res = await fetch(`${sandboxUrl}/_sandbox/workspaces/ws_acme/api_keys`, { headers: { authorization: `Bearer ${adminToken}` } });
  return (await res.json()) as Array<{ name: string; status: string }>;
}

test('Settings shows where the data lives and resets the sandbox: old keys Invalid, a new demo key that works', async ({ page, console: app }) => {
  await app.open(page);
  await goTo(page, 'Keys');
  const table = page.getByRole('table', { name: 'API keys' });
  await expect(table.getByRole('row', { name: /Sandbox demo/ })).toContainText('Active');
  const before = await serverKeys(app.sandboxUrl, app.adminToken);
  expect(before.map((k) => k.name)).toEqual(['Sandbox demo']);

  await goTo(page, 'Settings');
  const section = page.getByRole('region', { name: 'Sandbox data' });
  await expect(section).toContainText(join(app.dataDir, 'sandbox'));
  await expect(section).toContainText(app.dataDir);
  await expect(section.getByRole('button', { name: 'Copy sandbox data location' })).toBeVisible();

  // Cancel first: nothing happens.
  await section.getByRole('button', { name: 'Reset sandbox' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset the sandbox?' });
  await expect(dialog).toContainText('1 sandbox key of this console will stop working');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await serverKeys(app.sandboxUrl, app.adminToken)).toEqual(before);

  await section.getByRole('button', { name: 'Reset sandbox' }).click();
  await dialog.getByRole('button', { name: 'Reset sandbox' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByRole('status').filter({ hasText: 'reset' })).toContainText(
    'No other sandbox key of this console was affected. A new “Sandbox demo” key replaces the old one.',
  );
  // The server has only the new key; the old one is gone with the wipe.
  const after = await serverKeys(app.sandboxUrl, app.adminToken);
  expect(after).toHaveLength(1);
  expect(after[0]).toMatchObject({ name: 'Sandbox demo', status: 'active' });

  await goTo(page, 'Keys');
  // Issue 14 item 15: exactly one "Sandbox demo" — the new one replaces the old (its secret was never shown).
  const demos = table.getByRole('row', { name: /Sandbox demo/ });
  await expect(demos).toHaveCount(1);
  await expect(demos).toContainText('Active');

  // The builder moved to the new key: a request works at once.
  await goTo(page, 'Requests');
  await page.getByRole('button', { name: 'Send' }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText('200');
  await expect(response).toContainText('cv_');
});
