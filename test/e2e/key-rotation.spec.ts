import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, childEnv } from '../integration/cli/cli-helpers';
import { expect, test } from './fixtures';
import { collectionFolder, openCollection, openTreeRequest } from './collection-steps';
import { nav } from './steps';

// Issue 19, Rotate: the Sandbox demo key is rotated while a collection references it; the open tab
// follows the replacement without becoming unsaved, the request file is not rewritten, the old key
// gets 401 revoked_api_key, and the collection then runs from the terminal on the same data folder.

test.use({ dataFolderKeychain: true });

const REQUEST = `name: List contacts
order: 1
method: GET
path: /v1/contacts
query:
  limit: "2"
key:
  name: Sandbox demo
  environment: sandbox
tests:
  - status: 200
`;

interface StoredKey {
  id: string;
  name: string;
  status: string;
}
const storedKeys = (dataDir: string) => (JSON.parse(readFileSync(join(dataDir, 'keys.json'), 'utf8')) as { keys: StoredKey[] }).keys;

test('rotate Sandbox demo while a collection references it, then run that collection', async ({ page, console: app }) => {
  test.setTimeout(90_000);
  const folder = collectionFolder({ 'collection.yaml': 'name: Rotation\n', 'contacts.request.yaml': REQUEST });
  await app.open(page);
  await nav(page, 'Requests');
  await openCollection(page, folder.root);
  await openTreeRequest(page, /GET List contacts/);
  const keyPicker = page.getByRole('combobox', { name: 'Key' });
  await expect(keyPicker.locator('option:checked')).toHaveText(/^Sandbox demo/);
  const response = page.getByRole('region', { name: 'Response' });
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(response).toContainText('200 OK');
  const oldId = storedKeys(app.dataDir).find((k) => k.name === 'Sandbox demo')!.id;
  const oldSecret = app.keychainLookup(oldId);
  expect(oldSecret).toMatch(/^hl_test_/);

  // Keys → Rotate: the old key is revoked now; the dialog says each step in words.
  await nav(page, 'Keys');
  await page.getByRole('row', { name: /^Sandbox demo/ }).getByRole('button', { name: 'Rotate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rotate key “Sandbox demo”' });
  await dialog.getByRole('combobox', { name: 'Revoke the old key' }).selectOption({ label: 'Now' });
  await dialog.getByRole('button', { name: 'Rotate key' }).click();
  await expect(dialog.getByRole('status')).toContainText('the old key gets 401 revoked_api_key');
  const steps = dialog.getByRole('list', { name: 'Rotation steps' }).getByRole('listitem');
  await expect(steps).toHaveCount(5);
  for (const step of await steps.all()) await expect(step).toContainText(': done');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  const table = page.getByRole('table', { name: 'API keys' });
  await expect(table.getByRole('row', { name: /^Sandbox demo \(rotated \d{4}-\d{2}-\d{2}\)/ })).toContainText('Revoked');
  await expect(table.getByRole('row', { name: /^Sandbox demo(?! \()/ })).toContainText('Active');
  const keys = storedKeys(app.dataDir);
  const newId = keys.find((k) => k.name === 'Sandbox demo')!.id;
  expect(newId).not.toBe(oldId);
  await expect(page.getByRole('region', { name: 'Key rotations' })).toContainText('Rotated');

  // The old key is refused by the sandbox itself (not only marked here).
  const refused = await fetch(new URL('/v1/contacts?limit=1', app.sandboxUrl), { headers: { 'X-API-Key': oldSecret.trim() } });
  expect(refused.status).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('revoked_api_key');

  // The tab follows the replacement: still linked, not unsaved, and it sends.
  await nav(page, 'Requests');
  const tab = page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { selected: true });
  await expect(tab).toHaveAccessibleName(/List contacts/);
  await expect(tab).not.toHaveAccessibleName(/unsaved/);
  await expect(keyPicker.locator('option:checked')).toHaveText(/^Sandbox demo(?! \()/);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(response).toContainText('200 OK');
  await expect(response).not.toContainText('revoked_api_key');
  // The collection names the key: its file was not rewritten.
  expect(readFileSync(join(folder.root, 'contacts.request.yaml'), 'utf8')).toBe(REQUEST);

  // The same collection from the terminal, on this data folder: its keychain and its keys.
  const run = await runCli(['run', folder.root, '--env', 'sandbox', '--data-dir', app.dataDir, '--reporter', 'json'], childEnv());
  expect(run.stderr).not.toMatch(/revoked/);
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as { summary: { passed: number; failed: number } };
  expect(report.summary).toMatchObject({ passed: 1, failed: 0 });
  folder.cleanup();
});

/** A key made on the sandbox's admin routes, as a dashboard would (the console never saw it). */
async function dashboardKey(app: { sandboxUrl: string; adminToken: string }, name: string): Promise<{ id: string; secret: string }> {
  const res = await fetch(new URL('/_sandbox/workspaces/ws_acme/api_keys', app.sandboxUrl), {
    method: 'POST',
    headers: { Authorization: `Bearer ${app.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  return (await res.json()) as { id: string; secret: string };
}

test('guided rotation of a custom-server key: paste, Test and move references, revoke there, Check old key is refused', async ({ page, console: app }) => {
  const first = await dashboardKey(app, 'Partner API');
  await app.open(page);
  await nav(page, 'Keys');
  await page.getByRole('button', { name: 'Add key' }).click();
  const add = page.getByRole('dialog', { name: 'Add key' });
  await add.getByLabel('Name').fill('Partner API');
  await add.getByRole('combobox', { name: 'Environment' }).selectOption('custom');
  await add.getByLabel('Base URL').fill(app.sandboxUrl);
  await add.getByLabel('API key').fill(first.secret);
  await add.getByRole('button', { name: 'Save key' }).click();
  await expect(add).toBeHidden();

  await page.getByRole('row', { name: /^Partner API/ }).getByRole('button', { name: 'Rotate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rotate key “Partner API”' });
  // The old key itself is not a replacement: refused in words, nothing stored.
  await dialog.getByLabel('New API key').fill(first.secret);
  await dialog.getByRole('button', { name: 'Test and move references' }).click();
  await expect(dialog.getByRole('alert')).toContainText('That is the key being rotated');
  const second = await dashboardKey(app, 'Partner API');
  await dialog.getByLabel('New API key').fill(second.secret);
  await dialog.getByRole('button', { name: 'Test and move references' }).click();
  await expect(dialog.getByRole('status')).toContainText('Now revoke the old key');
  const steps = dialog.getByRole('list', { name: 'Rotation steps' }).getByRole('listitem');
  await expect(steps.nth(3)).toContainText(': waiting');

  // Checked before it was revoked there: it still works, said in words; the rotation keeps waiting.
  await dialog.getByRole('button', { name: 'Check old key is refused' }).click();
  await expect(dialog.getByRole('status')).toContainText('The old key still works');
  await expect(steps.nth(4)).toContainText(': failed');

  await fetch(new URL(`/_sandbox/workspaces/ws_acme/api_keys/${first.id}`, app.sandboxUrl), { method: 'DELETE', headers: { Authorization: `Bearer ${app.adminToken}` } });
  await dialog.getByRole('button', { name: 'Check old key is refused' }).click();
  await expect(dialog.getByRole('status')).toContainText('Rotated');
  for (const step of await steps.all()) await expect(step).toContainText(': done');
  await dialog.getByRole('button', { name: 'Done' }).click();
  const table = page.getByRole('table', { name: 'API keys' });
  await expect(table.getByRole('row', { name: /^Partner API \(rotated/ })).toContainText('Revoked');
  await expect(table.getByRole('row', { name: /^Partner API(?! \()/ })).toContainText('Active');
  // No reply the page received holds either secret.
  for (const reply of app.ipcReplies) {
    expect(reply).not.toContain(first.secret);
    expect(reply).not.toContain(second.secret);
  }
});

test('an overlap: the old key keeps working and says when it goes; Revoke old key now under Key rotations ends it, also after a reload', async ({ page, console: app }) => {
  await app.open(page);
  await nav(page, 'Keys');
  await page.getByRole('row', { name: /^Sandbox demo/ }).getByRole('button', { name: 'Rotate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rotate key “Sandbox demo”' });
  await dialog.getByRole('combobox', { name: 'Revoke the old key' }).selectOption({ label: 'After 7 days' });
  await dialog.getByRole('button', { name: 'Rotate key' }).click();
  await expect(dialog.getByRole('status')).toContainText('keeps working until the overlap ends');
  await dialog.getByRole('button', { name: 'Close' }).click();
  const oldRow = page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: /^Sandbox demo \(rotated/ });
  await expect(oldRow).toContainText('Active');
  await expect(oldRow).toContainText('Replaced by the new “Sandbox demo”: revoked at');
  // The replacement is not rotated (or revoked) while this one is not over.
  await expect(page.getByRole('row', { name: /^Sandbox demo(?! \()/ }).getByRole('button', { name: 'Rotate' })).toBeDisabled();

  await page.reload();
  await nav(page, 'Keys');
  const rotations = page.getByRole('region', { name: 'Key rotations' });
  await expect(rotations).toContainText('The old key keeps working until the overlap ends');
  await rotations.getByRole('button', { name: 'Revoke old key now' }).click();
  await expect(rotations).toContainText('the old key gets 401 revoked_api_key');
  await expect(oldRow).toContainText('Revoked');
  await rotations.getByRole('button', { name: 'Dismiss' }).click();
  await expect(rotations).toBeHidden();
});
