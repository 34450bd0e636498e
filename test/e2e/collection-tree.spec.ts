import AxeBuilder from '@axe-core/playwright';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { collectionFolder, LIST_CONTACTS, openCollection, treeRequest } from './collection-steps';
import { nav } from './steps';

// Issue 16, Collections in the window: Open / New collection, the tree and its actions.

test('Open collection shows the tree; a request opens in a tab (once); Rename, Duplicate, Move and Delete change the files', async ({ page, console: app }) => {
  const folder = collectionFolder({
    'collection.yaml': 'name: Onboarding\n',
    'list-contacts.request.yaml': LIST_CONTACTS,
    'chain/create-contact.request.yaml': 'name: Create contact\nmethod: POST\npath: /v1/contacts\nbody: |\n  {"name": "Ada"}\n',
    'archive/.keep': '',
  });
  await app.open(page);
  await nav(page, 'Requests');
  const region = page.getByRole('region', { name: 'Collection' });
  const tabs = page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab');

  // A folder that does not exist is refused in words, and nothing is open.
  await region.getByRole('button', { name: 'Open collection' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open collection' });
  await dialog.getByRole('textbox', { name: 'Folder' }).fill(join(folder.root, 'nope'));
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('not an existing folder');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await openCollection(page, folder.root);
  await expect(region).toContainText('Onboarding');
  await expect(treeRequest(page, /GET List contacts/)).toBeVisible();
  await expect(treeRequest(page, /POST Create contact/)).toBeVisible();
  await expect(region.getByRole('list', { name: 'Folder chain' })).toBeVisible();

  // Open: a new tab with the file's request, not marked unsaved; opening it again focuses that tab.
  await treeRequest(page, /GET List contacts/).click();
  await expect(tabs).toHaveCount(2);
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.nth(1)).not.toHaveAccessibleName(/unsaved/);
  await expect(tabs.nth(1)).toHaveAccessibleName('GET List contacts');
  await expect(page.getByRole('textbox', { name: 'Path' })).toHaveValue('/v1/contacts?limit=5');
  await tabs.first().click();
  await treeRequest(page, /GET List contacts/).click();
  await expect(tabs).toHaveCount(2);
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');

  // Rename: the file follows the name, and the open tab follows the file.
  await region.getByRole('button', { name: 'Actions for List contacts' }).click();
  await region.getByRole('button', { name: 'Rename' }).click();
  const rename = page.getByRole('dialog', { name: /Rename/ });
  await rename.getByRole('textbox', { name: 'Name' }).fill('All contacts');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename).toBeHidden();
  await expect(treeRequest(page, /GET All contacts/)).toBeVisible();
  await expect(tabs.nth(1)).toHaveAccessibleName('GET All contacts');
  expect(existsSync(join(folder.root, 'all-contacts.request.yaml'))).toBe(true);
  expect(existsSync(join(folder.root, 'list-contacts.request.yaml'))).toBe(false);
  await expect(page.getByText('File: all-contacts.request.yaml')).toBeVisible();

  // Duplicate: a copy beside it.
  await region.getByRole('button', { name: 'Actions for All contacts' }).click();
  await region.getByRole('button', { name: 'Duplicate' }).click();
  await expect(treeRequest(page, /GET All contacts copy/)).toBeVisible();
  expect(readFileSync(join(folder.root, 'all-contacts-copy.request.yaml'), 'utf8')).toContain('name: All contacts copy');

  // Move: into another folder of the collection.
  await region.getByRole('button', { name: 'Actions for All contacts copy' }).click();
  await region.getByRole('button', { name: 'Move' }).click();
  const move = page.getByRole('dialog', { name: /Move/ });
  await move.getByRole('combobox', { name: 'To folder' }).selectOption('archive');
  await move.getByRole('button', { name: 'Move' }).click();
  await expect(move).toBeHidden();
  await expect(region.getByRole('list', { name: 'Folder archive' }).getByRole('button', { name: /GET All contacts copy/ })).toBeVisible();
  expect(existsSync(join(folder.root, 'archive/all-contacts-copy.request.yaml'))).toBe(true);

  // Delete asks first; the tab that had the file keeps its draft, now unsaved.
  await region.getByRole('button', { name: 'Actions for All contacts', exact: true }).click();
  await region.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete request' });
  await expect(confirm).toContainText('all-contacts.request.yaml');
  await confirm.getByRole('button', { name: 'Delete request' }).click();
  await expect(confirm).toBeHidden();
  await expect(treeRequest(page, /GET All contacts$/)).toHaveCount(0);
  expect(existsSync(join(folder.root, 'all-contacts.request.yaml'))).toBe(false);
  await expect(tabs.nth(1)).toHaveAccessibleName(/unsaved/);
  await expect(page.getByRole('textbox', { name: 'Path' })).toHaveValue('/v1/contacts?limit=5');
  folder.cleanup();
});

