import { readFileSync } from 'node:fs';
import { createSandboxKey } from '../helpers/sandbox-admin';
import { expect, test, type SandboxRate } from './fixtures';

// Shrunk so pacing matters: 5 at once, then 5 per second.
const RATE: SandboxRate = { capacity: 5, refillPerWindow: 5, windowMs: 1000 };
test.use({ sandboxRate: RATE });

test('a support agent finds a contact by email, reads a conversation, and exports every conversation as CSV without a 429', async ({ page, console: app }) => {
  test.setTimeout(120_000);
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken, 'ws_acme', 'Support desk');
  // A seeded contact with conversations, as the agent would know it from a ticket.
  const contacts = (await (await fetch(`${app.sandboxUrl}/v1/contacts?limit=20`, { headers: { 'X-API-Key': secret } })).json()) as {
    data: Array<{ email: string; name: string; conversation_count: number }>;
  };
  const contact = contacts.data.find((c) => c.conversation_count > 0)!;

  await app.open(page);
  await page.getByRole('button', { name: 'Add key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add key' });
  await dialog.getByLabel('Name').fill('Support desk');
  await dialog.getByLabel('API key').fill(secret);
  await dialog.getByRole('button', { name: 'Save key' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('navigation').getByRole('button', { name: 'Inspector' }).click();
  // Options read "name · prefix": pick the agent's key by its visible name.
  const keyPicker = page.getByLabel('Read with key');
  await keyPicker.selectOption((await keyPicker.locator('option', { hasText: 'Support desk' }).getAttribute('value'))!);
  await page.getByRole('searchbox', { name: 'Find contact' }).fill(contact.email);
  await page.getByRole('button', { name: new RegExp(contact.name) }).click();

  await expect(page.getByRole('heading', { name: contact.name, exact: true })).toBeVisible();
  const conversations = page.getByRole('table', { name: 'Conversations' });
  await expect(conversations.getByRole('row')).toHaveCount(Math.min(25, contact.conversation_count) + 1);
  const firstSubject = (await conversations.getByRole('row').nth(1).getByRole('button').textContent())!;
  await conversations.getByRole('row').nth(1).getByRole('button').click();
  await expect(page.getByRole('heading', { name: firstSubject, exact: true })).toBeVisible();
  const thread = page.getByRole('list', { name: 'Messages' });
  await expect(thread.getByRole('listitem').first()).toBeVisible();
  expect(await thread.getByRole('listitem').count()).toBeGreaterThan(0);

  // Back with the keyboard, then forward with the button, then back twice to the search.
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByRole('heading', { name: contact.name, exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Forward →' }).click();
  await expect(page.getByRole('heading', { name: firstSubject, exact: true })).toBeVisible();
  await page.getByRole('button', { name: '← Back' }).click();
  await page.getByRole('button', { name: '← Back' }).click();
  await expect(page.getByRole('searchbox', { name: 'Find contact' })).toBeVisible();

  // Let the small bucket fill up, so the export starts from a known budget.
  await page.waitForTimeout((RATE.capacity / RATE.refillPerWindow) * RATE.windowMs + 300);
  const download = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
  const file = await (await download).path();
  const summary = await page.getByText(/^Done: /).textContent();
  const match = /^Done: ([\d,]+) of ([\d,]+) rows in ([\d.]+) s, (\d+) requests, (\d+) rate-limited\.$/.exec(summary ?? '');
  expect(match, summary ?? '').not.toBeNull();
  const [, done, total, seconds, requests, limited] = match!;
  expect(done).toBe('2,000');
  expect(total).toBe('2,000');
  expect(Number(limited)).toBe(0);
  const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n');
  expect(lines).toHaveLength(2001);
  expect(lines[0]).toMatch(/^id,subject,status,channel,contact_id/);
  const minimum = (Math.max(0, Number(requests) - RATE.capacity) * RATE.windowMs) / RATE.refillPerWindow / 1000;
  // Paced, not bursted: it cannot finish faster than the bucket refills. How close it comes to that
  // minimum is a speed target, measured in `npm run bench` (export-pacing, goal <= 1.05), not here,
  // where a loaded machine made an upper bound fail at random.
  expect(Number(seconds)).toBeGreaterThanOrEqual(minimum * 0.9);
});
