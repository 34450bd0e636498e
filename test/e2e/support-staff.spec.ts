import { createSandboxKey } from '../helpers/sandbox-admin';
import { expect, test, type Console } from './fixtures';
import { addKey, nav } from './steps';
import type { Page } from '@playwright/test';

// Support staff (issue 18): Find by id, name (Load more), company and phone; Copy id; the Timeline;
// Mask personal data. Against the seeded ws_acme (500 contacts, 2,000 conversations).

interface SeedContact {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  company: string | null;
  conversation_count: number;
}

async function api<T>(app: Console, secret: string, path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${app.sandboxUrl}${path}`, { ...init, headers: { 'X-API-Key': secret, 'Content-Type': 'application/json', ...(init.headers ?? {}) } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Every seeded contact of the workspace (5 pages of 100). */
async function allContacts(app: Console, secret: string): Promise<SeedContact[]> {
  const out: SeedContact[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: SeedContact[]; next_cursor: string | null } = await api(app, secret, `/v1/contacts?limit=100${cursor ? `&starting_after=${cursor}` : ''}`);
    out.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

async function openInspector(page: Page, app: Console, secret: string): Promise<void> {
  await app.open(page);
  await addKey(page, secret, 'Support desk');
  await nav(page, 'Inspector');
  const keyPicker = page.getByLabel('Read with key');
  await keyPicker.selectOption((await keyPicker.locator('option', { hasText: 'Support desk' }).getAttribute('value'))!);
}

test('Find: a contact id and a conversation id open directly, names page with Load more, every id has Copy id', async ({ page, context, console: app }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken, 'ws_acme', 'Support desk');
  const contacts = await allContacts(app, secret);
  // An old contact (on the last page): the id scan reads several pages to find it.
  const target = contacts.filter((c) => c.conversation_count > 0).at(-1)!;
  const conv = (await api<{ data: Array<{ id: string; subject: string }> }>(app, secret, `/v1/conversations?contact_id=${target.id}&limit=1`)).data[0]!;
  await openInspector(page, app, secret);
  const find = page.getByRole('searchbox', { name: 'Find contact' });

  // A name part matching many contacts: 20, then Load more adds the next 20.
  await find.fill('a');
  const found = page.getByRole('list', { name: 'Contacts found' }).getByRole('listitem');
  await expect(found).toHaveCount(20);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(found).toHaveCount(40);

  // A contact id opens the contact (the API has no contact by id: a paced scan finds it).
  await find.fill(target.id);
  await expect(page.getByText(`Press Enter to open contact ${target.id}.`)).toBeVisible();
  await find.press('Enter');
  await expect(page.getByRole('heading', { name: target.name, exact: true })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('term').filter({ hasText: /^Id$/ }).locator('+ dd').getByRole('button', { name: 'Copy id' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(target.id);

  // A conversation id opens the conversation and names its contact; Back goes to the contact.
  await page.getByRole('button', { name: '← Back' }).click();
  await find.fill(conv.id);
  await find.press('Enter');
  await expect(page.getByRole('heading', { name: conv.subject, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: target.name, exact: true })).toBeVisible({ timeout: 20_000 });
  const messages = page.getByRole('list', { name: 'Messages' }).getByRole('listitem');
  await expect(messages.first()).toBeVisible();
  await messages.first().getByRole('button', { name: 'Copy id' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^msg_/);
  await page.getByRole('button', { name: '← Back' }).click();
  await expect(page.getByRole('heading', { name: target.name, exact: true })).toBeVisible();
});

test('Find by company and by phone: a paced scan of every contact with its progress, never a silent partial answer', async ({ page, console: app }) => {
  test.setTimeout(90_000);
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken, 'ws_acme', 'Support desk');
  const contacts = await allContacts(app, secret);
  const company = contacts.find((c) => c.company)!.company!;
  const byCompany = contacts.filter((c) => c.company?.toLowerCase().includes(company.toLowerCase()));
  const withPhone = contacts.find((c) => c.phone)!;
  await openInspector(page, app, secret);

  await page.getByLabel('Find by').selectOption({ label: 'Company (scans contacts)' });
  await page.getByRole('searchbox', { name: 'Find contact' }).fill(company);
  await page.getByRole('button', { name: 'Scan contacts' }).click();
  await expect(page.getByRole('progressbar', { name: 'Scan progress' })).toBeVisible();
  await expect(page.getByText(`Scanned all ${contacts.length} of ${contacts.length} contacts: ${byCompany.length} matches.`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'Contacts found' }).getByRole('listitem')).toHaveCount(byCompany.length);

  await page.getByLabel('Find by').selectOption({ label: 'Phone (scans contacts)' });
  const find = page.getByRole('searchbox', { name: 'Find contact' });
  await find.fill(withPhone.phone!.slice(-7));
  await find.press('Enter');
  await expect(page.getByText(new RegExp(`^Scanned all ${contacts.length} of ${contacts.length} contacts: \\d+ match`))).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'Contacts found' }).getByRole('button', { name: new RegExp(withPhone.name) })).toBeVisible();
});

test('Timeline: conversations and messages newest first with the time zone, filters, and older ones on scroll', async ({ page, console: app }) => {
  test.setTimeout(90_000);
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken, 'ws_acme', 'Support desk');
  // A contact of its own with 26 conversations: more than the first window of 20.
  const contact = await api<SeedContact>(app, secret, '/v1/contacts', { method: 'POST', body: JSON.stringify({ name: 'Timeline Tester', email: 'timeline.tester@example.com' }) });
  for (let i = 1; i <= 26; i++) {
    await api(app, secret, '/v1/messages', { method: 'POST', body: JSON.stringify({ contact_id: contact.id, subject: `Question ${i}`, body: `Body of question ${i}` }) });
  }
  await openInspector(page, app, secret);
  await page.getByRole('searchbox', { name: 'Find contact' }).fill(contact.email);
  await page.getByRole('button', { name: /Timeline Tester/ }).click();

  const timeline = page.getByRole('region', { name: 'Timeline', exact: true });
  await expect(timeline.getByText('20 of 26 conversations read · older ones load as you scroll.')).toBeVisible({ timeout: 20_000 });
  const items = timeline.getByRole('list', { name: 'Timeline items' }).getByRole('listitem');
  // Newest first: the last question asked is on top, its message above its conversation's start.
  await expect(items.first()).toContainText('Body of question 26');
  await expect(items.first().locator('time')).toHaveText(/\d{1,2} \w{3} \d{4}, \d{2}:\d{2} (UTC|GMT[+-]?\d*)/);

  // Scrolled to its end, the list reads the older conversations.
  await timeline.getByRole('list', { name: 'Timeline items' }).evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(timeline.getByText('All 26 conversations read.')).toBeVisible({ timeout: 20_000 });
  await expect(items.getByText('Body of question 1', { exact: true })).toHaveCount(1);
  await expect(items).toHaveCount(52);

  // Search and filters apply to what was read.
  await timeline.getByRole('searchbox', { name: 'Search timeline' }).fill('question 7');
  await expect(items).toHaveCount(2);
  await timeline.getByRole('button', { name: 'Clear filters' }).click();
  await timeline.getByLabel('Status').selectOption('closed');
  await expect(items).toHaveCount(0);
  await timeline.getByLabel('Status').selectOption('open');
  await expect(items).toHaveCount(52);
  await timeline.getByLabel('Channel').selectOption('api');
  await expect(items).toHaveCount(52);
  await timeline.getByLabel('From').fill('2001-01-01');
  await timeline.getByLabel('To').fill('2001-01-02');
  await expect(items).toHaveCount(0);
  await expect(timeline.getByText(/Showing 0 of 52 items\./)).toBeVisible();
});

test('Mask personal data: remembered, masks every Inspector view, reveals one field at a time; a masked page holds no seeded email or phone', async ({ page, console: app }) => {
  test.setTimeout(90_000);
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken, 'ws_acme', 'Support desk');
  const contacts = await allContacts(app, secret);
  const contact = contacts.find((c) => c.phone && c.conversation_count > 0)!;
  await openInspector(page, app, secret);
  const mask = page.getByRole('switch', { name: 'Mask personal data' });
  await expect(mask).not.toBeChecked();
  await mask.check();
  // Remembered: the setting survives a reload.
  await page.reload();
  await nav(page, 'Inspector');
  await expect(page.getByRole('switch', { name: 'Mask personal data' })).toBeChecked();

  const leaks = async (): Promise<string[]> => {
    const text = await page.locator('body').innerText();
    const tree = await page.locator('body').ariaSnapshot();
    return contacts.flatMap((c) => [c.email, ...(c.phone ? [c.phone] : [])]).filter((v) => text.includes(v) || tree.includes(v));
  };

  // The search results: names and emails masked, a Reveal button beside each.
  const find = page.getByRole('searchbox', { name: 'Find contact' });
  await find.fill('a');
  await expect(page.getByRole('list', { name: 'Contacts found' }).getByRole('listitem')).toHaveCount(20);
  await expect(page.getByRole('list', { name: 'Contacts found' }).getByRole('button', { name: 'Reveal email' })).toHaveCount(20);
  expect(await leaks()).toEqual([]);

  // Found by its id (so the search box holds no email), in the contact, the timeline and a thread.
  await find.fill(contact.id);
  await find.press('Enter');
  const heading = page.getByRole('heading', { level: 2 }).first();
  // The contact replaces the results (a loaded machine still shows them for a moment).
  await expect(page.getByRole('list', { name: 'Contacts found' })).toBeHidden({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Reveal email' })).toBeVisible({ timeout: 20_000 });
  await expect(heading).not.toHaveText(contact.name);
  await expect(page.getByRole('region', { name: 'Timeline', exact: true }).getByRole('listitem').first()).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: test.info().outputPath('masked-contact.png'), fullPage: true });
  expect(await leaks()).toEqual([]);
  expect(await page.locator('body').innerText()).toContain(contact.email.slice(contact.email.lastIndexOf('@')));

  // One field at a time: the email shows, the phone stays masked.
  await page.getByRole('button', { name: 'Reveal email' }).click();
  await expect(page.getByText(contact.email, { exact: true })).toBeVisible();
  expect(await page.locator('body').innerText()).not.toContain(contact.phone!);
  await page.getByRole('button', { name: 'Hide email' }).click();

  await page.getByRole('table', { name: 'Conversations' }).getByRole('row').nth(1).getByRole('button').first().click();
  await expect(page.getByRole('list', { name: 'Messages' }).getByRole('listitem').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('masked-thread.png'), fullPage: true });
  expect(await leaks()).toEqual([]);

  // Off again: the real values are back.
  await page.getByRole('switch', { name: 'Mask personal data' }).uncheck();
  await page.getByRole('button', { name: '← Back' }).click();
  await expect(page.getByRole('heading', { name: contact.name, exact: true })).toBeVisible();
  await expect(page.getByText(contact.email, { exact: true })).toBeVisible();
});

test.describe('under a small bucket', () => {
  // 2 at once, then 1 a second: a scan of 5 pages takes seconds, long enough to cancel.
  test.use({ sandboxRate: { capacity: 2, refillPerWindow: 1, windowMs: 1000 } });

  test('a company scan can be cancelled, and then says the matches are from the contacts scanned only', async ({ page, console: app }) => {
    test.setTimeout(90_000);
    const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken, 'ws_acme', 'Support desk');
    await openInspector(page, app, secret);
    await page.getByLabel('Find by').selectOption({ label: 'Company (scans contacts)' });
    await page.getByRole('searchbox', { name: 'Find contact' }).fill('Hooli');
    await page.getByRole('button', { name: 'Scan contacts' }).click();
    await expect(page.getByText(/^Scanned 100 contacts so far \(total unknown until the last page\)/)).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Cancel scan' }).click();
    await expect(page.getByText(/^Scan cancelled after \d+ contacts: the matches shown are from those only\.$/)).toBeVisible({ timeout: 10_000 });
    await expect(page.getByRole('button', { name: 'Cancel scan' })).toBeHidden();
  });
});
