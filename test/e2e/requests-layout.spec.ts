import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function inViewport(page: Page, locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  const { height, width } = page.viewportSize()!;
  expect(box, 'rendered').not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(height);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

test('at 1024×700 the status and the first body line are on screen after Send, beside the builder', async ({ page, console: app }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await app.open(page);
  await page.getByRole('button', { name: 'Requests', exact: true }).click();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const response = page.getByRole('region', { name: 'Response' });
  const status = response.getByText('200 OK');
  await expect(status).toBeVisible();
  await inViewport(page, status);
  // The first line of the (pretty-printed) body, measured as a line box of its own.
  const body = response.getByLabel('Body', { exact: true });
  await expect(body).toContainText('"object": "list"');
  const firstLine = await body.evaluate((el) => {
    const range = document.createRange();
    const text = el.firstChild ?? el;
    range.setStart(text, 0);
    range.setEnd(text, 1);
    const r = range.getBoundingClientRect();
    return { y: r.y, bottom: r.bottom };
  });
  expect(firstLine.y).toBeGreaterThanOrEqual(0);
  expect(firstLine.bottom).toBeLessThanOrEqual(700);
  // Side by side: the response column starts right of the builder.
  const builder = (await page.getByRole('button', { name: 'Send', exact: true }).boundingBox())!;
  expect((await response.boundingBox())!.x).toBeGreaterThan(builder.x + builder.width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
});

test('the split moves with the keyboard, says where it is, and is remembered', async ({ page, console: app }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await app.open(page);
  await page.getByRole('button', { name: 'Requests', exact: true }).click();
  const separator = page.getByRole('separator', { name: 'Resize builder and response' });
  await expect(separator).toHaveAttribute('aria-valuenow', '50');
  const response = page.getByRole('region', { name: 'Response' });
  const before = (await response.boundingBox())!.x;
  await separator.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(separator).toHaveAttribute('aria-valuenow', '40');
  expect((await response.boundingBox())!.x).toBeLessThan(before - 50);
  await page.keyboard.press('Home');
  await expect(separator).toHaveAttribute('aria-valuenow', '25');
  await page.keyboard.press('ArrowRight');
  await expect(separator).toHaveAttribute('aria-valuenow', '30');
  await page.reload();
  await page.getByRole('button', { name: 'Requests', exact: true }).click();
  await expect(page.getByRole('separator', { name: 'Resize builder and response' })).toHaveAttribute('aria-valuenow', '30');
});

test('at 800×600 the two stack, and the reply is scrolled into view after Send', async ({ page, console: app }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await app.open(page);
  await page.getByRole('button', { name: 'Requests', exact: true }).click();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const response = page.getByRole('region', { name: 'Response' });
  const status = response.getByText('200 OK');
  await expect(status).toBeVisible();
  await expect.poll(async () => (await status.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
  await inViewport(page, status);
  await inViewport(page, response.getByRole('toolbar', { name: 'Body view' }));
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
});
