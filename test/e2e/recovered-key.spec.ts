import { createKeytarSecretStore } from '../../src-main/adapters/keytar-secret-store';
import { startRecordingServer } from '../helpers/recording-server';
import { expect, test } from './fixtures';

const SECRET = 'staging-Secret-7fQ2xZ9k';

test('a recovered key of unknown environment is not offered for Send until Edit assigns it one; then it goes to that origin only', async ({ page, console: app }) => {
  const server = await startRecordingServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[]}'));
  try {
    // A custom key whose keys.json was lost: in the keychain, no metadata.
    await createKeytarSecretStore(app.keychainService).set('key_recovered', SECRET);
    await app.open(page);
    await page.getByRole('button', { name: 'Keys', exact: true }).click();
    const row = page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: /Recovered key/ });
    await expect(row).toContainText('Environment unknown');
    await expect(row).not.toContainText('Production');

    await page.getByRole('button', { name: 'Requests', exact: true }).click();
    const picker = page.getByRole('combobox', { name: 'Key' });
    await expect(picker.getByRole('option', { name: /Sandbox demo/ })).toHaveCount(1);
    await expect(picker.getByRole('option', { name: /Recovered key/ })).toHaveCount(0);

    await page.getByRole('button', { name: 'Keys', exact: true }).click();
    await row.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: /Edit key/ });
    await expect(edit.getByLabel('Environment')).toHaveValue('');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit.getByRole('alert')).toContainText('Choose the environment');
    await edit.getByLabel('Environment').selectOption({ label: 'Custom' });
    await edit.getByLabel('Base URL').fill('http://example.com');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit.getByRole('alert')).toContainText('https');
    await edit.getByLabel('Base URL').fill(server.origin);
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    await expect(row).toContainText('Custom');
    await expect(row).not.toContainText('Environment unknown');
    expect(server.seen).toEqual([]);

    await page.getByRole('button', { name: 'Requests', exact: true }).click();
    await picker.selectOption({ label: (await picker.getByRole('option', { name: /Recovered key/ }).textContent())!.trim() });
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Response' })).toContainText('200');
    expect(server.seen.map((s) => s.headers['x-api-key'])).toEqual([SECRET]);
    expect(app.ipcReplies.join('\n')).not.toContain(SECRET);
  } finally {
    await server.close();
  }
});

test('a keychain check that fails keeps the list and says so; Check again finds the recovered key', async ({ page, console: app }) => {
  // The Keys page's reconcile fails once (a keychain that did not answer), then works.
  let failures = 1;
  await page.route('**/ipc/**', async (route) => {
    if (!route.request().url().includes('refresh') || failures-- <= 0) return route.continue();
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'keychain_unavailable', message: 'No OS keychain is reachable.' } }) });
  });
  await createKeytarSecretStore(app.keychainService).set('key_recovered', SECRET);
  await app.open(page);
  await page.getByRole('button', { name: 'Keys', exact: true }).click();
  const table = page.getByRole('table', { name: 'API keys' });
  const alert = page.getByRole('alert').filter({ hasText: 'could not be checked against the keychain' });
  await expect(alert).toContainText('No OS keychain is reachable.');
  await expect(table.getByRole('row', { name: /Sandbox demo/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Recovered key/ })).toHaveCount(0);
  await alert.getByRole('button', { name: 'Check again' }).click();
  await expect(table.getByRole('row', { name: /Recovered key/ })).toContainText('Environment unknown');
  await expect(alert).toHaveCount(0);
});
