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
