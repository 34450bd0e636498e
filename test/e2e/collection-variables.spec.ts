import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSandboxKey } from '../helpers/sandbox-admin';
import { expect, test } from './fixtures';
import { collectionFolder, openCollection } from './collection-steps';
import { addKey, nav } from './steps';

// Issue 16, region Variables: per collection and per environment, saved in collection.yaml.

test('Variables: per scope rows saved to collection.yaml; a key as a value is refused naming where; an outside edit asks', async ({ page, console: app }) => {
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken);
  const folder = collectionFolder({ 'collection.yaml': 'name: Onboarding\nvariables:\n  email: ada@example.com\n' });
  const file = join(folder.root, 'collection.yaml');
  await app.open(page);
  await addKey(page, secret, 'Acme support');
  // A custom server's key: its origin is a scope of its own.
  await addKey(page, `key-${Date.now()}-abcdefghijklmnop`, 'Staging', { custom: 'https://helplane.staging.example.com' });
  await nav(page, 'Requests');
  // Only when a collection is open.
  await expect(page.getByRole('region', { name: 'Variables' })).toHaveCount(0);
  await openCollection(page, folder.root);
  const region = page.getByRole('region', { name: 'Variables' });
  const scope = region.getByRole('combobox', { name: 'Scope' });
  await expect(scope.locator('option')).toHaveText(['Collection', 'Sandbox', 'Production', 'Custom server https://helplane.staging.example.com']);
  await expect(region.getByRole('textbox', { name: 'Variable name' })).toHaveValue('email');
  await expect(region.getByRole('textbox', { name: 'Variable value' })).toHaveValue('ada@example.com');

  // Collection scope: one more row.
  await region.getByRole('button', { name: 'Add variable' }).click();
  await region.getByRole('textbox', { name: 'Variable name' }).nth(1).fill('contact_name');
  await region.getByRole('textbox', { name: 'Variable value' }).nth(1).fill('Ada Lovelace');
  // Sandbox scope: its own row.
  await scope.selectOption({ label: 'Sandbox' });
  await expect(region.getByRole('textbox', { name: 'Variable name' })).toHaveCount(0);
  await region.getByRole('button', { name: 'Add variable' }).click();
  await region.getByRole('textbox', { name: 'Variable name' }).fill('email');
  await region.getByRole('textbox', { name: 'Variable value' }).fill('sandbox@example.com');
  await region.getByRole('button', { name: 'Save variables' }).click();
  await expect(region.getByRole('status')).toHaveText('Variables saved to collection.yaml.');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('contact_name: Ada Lovelace');
  expect(text).toMatch(/environments:[\s\S]*sandbox[\s\S]*sandbox@example\.com/);

  // Remove a row, then a stored key as a value: refused, naming the file and line, and not written.
  await scope.selectOption({ label: 'Collection' });
  await region.getByRole('button', { name: 'Remove variable contact_name' }).click();
  await region.getByRole('textbox', { name: 'Variable value' }).first().fill(secret);
  await region.getByRole('button', { name: 'Save variables' }).click();
  const refusal = region.getByRole('alert');
  await expect(refusal).toContainText('collection.yaml');
  await expect(refusal).toContainText(/line \d+/);
  await expect(refusal).not.toContainText(secret.slice(-8));
  expect(readFileSync(file, 'utf8')).not.toContain(secret);
  expect(readFileSync(file, 'utf8')).toContain('contact_name');

  // An outside edit while the rows have edits: Take theirs loads the file; Keep mine saves over it.
  await region.getByRole('textbox', { name: 'Variable value' }).first().fill('mine@example.com');
  folder.write('collection.yaml', text.replace('Ada Lovelace', 'Grace Hopper'));
  const conflict = region.getByRole('alert').filter({ hasText: 'changed outside' });
  await expect(conflict).toBeVisible();
  await conflict.getByRole('button', { name: 'Take theirs' }).click();
  await expect(region.getByRole('textbox', { name: 'Variable value' }).nth(1)).toHaveValue('Grace Hopper');
  await expect(region.getByRole('textbox', { name: 'Variable value' }).first()).toHaveValue('ada@example.com');

  await region.getByRole('textbox', { name: 'Variable value' }).first().fill('mine@example.com');
  folder.write('collection.yaml', text.replace('Ada Lovelace', 'Alan Turing'));
  await expect(conflict).toBeVisible();
  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(conflict).toBeHidden();
  await expect(region.getByRole('status')).toHaveText('Variables saved to collection.yaml.');
  expect(readFileSync(file, 'utf8')).toContain('email: mine@example.com');
  for (const reply of app.ipcReplies) expect(reply).not.toContain(secret);
  folder.cleanup();
});