test('New collection writes collection.yaml with its name and opens it', async ({ page, console: app }) => {
  const folder = collectionFolder({});
  await app.open(page);
  await nav(page, 'Requests');
  const region = page.getByRole('region', { name: 'Collection' });
  await region.getByRole('button', { name: 'New collection' }).click();
  const dialog = page.getByRole('dialog', { name: 'New collection' });
  // The web host has no system folder picker: the folder is typed.
  await expect(dialog.getByRole('button', { name: /Choose folder/ })).toHaveCount(0);
  await dialog.getByRole('textbox', { name: 'Folder' }).fill(folder.root);
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Billing checks');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await expect(region).toContainText('Billing checks');
  await expect(region).toContainText('No requests yet');
  expect(readFileSync(join(folder.root, 'collection.yaml'), 'utf8')).toContain('name: Billing checks');
  expect(readdirSync(folder.root)).toEqual(['collection.yaml']);
  await expect(page.getByRole('region', { name: 'Variables' })).toBeVisible();
  folder.cleanup();
});

test('a damaged file is listed with its parse error (line and column) and two requests with one name are marked', async ({ page, console: app }) => {
  const folder = collectionFolder({
    'broken.request.yaml': 'name: Broken\nmethod: [GET\n',
    'a.request.yaml': 'name: Same name\nmethod: GET\npath: /v1/contacts\n',
    'b.request.yaml': 'name: Same name\nmethod: GET\npath: /v1/conversations\n',
  });
  await app.open(page);
  await nav(page, 'Requests');
  await openCollection(page, folder.root);
  const region = page.getByRole('region', { name: 'Collection' });
  const damaged = region.getByRole('listitem').filter({ hasText: 'broken.request.yaml' });
  await expect(damaged).toContainText(/Cannot be read \(line \d+, column \d+\)/);
  // It cannot be opened (no button), so nothing can be saved over it from here.
  await expect(damaged.getByRole('button')).toHaveCount(0);
  await expect(treeRequest(page, /GET Same name — duplicate name/)).toHaveCount(2);
  folder.cleanup();
});

test('axe finds no serious or critical violation with a collection open (tree, damaged file, duplicate names, Variables, Save as)', async ({ page, console: app }) => {
  const folder = collectionFolder({
    'collection.yaml': 'name: Onboarding\nvariables:\n  email: ada@example.com\n',
    'list-contacts.request.yaml': LIST_CONTACTS,
    'broken.request.yaml': 'name: Broken\nmethod: [GET\n',
    'chain/a.request.yaml': 'name: Same name\nmethod: GET\npath: /v1/contacts\n',
    'chain/b.request.yaml': 'name: Same name\nmethod: GET\npath: /v1/conversations\n',
  });
  await app.open(page);
  await nav(page, 'Requests');
  await openCollection(page, folder.root);
  await treeRequest(page, /GET List contacts/).click();
  await page.getByRole('region', { name: 'Collection' }).getByRole('button', { name: 'Actions for List contacts' }).click();
  const scan = async () => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(await scan()).toEqual([]);
  await page.getByRole('button', { name: 'Save as' }).click();
  await expect(page.getByRole('dialog', { name: 'Save as' })).toBeVisible();
  expect(await scan()).toEqual([]);
  folder.cleanup();
});
