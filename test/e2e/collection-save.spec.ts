import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSandboxKey } from '../helpers/sandbox-admin';
import { expect, test } from './fixtures';
import { collectionFolder, openCollection, treeRequest } from './collection-steps';
import { addKey, nav, pickEndpoint } from './steps';

// Issue 16, Save / Save as: a tab's request written to its file, byte for byte when unchanged.

const COMMENTED = `# Kept by the support team
name: List contacts
method: GET
path: /v1/contacts   # all of them
query:
  limit: "5"
  tag: [vip, trial]
headers:
  Accept-Language: en
tests:
  - status: 200
captures:
  - variable: first_id
    path: $.data[0].id
`;

test('Save rewrites an unchanged request to the same bytes, saves an edit as just that line, and clears the unsaved mark', async ({ page, console: app }) => {
  const folder = collectionFolder({ 'list-contacts.request.yaml': COMMENTED });
  const file = join(folder.root, 'list-contacts.request.yaml');
  await app.open(page);
  await nav(page, 'Requests');
  await openCollection(page, folder.root);
  await treeRequest(page, /GET List contacts/).click();
  const tab = page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { selected: true });
  await expect(page.getByRole('textbox', { name: 'Path' })).toHaveValue('/v1/contacts?limit=5&tag=vip&tag=trial');

  // Unchanged: the same bytes (comments, key order, the repeated query, the captures and tests).
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  expect(readFileSync(file, 'utf8')).toBe(COMMENTED);

  // One edit: only that line changes; Ctrl+S saves it and the tab is no longer marked unsaved.
  await expect(page.getByRole('textbox', { name: 'Header 1 name' })).toHaveValue('Accept-Language');
  await page.getByRole('textbox', { name: 'Header 1 value' }).fill('fr');
  await expect(tab).toHaveAccessibleName(/unsaved/);
  await page.keyboard.press('Control+s');
  await expect(tab).not.toHaveAccessibleName(/unsaved/);
  expect(readFileSync(file, 'utf8')).toBe(COMMENTED.replace('Accept-Language: en', 'Accept-Language: fr'));
  folder.cleanup();
});

test('a tab with no file asks Save as (Name, folder); the file is written there and the tab is linked to it', async ({ page, console: app }) => {
  const folder = collectionFolder({ 'collection.yaml': 'name: Onboarding\n', 'chain/.keep': '' });
  await app.open(page);
  await nav(page, 'Requests');
  await openCollection(page, folder.root);
  await pickEndpoint(page, /^Custom request/);
  await page.getByRole('combobox', { name: 'Method' }).selectOption('POST');
  await page.getByRole('textbox', { name: 'Path' }).fill('/v1/contacts');
  await page.getByRole('textbox', { name: 'Request body' }).fill('{"name": "{{contact_name}}"}');
  const tab = page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { selected: true });
  await expect(tab).toHaveAccessibleName(/unsaved/);
  await page.keyboard.press('Control+s');
  const dialog = page.getByRole('dialog', { name: 'Save as' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Create contact');
  await dialog.getByRole('combobox', { name: 'In folder' }).selectOption('chain');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(tab).not.toHaveAccessibleName(/unsaved/);
  await expect(page.getByText('File: chain/create-contact.request.yaml')).toBeVisible();
  await expect(treeRequest(page, /POST Create contact/)).toBeVisible();
  const text = readFileSync(join(folder.root, 'chain/create-contact.request.yaml'), 'utf8');
  expect(text).toContain('name: Create contact');
  expect(text).toContain('path: /v1/contacts');
  expect(text).toContain('{"name": "{{contact_name}}"}');
  // The key by name and environment, never its value.
  expect(text).toMatch(/key:\n\s+name: Sandbox demo\n\s+environment: sandbox/);
  expect(text).not.toMatch(/hl_test_[A-Za-z0-9]{20,}/);

  // A second Save as with the same name in the same folder is refused in words.
  await page.getByRole('button', { name: 'Save as' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Create contact');
  await dialog.getByRole('combobox', { name: 'In folder' }).selectOption('chain');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(/already/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  folder.cleanup();
});

test('a save that holds a stored key is refused, naming the file, field and line; nothing is written', async ({ page, console: app }) => {
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken);
  const folder = collectionFolder({ 'collection.yaml': 'name: Onboarding\n' });
  await app.open(page);
  await addKey(page, secret, 'Acme support');
  await nav(page, 'Requests');
  await openCollection(page, folder.root);
  await pickEndpoint(page, /^Custom request/);
  await page.getByRole('combobox', { name: 'Method' }).selectOption('POST');
  await page.getByRole('textbox', { name: 'Path' }).fill('/v1/contacts');
  await page.getByRole('textbox', { name: 'Request body' }).fill(`{\n  "name": "Ada",\n  "note": "${secret}"\n}`);
  await page.getByRole('button', { name: 'Save as' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Leaky');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('leaky.request.yaml');
  await expect(alert).toContainText('body');
  await expect(alert).toContainText(/line \d+/);
  await expect(alert).not.toContainText(secret.slice(-8));
  expect(existsSync(join(folder.root, 'leaky.request.yaml'))).toBe(false);
  for (const reply of app.ipcReplies) expect(reply).not.toContain(secret);
  folder.cleanup();
});
