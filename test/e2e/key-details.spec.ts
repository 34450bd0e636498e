import { expect, test } from './fixtures';
import { nav, pickEndpoint } from './steps';

// Keys → Details: the key's age and rotation reminder, Read only refused in main, and Key usage.

test('Details: Key usage counts what this computer sent; Read only refuses a POST in words; a reminder marks Rotation due', async ({ page, console: app }) => {
  // The renderer's clock is Playwright's, so "two days later" needs no waiting.
  await page.clock.install({ time: Date.now() });
  await app.open(page);
  await nav(page, 'Requests');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('200');

  await nav(page, 'Keys');
  const row = page.getByRole('row', { name: /Sandbox demo/ });
  await expect(row.getByRole('cell').nth(2)).toContainText('today');
  await row.getByRole('button', { name: 'Details' }).click();
  const usage = page.getByRole('region', { name: 'Key usage' });
  await expect(usage).toContainText('Last 30 days from this computer: 1 request, 0 errors');
  await expect(usage).not.toContainText('Never');
  await usage.getByText('Show the figures').click();
  await expect(usage.getByRole('table')).toContainText('1');

  await page.getByRole('checkbox', { name: 'Read only' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'read only now' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to keys' }).click();
  await expect(page.getByRole('row', { name: /Sandbox demo/ })).toContainText('Read only');

  await nav(page, 'Requests');
  await pickEndpoint(page, /POST \/v1\/contacts/);
  await page.getByLabel('Request body').fill('{"name":"Read Only","email":"read.only@example.com"}');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('read-only key');
  // Refused before sending: the usage did not move.
  await nav(page, 'Keys');
  await page.getByRole('row', { name: /Sandbox demo/ }).getByRole('button', { name: 'Details' }).click();
  await expect(page.getByRole('region', { name: 'Key usage' })).toContainText('1 request,');

  await page.getByLabel('Remind me to rotate after').fill('2');
  await page.getByRole('button', { name: 'Save reminder' }).click();
  await expect(page.getByText('You will be reminded to rotate Sandbox demo 2 days after')).toBeVisible();
  await expect(page.getByText('Rotation due')).toHaveCount(0);
  await page.clock.fastForward('50:00:00');
  await expect(page.getByRole('heading', { name: /Sandbox demo/ })).toContainText('Rotation due');
  await page.getByRole('button', { name: 'Back to keys' }).click();
  await expect(page.getByRole('row', { name: /Sandbox demo/ })).toContainText('Rotation due');
  await expect(page.getByRole('row', { name: /Sandbox demo/ })).toContainText('2 days old');
});

test('the Inspector offers a read-only key when the key in use is not one', async ({ page, console: app }) => {
  await app.open(page);
  await nav(page, 'Keys');
  await page.getByRole('button', { name: 'Create key' }).click();
  const create = page.getByRole('dialog', { name: 'Create key' });
  await create.getByLabel('Name').fill('Viewer');
  await create.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('dialog', { name: 'Copy your new key' }).getByRole('button', { name: 'Done' }).click();
  await page.getByRole('row', { name: /Viewer/ }).getByRole('button', { name: 'Details' }).click();
  await page.getByRole('checkbox', { name: 'Read only' }).check();
  await expect(page.getByText('Viewer is read only now.')).toBeVisible();

  await nav(page, 'Inspector');
  const picker = page.getByRole('combobox', { name: 'Read with key' });
  await expect(picker.locator('option:checked')).toHaveText(/Sandbox demo/);
  await expect(picker.locator('option', { hasText: 'Viewer' })).toHaveText(/Read only/);
  await page.getByRole('button', { name: 'Use Viewer' }).click();
  await expect(picker.locator('option:checked')).toHaveText(/Viewer/);
  await expect(page.getByRole('button', { name: 'Use Viewer' })).toHaveCount(0);
});
