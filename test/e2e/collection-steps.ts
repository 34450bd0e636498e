import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

// Collection folders written by the tests, and the steps that open them by the spec's names.

/** A temp folder holding `files` (path → text); remove it with `cleanup`. */
export function collectionFolder(files: Record<string, string>): { root: string; write(path: string, text: string): void; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'helplane-coll-e2e-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  for (const [path, text] of Object.entries(files)) write(path, text);
  return { root, write, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export const LIST_CONTACTS = `name: List contacts
order: 1
method: GET
path: /v1/contacts
query:
  limit: "5"
`;

/** Requests → Open collection → Folder → Open; ends with the tree shown. */
export async function openCollection(page: Page, folder: string): Promise<void> {
  await page.getByRole('region', { name: 'Collection' }).getByRole('button', { name: 'Open collection' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open collection' });
  await dialog.getByRole('textbox', { name: 'Folder' }).fill(folder);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** The tree's button that opens a request, by its method and name. */
export function treeRequest(page: Page, name: string | RegExp) {
  return page.getByRole('region', { name: 'Collection' }).getByRole('button', { name });
}

/** Opens a request of the tree in its tab and waits until that tab is the one shown (the file is read
 * by main first: a Send or a fill right after the click would otherwise go to the previous tab). */
export async function openTreeRequest(page: Page, name: string | RegExp): Promise<void> {
  const button = treeRequest(page, name);
  await button.click();
  await expect(button).toHaveAttribute('aria-current', 'true');
}
