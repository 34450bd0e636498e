import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { createSandboxKey } from '../helpers/sandbox-admin';
import { expect, test, type Console } from './fixtures';

// Accessibility: axe over every page (and the Add key dialog) with a key stored and a response
// shown, so tables, forms and panels are populated; then the keyboard alone drives the console.
const PAGES = ['Keys', 'Requests', 'Inspector', 'History', 'Settings'] as const;
const BLOCKING = new Set(['serious', 'critical']);

function navButton(page: Page, name: string): Locator {
  return page.getByRole('navigation').getByRole('button', { name, exact: true });
}

async function expectOnPage(page: Page, name: string): Promise<void> {
  await expect(navButton(page, name), `page errors: ${(pageErrors.get(page) ?? []).join(' | ') || 'none'}`).toHaveAttribute('aria-current', 'page');
}

/** Errors in the page, so a crashed page says why its nav vanished. */
const pageErrors = new WeakMap<Page, string[]>();

async function withSandboxKey(page: Page, app: Console): Promise<void> {
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(error.message));
  // React reports a component that threw (and unmounts the app) through console.error.
  page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text().slice(0, 300))));
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken, 'ws_acme', 'A11y key');
  await app.open(page);
  const added = await page.evaluate((s) => window.helplane.keysAdd({ name: 'A11y sandbox', environment: 'sandbox', secret: s }), secret);
  expect(added.ok).toBe(true);
}

/** Serious and critical violations, as short readable lines (rule, impact, first targets). */
async function blockingViolations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => `${where}: ${v.id} (${v.impact}) — ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Press Tab until `target` has focus; false if it never does within `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return true;
    await page.keyboard.press('Tab');
  }
  return target.evaluate((el) => el === document.activeElement).catch(() => false);
}

test('axe finds no serious or critical violation on any page', async ({ page, console: app }) => {
  await withSandboxKey(page, app);
  const found: string[] = [];
  for (const name of PAGES) {
    await navButton(page, name).click();
    await expectOnPage(page, name);
    if (name === 'Requests') {
      await page.getByRole('button', { name: 'Send' }).click();
      await expect(page.getByRole('region', { name: 'Response' })).toContainText('200');
    }
    found.push(...(await blockingViolations(page, name)));
  }
  await navButton(page, 'Keys').click();
  await page.getByRole('button', { name: 'Add key' }).click();
  await expect(page.getByRole('dialog', { name: 'Add key' })).toBeVisible();
  found.push(...(await blockingViolations(page, 'Add key dialog')));
  expect(found, found.join('\n')).toEqual([]);
});

test('every nav item is reachable with Tab and opens its page with Enter or Space', async ({ page, console: app }) => {
  await withSandboxKey(page, app);
  for (const [i, name] of PAGES.entries()) {
    const button = navButton(page, name);
    // Start from the top of the document each time, as a keyboard user landing on the page would.
    await page.locator('body').focus();
    expect(await tabTo(page, button), `Tab reaches the ${name} nav item`).toBe(true);
    await page.keyboard.press(i % 2 === 0 ? 'Enter' : 'Space');
    await expectOnPage(page, name);
  }
});

test('the main controls are reachable and operable by keyboard', async ({ page, console: app }) => {
  await withSandboxKey(page, app);

  // Keys: Add key opens the dialog; its fields take focus; Escape or Cancel leaves it.
  await navButton(page, 'Keys').click();
  const addKey = page.getByRole('button', { name: 'Add key' });
  expect(await tabTo(page, addKey), 'Tab reaches Add key').toBe(true);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add key' });
  await expect(dialog).toBeVisible();
  for (const label of ['Name', 'Environment', 'API key']) {
    expect(await tabTo(page, dialog.getByLabel(label, { exact: true }), 20), `Tab reaches ${label} in the dialog`).toBe(true);
  }
  expect(await tabTo(page, dialog.getByRole('button', { name: 'Save key' }), 20), 'Tab reaches Save key').toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Requests: Endpoint and Key pickers take focus; Send works from the keyboard.
  await navButton(page, 'Requests').click();
  for (const name of ['Endpoint', 'Key']) {
    expect(await tabTo(page, page.getByRole('combobox', { name, exact: true })), `Tab reaches ${name}`).toBe(true);
  }
  const send = page.getByRole('button', { name: 'Send' });
  expect(await tabTo(page, send), 'Tab reaches Send').toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('200');

  // Inspector: the search box takes focus and typing into it works.
  await navButton(page, 'Inspector').click();
  const search = page.getByRole('searchbox', { name: 'Find contact' }).or(page.getByRole('textbox', { name: 'Find contact' })).first();
  expect(await tabTo(page, search), 'Tab reaches Find contact').toBe(true);
  await page.keyboard.type('a');
  await expect(search).toHaveValue('a');
});
