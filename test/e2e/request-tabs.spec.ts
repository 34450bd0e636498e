import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSandboxKey } from '../helpers/sandbox-admin';
import { expect, test } from './fixtures';
import { nav, pickEndpoint, addKey } from './steps';




test('two tabs keep their own endpoint, body, key and response, and come back after a reload with no secret in tabs.json', async ({ page, console: app }) => {
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken);
  await app.open(page);
  await addKey(page, secret, 'Acme tabs');
  await nav(page, 'Requests');
  const tablist = page.getByRole('tablist', { name: 'Open requests' });
  const tabs = tablist.getByRole('tab');
  const keyPicker = page.getByRole('combobox', { name: 'Key' });
  const response = page.getByRole('region', { name: 'Response' });
  await expect(tabs).toHaveCount(1);

  // Tab 1: GET conversations with the added key, sent.
  await pickEndpoint(page, /^GET \/v1\/conversations /);
  await keyPicker.selectOption((await keyPicker.locator('option', { hasText: 'Acme tabs' }).getAttribute('value')) ?? '');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(response.getByText('200', { exact: false }).first()).toBeVisible();
  await expect(tabs.first()).toHaveAccessibleName(/GET \/v1\/conversations/);
  await expect(tabs.first()).toHaveAccessibleName(/unsaved/);

  // Tab 2 (Ctrl+T): POST contacts with a body of its own, nothing sent.
  await page.keyboard.press('Control+t');
  await expect(tabs).toHaveCount(2);
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await pickEndpoint(page, /^POST \/v1\/contacts/);
  const body = page.getByRole('textbox', { name: 'Body' });
  await body.click();
  await page.keyboard.press('ControlOrMeta+a');
  // A key pasted into the body is never kept by main.
  await page.keyboard.insertText(`{"name":"Tab two","email":"two@example.com","note":"${secret}"}`);
  await expect(response.getByText(/200/)).toHaveCount(0);

  // Back to tab 1 with the arrow key: its endpoint and its response are still there.
  await tabs.nth(1).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.first()).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Endpoint' }).locator('option:checked')).toHaveText(/GET \/v1\/conversations/);
  await expect(response.getByText('200', { exact: false }).first()).toBeVisible();

  // Reload: both tabs come back, tab 1 active, tab 2 with its body.
  await page.waitForTimeout(1000);
  const file = readFileSync(join(app.dataDir, 'workspace', 'tabs.json'), 'utf8');
  expect(file).toContain('Tab two');
  expect(file).not.toContain(secret);
  expect(file).not.toContain(secret.slice(-16));
  await page.reload();
  await nav(page, 'Requests');
  await expect(tabs).toHaveCount(2);
  await expect(tabs.first()).toHaveAccessibleName(/GET \/v1\/conversations/);
  await expect(tabs.nth(1)).toHaveAccessibleName(/POST \/v1\/contacts/);
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
  await expect(keyPicker.locator('option:checked')).toHaveText(/Acme tabs/);
  await tabs.nth(1).click();
  await expect(page.getByRole('combobox', { name: 'Endpoint' }).locator('option:checked')).toHaveText(/POST \/v1\/contacts/);
  await expect(body).toContainText('Tab two');
  await expect(body).not.toContainText(secret);

  // Close tab (the button, then Ctrl+W): the strip never goes empty.
  await page.getByRole('button', { name: 'Close tab' }).nth(1).click();
  await expect(tabs).toHaveCount(1);
  await page.getByRole('button', { name: 'New tab' }).click();
  await expect(tabs).toHaveCount(2);
  await page.keyboard.press('Control+w');
  await expect(tabs).toHaveCount(1);
  for (const reply of app.ipcReplies) expect(reply).not.toContain(secret);
});
