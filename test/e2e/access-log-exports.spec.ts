import { readFileSync } from 'node:fs';
import { createSandboxKey } from '../helpers/sandbox-admin';
import { expect, test } from './fixtures';
import { addKey, nav } from './steps';

/** A seeded contact with conversations, as the agent would know it from a ticket. */
async function seededContact(sandboxUrl: string, secret: string) {
  const contacts = (await (await fetch(`${sandboxUrl}/v1/contacts?limit=20`, { headers: { 'X-API-Key': secret } })).json()) as {
    data: Array<{ id: string; email: string; name: string; conversation_count: number }>;
  };
  return contacts.data.find((c) => c.conversation_count > 1)!;
}

test('opening a contact and a conversation shows in Settings > Access log, intact; the log exports as a download', async ({ page, console: app }) => {
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken, 'ws_acme', 'Support desk');
  const contact = await seededContact(app.sandboxUrl, secret);
  await app.open(page);
  await addKey(page, secret, 'Support desk');
  await nav(page, 'Inspector');
  const keyPicker = page.getByLabel('Read with key');
  await keyPicker.selectOption((await keyPicker.locator('option', { hasText: 'Support desk' }).getAttribute('value'))!);
  await page.getByRole('searchbox', { name: 'Find contact' }).fill(contact.email);
  await page.getByRole('button', { name: new RegExp(contact.name) }).click();
  const conversations = page.getByRole('table', { name: 'Conversations' });
  await expect(conversations.getByRole('row').nth(1)).toBeVisible();
  await conversations.getByRole('row').nth(1).getByRole('button').click();
  await expect(page.getByRole('list', { name: 'Messages' }).getByRole('listitem').first()).toBeVisible();

  await nav(page, 'Settings');
  const region = page.getByRole('region', { name: 'Access log' });
  await expect(region.getByText('The log is intact (2 entries).')).toBeVisible();
  const rows = region.getByRole('table', { name: 'Access log entries' }).getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('Conversation opened');
  await expect(rows.nth(1)).toContainText('Support desk');
  await expect(rows.nth(2)).toContainText('Contact opened');
  await expect(rows.nth(2)).toContainText(contact.id);
  // Ids only: the contact's email and name are not in the log.
  await expect(region).not.toContainText(contact.email);
  await expect(region).not.toContainText(contact.name);

  const download = page.waitForEvent('download');
  await region.getByRole('button', { name: 'Export', exact: true }).click();
  const copy = readFileSync(await (await download).path(), 'utf8').trimEnd().split('\n');
  expect(copy.map((l) => (JSON.parse(l) as { action: string }).action)).toEqual(['contact.opened', 'conversation.opened']);
  await expect(region.getByRole('link', { name: /^Download helplane-access-log-/ })).toBeVisible();
});

test('a conversation’s thread exports on its own, with a BOM when asked, and masked when Mask personal data is on', async ({ page, console: app }) => {
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken, 'ws_acme', 'Support desk');
  const contact = await seededContact(app.sandboxUrl, secret);
  await app.open(page);
  await addKey(page, secret, 'Support desk');
  await nav(page, 'Inspector');
  const keyPicker = page.getByLabel('Read with key');
  await keyPicker.selectOption((await keyPicker.locator('option', { hasText: 'Support desk' }).getAttribute('value'))!);
  await page.getByRole('searchbox', { name: 'Find contact' }).fill(contact.email);
  await page.getByRole('button', { name: new RegExp(contact.name) }).click();
  const conversations = page.getByRole('table', { name: 'Conversations' });
  await conversations.getByRole('row').nth(1).getByRole('button').click();
  const messages = page.getByRole('list', { name: 'Messages' }).getByRole('listitem');
  await expect(messages.first()).toBeVisible();
  const count = await messages.count();

  // The thread, as CSV with a BOM for spreadsheets.
  const thread = page.getByRole('region', { name: 'Export this thread' });
  await thread.getByRole('checkbox', { name: 'Add BOM for spreadsheets' }).check();
  let download = page.waitForEvent('download');
  await thread.getByRole('button', { name: 'Export', exact: true }).click();
  const bytes = readFileSync(await (await download).path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
  expect(lines[0]).toBe('conversation_id,subject,contact_id,contact_name,contact_email,message_id,created_at,author_type,author_name,body');
  expect(lines).toHaveLength(count + 1);
  expect(lines[1]).toContain(`${contact.id},${contact.name},${contact.email},`);
  await expect(thread.getByRole('link', { name: /^Download helplane-thread-cv_/ })).toBeVisible();

  // Masking on (through settings:update, as the Inspector's switch does): the same thread as JSON, masked.
  await page.evaluate(() => window.helplane.settingsUpdate({ maskPersonalData: true }));
  await nav(page, 'Settings');
  await nav(page, 'Inspector');
  await expect(thread.getByText('Mask personal data is on: names, emails and phone numbers are written masked.')).toBeVisible();
  await thread.getByRole('combobox', { name: 'Format' }).selectOption('json');
  await expect(thread.getByRole('checkbox', { name: 'Add BOM for spreadsheets' })).toHaveCount(0);
  download = page.waitForEvent('download');
  await thread.getByRole('button', { name: 'Export', exact: true }).click();
  const json = readFileSync(await (await download).path(), 'utf8');
  const rows = JSON.parse(json) as Array<{ contact_email: string; contact_name: string }>;
  expect(rows).toHaveLength(count);
  expect(json).not.toContain(contact.email);
  expect(json).not.toContain(contact.name);
  expect(rows[0]!.contact_email).toMatch(/^.•••@/);

  // The contact's conversations, masked too: the rows carry the contact, masked.
  await page.getByRole('button', { name: '← Back' }).click();
  const list = page.getByRole('region', { name: /^Export .*conversations$/ });
  download = page.waitForEvent('download');
  await list.getByRole('button', { name: 'Export', exact: true }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.split('\r\n')[0]).toContain(',contact_id,contact_name,contact_email,');
  expect(csv).not.toContain(contact.email);
  expect(csv).toContain(contact.id);

  await nav(page, 'Settings');
  const log = page.getByRole('region', { name: 'Access log' });
  await expect(log.getByText(/^The log is intact \(\d+ entries\)\.$/)).toBeVisible();
  await expect(log.getByRole('row').filter({ hasText: 'Export finished' })).toHaveCount(3);
  await expect(log.getByRole('row').filter({ hasText: 'Export started' }).filter({ hasText: 'masked' })).toHaveCount(2);
});
