import AxeBuilder from '@axe-core/playwright';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';

/** About `bytes` of JSON: a list page of records, with a unique marker as its last field. */
function jsonBody(bytes: number): { text: string; items: number } {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const item = JSON.stringify({ id: `conv_${i}`, subject: `Order question ${i}`, tags: ['billing', `t${i % 17}`], customer: { name: `Customer ${i}` } });
    parts.push(item);
    size += item.length + 1;
  }
  return { text: `{"data":[${parts.join(',')}],"marker":"needle-near-the-end"}`, items: parts.length };
}

let server: Server;
let baseUrl: string;
const body = jsonBody(20 * 1024 * 1024);

test.beforeAll(async () => {
  // A loopback API: the key check (limit=1) gets a small page, any other GET the 20 MB body.
  server = createServer((req, res) => {
    const small = req.url?.includes('limit=1') ?? false;
    res.writeHead(200, { 'content-type': 'application/json' }).end(small ? '{"data":[]}' : body.text);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

test('a 20 MB JSON body renders, scrolls to its end, and search jumps to a match near the end', async ({ page, console: app }) => {
  test.setTimeout(120_000);
  await app.open(page);
  const added = await page.evaluate(
    (url) => (window as unknown as { helplane: { keysAdd(i: unknown): Promise<{ ok: boolean }> } }).helplane.keysAdd({ name: 'Big local', environment: 'custom', baseUrl: url, secret: 'local-secret-1234' }),
    baseUrl,
  );
  expect(added.ok).toBe(true);
  await page.reload();
  await page.getByRole('button', { name: 'Requests', exact: true }).or(page.getByRole('link', { name: 'Requests', exact: true })).first().click();
  // Pick this key explicitly: the keychain may hold others (recovered keys) listed before it.
  const keyPicker = page.getByLabel('Key', { exact: true });
  await keyPicker.selectOption((await keyPicker.locator('option').filter({ hasText: 'Big local' }).first().getAttribute('value')) ?? '');
  await page.getByRole('button', { name: 'Send', exact: true }).click();

  const response = page.getByRole('region', { name: 'Response' });
  const raw = response.getByRole('document', { name: 'Body' });
  await expect(response).toContainText('200 OK', { timeout: 60_000 });
  // The first lines are painted, pretty-printed, though the renderer never held the body.
  await expect(raw.locator('[data-line="0"]')).toHaveText('{');
  await expect(raw.locator('[data-line="1"]')).toHaveText('  "data": [');
  const lineCount = Number(await raw.getAttribute('data-line-count'));
  expect(lineCount).toBeGreaterThan(body.items * 8);
  const replies = app.ipcReplies.join('');
  expect(replies).not.toContain(`Order question ${body.items - 1}"`);

  // Scroll to the end: the last lines are fetched from main and shown.
  await raw.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
    el.dispatchEvent(new Event('scroll'));
  });
  await expect(raw.locator(`[data-line="${lineCount - 1}"]`)).toHaveText('}');
  await expect(raw).toContainText('"marker": "needle-near-the-end"');
  await expect(raw).toContainText(`"name": "Customer ${body.items - 1}"`);

  // Back to the top, then search (in main) and jump to the match near the end.
  await raw.evaluate((el) => {
    el.scrollTop = 0;
    el.dispatchEvent(new Event('scroll'));
  });
  await expect(raw.locator('[data-line="0"]')).toHaveText('{');
  await response.getByLabel('Search in body').fill('NEEDLE-near');
  await expect(response.getByRole('status').filter({ hasText: /match/ })).toHaveText('1 match');
  await response.getByRole('button', { name: 'Next match' }).click();
  const hit = raw.locator('.body-line-match');
  await expect(hit).toHaveText('  "marker": "needle-near-the-end"');
  expect(Number(await hit.getAttribute('data-line'))).toBe(lineCount - 2);

  // A term near the end of the records: many matches, the last one reachable with Previous.
  await response.getByLabel('Search in body').fill(`Customer ${body.items - 1}"`);
  await expect(response.getByRole('status').filter({ hasText: /match/ })).toHaveText('1 match');
  await response.getByRole('button', { name: 'Previous match' }).click();
  await expect(raw.locator('.body-line-match')).toContainText(`Customer ${body.items - 1}`);
  // The match itself is marked in the line, not only the line.
  await expect(raw.locator('.body-line-match mark[aria-current="true"]')).toHaveText(`Customer ${body.items - 1}"`);

  // Past the cap the count says so, and what can be stepped through.
  await response.getByLabel('Search in body').fill('conv_');
  await expect(response.getByRole('status').filter({ hasText: /match/ })).toHaveText('100,000+ matches; showing the first 10,000');
  await response.getByRole('button', { name: 'Next match' }).click();
  await expect(response.getByRole('status').filter({ hasText: /match/ })).toHaveText('100,000+ matches; showing the first 10,000 (1 of 10,000)');
  await expect(raw.locator('mark').first()).toBeVisible();

  // The tree view lists the root's children from main, and expands the big array a page at a time.
  await response.getByRole('button', { name: 'Tree', exact: true }).click();
  const tree = response.getByRole('tree', { name: 'Body tree' });
  await tree.getByRole('button', { name: /^Expand "data": \[/ }).click();
  await expect(tree.getByRole('treeitem').nth(2)).toHaveText('▸ { 4 items }');
  await tree.getByRole('treeitem').nth(2).getByRole('button').click();
  await expect(tree.getByRole('treeitem').nth(3)).toHaveText('"id": "conv_0"');

  // Both large-body views pass axe (serious and critical), tree expanded.
  const serious = async () =>
    (await new AxeBuilder({ page }).include('[aria-label="Response"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
  expect(await serious()).toEqual([]);
  await response.getByRole('button', { name: 'Raw', exact: true }).click();
  expect(await serious()).toEqual([]);

  // Save to file: main writes the copy it keeps; the web host offers it as a download.
  await response.getByRole('button', { name: 'Save to file' }).click();
  const saved = response.getByRole('status').filter({ hasText: /^Saved / });
  await expect(saved).toContainText('MB to ');
  await expect(saved.getByRole('link', { name: /^Download response-.*\.json$/ })).toBeVisible();
});

test('large-body rows are as tall as their text: descenders (`_`, `g`) are not clipped', async ({ page, console: app }) => {
  test.setTimeout(120_000);
  await app.open(page);
  await page.evaluate(
    (url) => (window as unknown as { helplane: { keysAdd(i: unknown): Promise<{ ok: boolean }> } }).helplane.keysAdd({ name: 'Big local', environment: 'custom', baseUrl: url, secret: 'local-secret-1234' }),
    baseUrl,
  );
  await page.reload();
  await page.getByRole('button', { name: 'Requests', exact: true }).click();
  const keyPicker = page.getByLabel('Key', { exact: true });
  await keyPicker.selectOption((await keyPicker.locator('option').filter({ hasText: 'Big local' }).first().getAttribute('value')) ?? '');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const raw = page.getByRole('region', { name: 'Response' }).getByRole('document', { name: 'Body' });
  // Line 3 is `"id": "conv_0",`: an underscore, the glyph the issue saw clipped ("cv x").
  const row = raw.locator('[data-line="3"]');
  await expect(row).toContainText('"id": "conv_0"', { timeout: 60_000 });
  const boxes = await row.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return { textTop: text.top, textBottom: text.bottom, rowTop: box.top, rowBottom: box.bottom, lineHeight: parseFloat(getComputedStyle(el).lineHeight), rowHeight: box.height };
  });
  // The row's box holds its whole line box (the text's glyph box sits inside it), and its line height.
  expect(boxes.rowHeight).toBeGreaterThanOrEqual(boxes.lineHeight);
  expect(boxes.textTop).toBeGreaterThanOrEqual(boxes.rowTop - 0.5);
  expect(boxes.textBottom).toBeLessThanOrEqual(boxes.rowBottom + 0.5);
  // Rows follow each other by exactly one row height: none overlaps the next.
  const next = (await raw.locator('[data-line="4"]').boundingBox())!;
  expect(next.y - (await row.boundingBox())!.y).toBeCloseTo(boxes.rowHeight, 0);
});
