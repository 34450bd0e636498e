import type { Page } from '@playwright/test';
import { createSandboxKey } from '../helpers/sandbox-admin';
import { expect, test, type Console } from './fixtures';
import { addKeyAndUse } from './steps';

// Issue 16 (resp): the resolved request before Send, an undefined variable blocking it, Use as
// variable feeding the next request, region Tests, and Compare → Response diff.

async function start(page: Page, app: Console, name: string): Promise<string> {
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken);
  await app.open(page);
  await addKeyAndUse(page, secret, name);
  return secret;
}

async function custom(page: Page, method: string, path: string) {
  await page.getByRole('combobox', { name: 'Endpoint' }).selectOption({ label: 'Custom request — any method and path' });
  await page.getByRole('combobox', { name: 'Method' }).selectOption(method);
  await page.getByRole('textbox', { name: 'Path' }).fill(path);
}

const sendButton = (page: Page) => page.getByRole('button', { name: 'Send', exact: true });

test('the resolved request shows before Send; an undefined variable blocks Send naming it; Use as variable resolves the next request', async ({ page, console: app }) => {
  const secret = await start(page, app, 'Chain key');
  const resolved = page.getByRole('region', { name: 'Resolved request' });
  const response = page.getByRole('region', { name: 'Response', exact: true });

  await custom(page, 'GET', '/v1/contacts/{{contact_id}}');
  await expect(resolved).toContainText('GET /v1/contacts/{{contact_id}}');
  await expect(resolved.getByRole('status')).toContainText('Send is blocked');
  await expect(resolved.getByRole('status')).toContainText('{{contact_id}}');
  await expect(sendButton(page)).toBeDisabled();
  await expect(sendButton(page)).toHaveAccessibleDescription(/\{\{contact_id\}\} is not defined/);

  // A list, then Use as variable on the first contact's id (the tree's leaf).
  await custom(page, 'GET', '/v1/contacts?limit=1');
  await expect(sendButton(page)).toBeEnabled();
  await sendButton(page).click();
  await expect(response).toContainText('200');
  await response.getByRole('button', { name: 'Tree', exact: true }).click();
  const tree = response.getByLabel('Body tree');
  // The tree opens two levels: open data's first item.
  await tree.locator('summary').filter({ hasText: /^0/ }).first().click();
  await tree.getByRole('button', { name: 'Use as variable: id', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Use as variable' });
  await expect(dialog.getByRole('textbox', { name: 'Variable name' })).toHaveValue('contact_id');
  const id = ((await dialog.locator('code').first().textContent()) ?? '').trim();
  expect(id).toMatch(/^ct_/);
  await dialog.getByRole('button', { name: 'Set variable' }).click();
  await expect(dialog).toBeHidden();
  await expect(response.getByRole('status').filter({ hasText: 'Variable contact_id is set' })).toBeVisible();

  // The next request resolves with it: preview, Send enabled, and the URL sent.
  await custom(page, 'GET', '/v1/conversations?contact_id={{contact_id}}');
  await expect(resolved).toContainText(`GET /v1/conversations?contact_id=${id}`);
  await expect(resolved).toContainText('{{contact_id}} from runtime');
  await expect(sendButton(page)).toBeEnabled();
  await sendButton(page).click();
  await expect(response).toContainText('200');
  await expect(response.getByText(`/v1/conversations?contact_id=${id}`)).toBeVisible();

  // In a catalog endpoint's path parameter too: {{contact_id}} reaches main unencoded.
  const endpoint = page.getByRole('combobox', { name: 'Endpoint' });
  await endpoint.selectOption((await endpoint.locator('option', { hasText: '/v1/conversations/{id}' }).first().getAttribute('value')) ?? '');
  await page.getByRole('group', { name: 'Path parameters' }).getByRole('textbox').first().fill('{{contact_id}}');
  await expect(resolved).toContainText(`GET /v1/conversations/${id}`);

  // Copy as code shows the resolved request, never {{x}}.
  await custom(page, 'GET', '/v1/conversations?contact_id={{contact_id}}');
  await page.getByRole('button', { name: 'Copy as code' }).click();
  const snippet = page.getByLabel('Code snippet');
  await expect(snippet).toContainText(`contact_id=${id}`);
  await expect(snippet).not.toContainText('{{');
  for (const reply of app.ipcReplies) expect(reply).not.toContain(secret);
});

test('region Tests: Add test, then each test passed or failed with why after Send', async ({ page, console: app }) => {
  await start(page, app, 'Tests key');
  const tests = page.getByRole('region', { name: 'Tests' });
  await custom(page, 'GET', '/v1/contacts?limit=2');

  await tests.getByRole('button', { name: 'Add test' }).click();
  await tests.getByRole('combobox', { name: 'Test kind' }).selectOption({ label: 'Status' });
  await tests.getByRole('textbox', { name: 'Expected status' }).fill('200');
  await tests.getByRole('button', { name: 'Add', exact: true }).click();

  await tests.getByRole('button', { name: 'Add test' }).click();
  await tests.getByRole('combobox', { name: 'Test kind' }).selectOption({ label: 'JSONPath' });
  await tests.getByRole('textbox', { name: 'Value at' }).fill('$.has_more');
  await tests.getByRole('combobox', { name: 'Check' }).selectOption('equals');
  await tests.getByRole('textbox', { name: 'Expected value' }).fill('false');
  await tests.getByRole('button', { name: 'Add', exact: true }).click();

  await tests.getByRole('button', { name: 'Add test' }).click();
  await tests.getByRole('combobox', { name: 'Test kind' }).selectOption({ label: 'Body valid against the endpoint schema' });
  await tests.getByRole('button', { name: 'Add', exact: true }).click();

  await expect(tests.getByRole('list', { name: 'Tests of this request' }).getByRole('listitem')).toHaveCount(3);
  await sendButton(page).click();
  const results = tests.getByRole('list', { name: 'Test results' });
  await expect(tests.getByRole('status')).toHaveText('2 of 3 tests passed');
  await expect(results.getByRole('listitem').nth(0)).toHaveText('✓ Passed: status is 200');
  await expect(results.getByRole('listitem').nth(1)).toContainText('Failed: $.has_more equals false — it was true');
  await expect(results.getByRole('listitem').nth(2)).toContainText('Passed: body valid against the endpoint schema');

  // Removing the failing one: the next Send passes them all.
  await tests.getByRole('button', { name: 'Remove test $.has_more equals false' }).click();
  await sendButton(page).click();
  await expect(tests.getByRole('status')).toHaveText('2 of 2 tests passed');

  // A capture of the tab (not saved anywhere): after the 2xx, Captured, and the next request resolves with it.
  await tests.getByRole('textbox', { name: 'Capture variable' }).fill('first_contact');
  await tests.getByRole('textbox', { name: 'Capture from' }).fill('$.data[0].id');
  await tests.getByRole('button', { name: 'Add capture' }).click();
  await sendButton(page).click();
  const response = page.getByRole('region', { name: 'Response', exact: true });
  await expect(response.getByRole('status').filter({ hasText: 'Captured first_contact' })).toBeVisible();
  const id = JSON.parse((await response.getByLabel('Body', { exact: true }).textContent()) ?? '{}').data?.[0]?.id as string | undefined;
  await custom(page, 'GET', '/v1/conversations?contact_id={{first_contact}}');
  await expect(page.getByRole('region', { name: 'Resolved request' })).toContainText(`contact_id=${id ?? 'ct_'}`);
  await expect(sendButton(page)).toBeEnabled();
});

test('Compare two responses of a tab shows region Response diff: status, headers and body lines, in words', async ({ page, console: app }) => {
  await start(page, app, 'Compare key');
  const response = page.getByRole('region', { name: 'Response', exact: true });
  const history = page.getByRole('region', { name: 'Tab history' });
  await custom(page, 'GET', '/v1/contacts?limit=1');
  await sendButton(page).click();
  await expect(response).toContainText('200');
  await custom(page, 'GET', '/v1/contacts?limit=2');
  await sendButton(page).click();
  await expect(history.getByRole('checkbox')).toHaveCount(2);
  await custom(page, 'GET', '/v1/contacts/ct_does_not_exist');
  await sendButton(page).click();
  await expect(history.getByRole('checkbox')).toHaveCount(3);

  await expect(history.getByRole('button', { name: 'Compare' })).toBeDisabled();
  await history.getByRole('checkbox', { name: /Pick response 1:.*status 404/ }).check();
  await history.getByRole('checkbox', { name: /Pick response 2:.*status 200/ }).check();
  await history.getByRole('button', { name: 'Compare' }).click();
  const diff = page.getByRole('region', { name: 'Response diff' });
  await expect(diff).toContainText('Status changed: 200 OK → 404');
  await expect(diff).toContainText(/Body: \d+ lines? added, \d+ removed/);
  await expect(diff.getByLabel('Body changes')).toContainText('added: + ');
  await expect(diff.getByLabel('Body changes')).toContainText('removed: - ');

  // A new tab has its own (empty) history; closing the tab removes its responses in main.
  await page.getByRole('button', { name: 'New tab' }).click();
  await expect(page.getByRole('region', { name: 'Tab history' })).toContainText('appear here after each Send');
});
