import { createSandboxKey, revokeSandboxKey } from '../helpers/sandbox-admin';
import { startRecordingServer } from '../helpers/recording-server';
import { expect, test } from './fixtures';
import { nav, addKey } from './steps';



test('a 401 revoked_api_key marks the key Revoked at once: table, pickers, Send and Revoke follow', async ({ page, console: app }) => {
  const { id, secret } = await createSandboxKey(app.sandboxUrl, app.adminToken);
  await app.open(page);
  await addKey(page, secret, 'Soon revoked');
  await nav(page, 'Requests');
  const picker = page.getByRole('combobox', { name: 'Key' });
  const option = picker.locator('option', { hasText: 'Soon revoked' });
  await picker.selectOption((await option.getAttribute('value')) ?? '');
  const send = page.getByRole('button', { name: 'Send', exact: true });
  const response = page.getByRole('region', { name: 'Response' });
  await send.click();
  await expect(response).toContainText('200 OK');

  // Revoked in the dashboard: the next reply is a 401, and the console believes it.
  await revokeSandboxKey(app.sandboxUrl, app.adminToken, id);
  await send.click();
  await expect(response).toContainText('401');
  await expect(option).toHaveText(/Soon revoked · .* · Sandbox · Revoked/);
  await expect(page.getByRole('alert').filter({ hasText: '“Soon revoked” is Revoked' })).toBeVisible();
  await expect(send).toBeDisabled();
  // The picker offers only usable keys: back to the demo key, which sends.
  const demo = picker.locator('option', { hasText: 'Sandbox demo' });
  await picker.selectOption((await demo.getAttribute('value')) ?? '');
  await expect(option).toBeDisabled();
  await expect(send).toBeEnabled();
  await send.click();
  await expect(response).toContainText('200 OK');

  // The Inspector's picker is the same selection, and shows the same status.
  await nav(page, 'Inspector');
  const inspectorPicker = page.getByRole('combobox', { name: 'Read with key' });
  await expect(inspectorPicker.locator('option', { hasText: 'Soon revoked' })).toHaveText(/Revoked$/);
  await expect(inspectorPicker.locator('option', { hasText: 'Soon revoked' })).toBeDisabled();

  await nav(page, 'Keys');
  const row = page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: /Soon revoked/ });
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: 'Revoke' })).toBeDisabled();
  await expect(page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: /Sandbox demo/ }).getByRole('button', { name: 'Revoke' })).toBeEnabled();
});

test('Add key keeps what was typed: errors under their field, which character is wrong, cleared by a new Environment', async ({ page, console: app }) => {
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken, 'ws_acme', 'custom');
  await app.open(page);
  await nav(page, 'Keys');
  await page.getByRole('button', { name: 'Add key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add key' });
  await dialog.getByLabel('Name').fill('Own server');
  await dialog.getByLabel('Environment').selectOption({ label: 'Custom' });
  await dialog.getByLabel('Base URL').fill(`${app.sandboxUrl}/v1`);
  await dialog.getByLabel('API key').fill(secret);
  await dialog.getByRole('button', { name: 'Save key' }).click();
  // Under the Base URL field, not the API key's; the pasted key is still there.
  await expect(dialog.getByLabel('Base URL')).toHaveAccessibleDescription(/paths like \/v1 are added by the console/);
  await expect(dialog.getByLabel('Base URL')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('API key')).toHaveValue(secret);
  await expect(dialog.getByLabel('API key')).not.toHaveAttribute('aria-invalid', 'true');

  // A Helplane key with one character picked up in a copy: which one, and where.
  await dialog.getByLabel('Environment').selectOption({ label: 'Sandbox' });
  const typo = `${secret.slice(0, 16)}-${secret.slice(17)}`;
  await dialog.getByLabel('API key').fill(typo);
  await dialog.getByRole('button', { name: 'Save key' }).click();
  await expect(dialog.getByLabel('API key')).toHaveAccessibleDescription(/^Character 17 is “-”/);
  await expect(dialog.getByLabel('API key')).toHaveValue(typo);
  // Another Environment: the error was about the last try, and goes.
  await dialog.getByLabel('Environment').selectOption({ label: 'Production' });
  await expect(dialog.getByText('Character 17')).toHaveCount(0);
  await expect(dialog.getByLabel('API key')).not.toHaveAttribute('aria-invalid', 'true');

  // Fixed: saved.
  await dialog.getByLabel('Environment').selectOption({ label: 'Sandbox' });
  await dialog.getByLabel('API key').fill(secret);
  await dialog.getByRole('button', { name: 'Save key' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: /Own server/ })).toContainText('Active');
});

test('Unverified always says why: a refused connection, on adding and on Test', async ({ page, console: app }) => {
  const server = await startRecordingServer((_req, res) => res.writeHead(200).end('{}'));
  const origin = server.origin;
  await server.close();
  await app.open(page);
  await nav(page, 'Keys');
  await page.getByRole('button', { name: 'Add key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add key' });
  await dialog.getByLabel('Name').fill('Offline server');
  await dialog.getByLabel('Environment').selectOption({ label: 'Custom' });
  await dialog.getByLabel('Base URL').fill(origin);
  await dialog.getByLabel('API key').fill('custom-secret-12345');
  await dialog.getByRole('button', { name: 'Save key' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: /Offline server/ });
  await expect(row).toContainText('Unverified');
  await expect(row).toContainText(/Not checked: .*refused the connection/);
  await row.getByRole('button', { name: 'Test' }).click();
  await expect(row.getByRole('status')).toContainText(/checked .*: Unverified\. Not checked: .*refused the connection/);
});

test('one key in use: the Inspector’s “Read with key” is the header’s “Key in use”; a Custom badge names its server', async ({ page, console: app }) => {
  const server = await startRecordingServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ object: 'list', data: [], has_more: false, next_cursor: null }));
  });
  try {
    await app.open(page);
    await nav(page, 'Keys');
    await page.getByRole('button', { name: 'Add key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add key' });
    await dialog.getByLabel('Name').fill('Own server');
    await dialog.getByLabel('Environment').selectOption({ label: 'Custom' });
    await dialog.getByLabel('Base URL').fill(server.origin);
    await dialog.getByLabel('API key').fill('custom-secret-12345');
    await dialog.getByRole('button', { name: 'Save key' }).click();
    await expect(dialog).toBeHidden();
    const header = page.getByRole('banner');
    await expect(header).toContainText('Key in use: Sandbox demo');

    await nav(page, 'Inspector');
    const inspectorPicker = page.getByRole('combobox', { name: 'Read with key' });
    await inspectorPicker.selectOption((await inspectorPicker.locator('option', { hasText: 'Own server' }).getAttribute('value')) ?? '');
    await expect(header).toContainText('Key in use: Own server');
    const badge = header.locator('.badge', { hasText: 'Custom' });
    await expect(badge).toHaveText(`Custom · ${new URL(server.origin).host}`);
    await expect(badge).toHaveAttribute('title', server.origin);
    await nav(page, 'Requests');
    await expect(page.getByRole('combobox', { name: 'Key' }).locator('option:checked')).toHaveText(/^Own server/);

    // And back the other way: the builder's pick is the Inspector's.
    const picker = page.getByRole('combobox', { name: 'Key' });
    await picker.selectOption((await picker.locator('option', { hasText: 'Sandbox demo' }).getAttribute('value')) ?? '');
    await expect(header).toContainText('Key in use: Sandbox demo');
    await nav(page, 'Inspector');
    await expect(inspectorPicker.locator('option:checked')).toHaveText(/^Sandbox demo/);
  } finally {
    await server.close();
  }
});
