import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { collectionFolder, LIST_CONTACTS, openCollection, openTreeRequest, treeRequest } from './collection-steps';
import { nav } from './steps';

// Issue 16, edits made outside the console (git pull, an editor) while it runs.

test('an outside edit updates the tree live and reloads a tab with no edits', async ({ page, console: app }) => {
  const folder = collectionFolder({ 'list-contacts.request.yaml': LIST_CONTACTS });
  await app.open(page);
  await nav(page, 'Requests');
  await openCollection(page, folder.root);
  await openTreeRequest(page, /GET List contacts/);
  await expect(page.getByRole('textbox', { name: 'Path' })).toHaveValue('/v1/contacts?limit=5');

  folder.write('list-contacts.request.yaml', LIST_CONTACTS.replace('name: List contacts', 'name: Latest contacts').replace('limit: "5"', 'limit: "9"'));
  folder.write('new-one.request.yaml', 'name: Pulled from git\nmethod: GET\npath: /v1/conversations\n');
  await expect(treeRequest(page, /GET Latest contacts/)).toBeVisible();
  await expect(treeRequest(page, /GET Pulled from git/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Path' })).toHaveValue('/v1/contacts?limit=9');
  await expect(page.getByRole('tab', { selected: true })).not.toHaveAccessibleName(/unsaved/);
  await expect(page.getByRole('alert')).toHaveCount(0);
  folder.cleanup();
});

test('an outside edit of a tab with unsaved edits asks: Keep mine saves over it, Take theirs reloads it', async ({ page, console: app }) => {
  const folder = collectionFolder({ 'list-contacts.request.yaml': LIST_CONTACTS });
  const file = join(folder.root, 'list-contacts.request.yaml');
  await app.open(page);
  await nav(page, 'Requests');
  await openCollection(page, folder.root);
  await openTreeRequest(page, /GET List contacts/);
  const path = page.getByRole('textbox', { name: 'Path' });

  // Keep mine: my edit is saved over theirs.
  await path.fill('/v1/contacts?limit=6');
  folder.write('list-contacts.request.yaml', LIST_CONTACTS.replace('limit: "5"', 'limit: "8"'));
  const alert = page.getByRole('alert').filter({ hasText: 'changed outside the console' });
  await expect(alert).toBeVisible();
  await expect(path).toHaveValue('/v1/contacts?limit=6');
  await alert.getByRole('button', { name: 'Keep mine' }).click();
  await expect(alert).toBeHidden();
  expect(readFileSync(file, 'utf8')).toContain('limit: "6"');
  await expect(page.getByRole('tab', { selected: true })).not.toHaveAccessibleName(/unsaved/);

  // Take theirs: the file replaces my edit.
  await path.fill('/v1/contacts?limit=4');
  folder.write('list-contacts.request.yaml', LIST_CONTACTS.replace('limit: "5"', 'limit: "3"'));
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Take theirs' }).click();
  await expect(alert).toBeHidden();
  await expect(path).toHaveValue('/v1/contacts?limit=3');
  expect(readFileSync(file, 'utf8')).toContain('limit: "3"');
  await expect(page.getByRole('tab', { selected: true })).not.toHaveAccessibleName(/unsaved/);
  folder.cleanup();
});

test('a file broken outside is listed with its parse error, its tab says so, and Save does not write over it', async ({ page, console: app }) => {
  const folder = collectionFolder({ 'list-contacts.request.yaml': LIST_CONTACTS });
  const file = join(folder.root, 'list-contacts.request.yaml');
  await app.open(page);
  await nav(page, 'Requests');
  await openCollection(page, folder.root);
  await openTreeRequest(page, /GET List contacts/);
  await page.getByRole('textbox', { name: 'Path' }).fill('/v1/contacts?limit=6');
  const broken = 'name: List contacts\nmethod: [GET\n';
  folder.write('list-contacts.request.yaml', broken);
  const region = page.getByRole('region', { name: 'Collection' });
  await expect(region.getByRole('listitem').filter({ hasText: 'list-contacts.request.yaml' })).toContainText(/line \d+, column \d+/);
  await expect(page.getByRole('alert').filter({ hasText: 'does not parse' })).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('alert').filter({ hasText: 'does not parse' })).toBeVisible();
  expect(readFileSync(file, 'utf8')).toBe(broken);
  await expect(page.getByRole('textbox', { name: 'Path' })).toHaveValue('/v1/contacts?limit=6');
  folder.cleanup();
});

test('a Save answered "changed on disk" asks the same question', async ({ page, console: app }) => {
  const folder = collectionFolder({ 'list-contacts.request.yaml': LIST_CONTACTS });
  const file = join(folder.root, 'list-contacts.request.yaml');
  await app.open(page);
  await nav(page, 'Requests');
  await openCollection(page, folder.root);
  await openTreeRequest(page, /GET List contacts/);
  // The file changes and the tab is saved before the watcher has reported it.
  await page.getByRole('textbox', { name: 'Path' }).fill('/v1/contacts?limit=6');
  folder.write('list-contacts.request.yaml', LIST_CONTACTS.replace('limit: "5"', 'limit: "8"'));
  await page.keyboard.press('Control+s');
  const alert = page.getByRole('alert').filter({ hasText: 'changed outside the console' });
  await expect(alert).toBeVisible();
  expect(readFileSync(file, 'utf8')).toContain('limit: "8"');
  await alert.getByRole('button', { name: 'Keep mine' }).click();
  await expect(alert).toBeHidden();
  expect(readFileSync(file, 'utf8')).toContain('limit: "6"');
  folder.cleanup();
});

test('the collection folder vanishing says so in words and every tab keeps its draft', async ({ page, console: app }) => {
  const folder = collectionFolder({ 'list-contacts.request.yaml': LIST_CONTACTS });
  await app.open(page);
  await nav(page, 'Requests');
  await openCollection(page, folder.root);
  await openTreeRequest(page, /GET List contacts/);
  const path = page.getByRole('textbox', { name: 'Path' });
  await path.fill('/v1/contacts?limit=2');
  rmSync(folder.root, { recursive: true, force: true });
  const region = page.getByRole('region', { name: 'Collection' });
  await expect(region.getByRole('alert')).toContainText('is gone');
  await expect(region.getByRole('alert')).toContainText('Your tabs keep their drafts');
  await expect(treeRequest(page, /GET List contacts/)).toHaveCount(0);
  await expect(path).toHaveValue('/v1/contacts?limit=2');
  await expect(page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab')).toHaveCount(2);
  await page.getByRole('tab').first().click();
  await page.getByRole('tab').nth(1).click();
  await expect(path).toHaveValue('/v1/contacts?limit=2');
});
