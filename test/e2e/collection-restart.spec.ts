import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { collectionFolder, openCollection, openTreeRequest } from './collection-steps';
import { nav } from './steps';

// Issue 16, drafts after a restart: the last collection reopens and each tab is still linked to its file.

const CREATE = `name: Create contact
method: POST
path: /v1/contacts
body: |
  {"name": "Ada"}
captures:
  - variable: contact_id
    path: $.id
tests:
  - status: 201
`;

test('after a restart the collection reopens, a tab is still linked to its file with its edits, captures and tests, and Save works', async ({ page, console: app }) => {
  const folder = collectionFolder({ 'collection.yaml': 'name: Onboarding\n', 'create-contact.request.yaml': CREATE, 'other.request.yaml': 'name: Other\nmethod: GET\npath: /v1/contacts\n' });
  const file = join(folder.root, 'create-contact.request.yaml');
  await app.open(page);
  await nav(page, 'Requests');
  await openCollection(page, folder.root);
  await openTreeRequest(page, /POST Create contact/);
  await page.getByRole('textbox', { name: 'Request body' }).fill('{"name": "Grace"}\n');
  await openTreeRequest(page, /GET Other/);
  // Main writes the drafts a moment after the last change (later on a busy machine): wait for them.
  const tabsFile = join(app.dataDir, 'workspace', 'tabs.json');
  const drafts = () => (existsSync(tabsFile) ? readFileSync(tabsFile, 'utf8') : '');
  await expect.poll(drafts, { timeout: 10_000 }).toContain('create-contact.request.yaml');
  expect(drafts()).toContain('contact_id');

  // A file of a tab with no edits changes while the console is closed: it reloads when it reopens.
  await page.goto('about:blank');
  folder.write('other.request.yaml', 'name: Other\nmethod: GET\npath: /v1/conversations\n');
  await app.open(page);
  await nav(page, 'Requests');
  await expect(page.getByRole('region', { name: 'Collection' })).toContainText('Onboarding');
  const tabs = page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab');
  await expect(tabs).toHaveCount(3);
  await expect(page.getByText('File: other.request.yaml')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Path' })).toHaveValue('/v1/conversations');
  await expect(tabs.nth(2)).not.toHaveAccessibleName(/unsaved/);

  // The edited tab: its draft, still unsaved, still linked; Save writes its file (not Save as).
  await tabs.nth(1).click();
  await expect(page.getByText('File: create-contact.request.yaml')).toBeVisible();
  await expect(tabs.nth(1)).toHaveAccessibleName(/unsaved/);
  await expect(page.getByRole('textbox', { name: 'Request body' })).toHaveValue('{"name": "Grace"}\n');
  await page.keyboard.press('Control+s');
  await expect(tabs.nth(1)).not.toHaveAccessibleName(/unsaved/);
  await expect(page.getByRole('dialog', { name: 'Save as' })).toHaveCount(0);
  expect(readFileSync(file, 'utf8')).toBe(CREATE.replace('"Ada"', '"Grace"'));
  folder.cleanup();
});
