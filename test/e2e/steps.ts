import type { Page } from '@playwright/test';
import { expect } from './fixtures';

// Steps many end-to-end tests take, by the accessible names of the spec.

/** Go to a page by its nav item. */
export async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).or(page.getByRole('link', { name, exact: true })).first().click();
}

/** Pick the Requests page's endpoint whose label matches. */
export async function pickEndpoint(page: Page, label: RegExp): Promise<void> {
  const endpoint = page.getByRole('combobox', { name: 'Endpoint' });
  await endpoint.selectOption((await endpoint.locator('option').filter({ hasText: label }).getAttribute('value')) ?? '');
}

/** Pick the key in use by its name. */
export async function pickKey(page: Page, name: string): Promise<void> {
  const picker = page.getByRole('combobox', { name: 'Key' });
  await picker.selectOption((await picker.locator('option', { hasText: name }).getAttribute('value')) ?? '');
}

/** Keys → Add key: a sandbox key, or a custom server's with `custom` as its base URL. Ends on the Keys page. */
export async function addKey(page: Page, secret: string, name: string, env: { custom?: string } = {}): Promise<void> {
  await nav(page, 'Keys');
  await page.getByRole('button', { name: 'Add key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add key' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Environment').selectOption({ label: env.custom ? 'Custom' : 'Sandbox' });
  if (env.custom) await dialog.getByLabel('Base URL').fill(env.custom);
  await dialog.getByLabel('API key').fill(secret);
  await dialog.getByRole('button', { name: 'Save key' }).click();
  await expect(dialog).toBeHidden();
}

/** Add a key, then go to Requests and send with it (first run also made "Sandbox demo"). */
export async function addKeyAndUse(page: Page, secret: string, name: string, env: { custom?: string } = {}): Promise<void> {
  await addKey(page, secret, name, env);
  await nav(page, 'Requests');
  await pickKey(page, name);
}
