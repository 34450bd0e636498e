import { mkdirSync } from 'node:fs';
import { createSandboxKey } from '../helpers/sandbox-admin';
import { expect, test } from './fixtures';
import { addKey, nav } from './steps';

test('shots', async ({ page, console: app }) => {
  test.setTimeout(120_000);
  mkdirSync('/tmp/shots-supb', { recursive: true });
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken, 'ws_acme', 'Support desk');
  const contacts = (await (await fetch(`${app.sandboxUrl}/v1/contacts?limit=20`, { headers: { 'X-API-Key': secret } })).json()) as { data: Array<{ email: string; name: string; conversation_count: number }> };
  const contact = contacts.data.find((c) => c.conversation_count > 1)!;
  await app.open(page);
  await addKey(page, secret, 'Support desk');
  await nav(page, 'Inspector');
  const keyPicker = page.getByLabel('Read with key');
  await keyPicker.selectOption((await keyPicker.locator('option', { hasText: 'Support desk' }).getAttribute('value'))!);
  await page.getByRole('searchbox', { name: 'Find contact' }).fill(contact.email);
  await page.getByRole('button', { name: new RegExp(contact.name) }).click();
  await page.getByRole('table', { name: 'Conversations' }).getByRole('row').nth(1).getByRole('button').click();
  await expect(page.getByRole('list', { name: 'Messages' }).getByRole('listitem').first()).toBeVisible();
  const thread = page.getByRole('region', { name: 'Export this thread' });
  const download = page.waitForEvent('download');
  await thread.getByRole('button', { name: 'Export', exact: true }).click();
  await download;
  for (const [w, h] of [[1400, 900], [1024, 700], [800, 600]] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: scheme });
      await thread.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/shots-supb/thread-${w}-${scheme}.png` });
    }
  }
  await nav(page, 'Settings');
  const region = page.getByRole('region', { name: 'Access log' });
  await expect(region.getByText(/The log is intact/)).toBeVisible();
  for (const [w, h] of [[1400, 900], [1024, 700], [800, 600]] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: scheme });
      await region.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/shots-supb/log-${w}-${scheme}.png` });
    }
  }
});
