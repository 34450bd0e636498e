import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { nav, pickKey } from './steps';



/** A custom server that answers every request 429, naming the same workspace id as the sandbox key does. */
async function alwaysLimited(workspaceId: () => string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(429, {
      'content-type': 'application/json',
      'retry-after': '30',
      'x-workspace-id': workspaceId(),
      'ratelimit-policy': '"minute";q=10;w=10',
      ratelimit: '"minute";r=0;t=30',
    });
    res.end(JSON.stringify({ error: { type: 'rate_limit_error', code: 'rate_limited', message: 'Slow down.' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

test("a custom server's 429 leaves Sandbox demo's rate-limit panel alone, and each number says what it is", async ({ page, console: app }) => {
  let workspace = 'ws_unknown';
  const custom = await alwaysLimited(() => workspace);
  try {
    await app.open(page);
    await nav(page, 'Requests');
    await pickKey(page, 'Sandbox demo');
    const send = page.getByRole('button', { name: 'Send', exact: true });
    const response = page.getByRole('region', { name: 'Response' });
    const rate = page.getByRole('region', { name: 'Rate limit' });
    await send.click();
    await expect(response).toContainText('200');
    // The sandbox's bucket: 200 deep, refilled 100 per 60 s; one policy stated in two forms.
    await expect(rate.getByLabel('Remaining')).toHaveText(/^19\d$/);
    await expect(rate.getByLabel('Limit')).toHaveText('100 per 60 s');
    await expect(rate.getByLabel('Burst')).toHaveText('200');
    await expect(rate).toContainText('read from RateLimit, RateLimit-Policy and X-RateLimit-*');
    await expect(rate.getByLabel('429 responses')).toHaveText('0');

    // The custom server names the very workspace id the sandbox key reported.
    const keys = (await page.evaluate(() => window.helplane.keysList())) as { ok: true; value: Array<{ name: string; workspaceId: string | null }> };
    workspace = keys.value.find((k) => k.name === 'Sandbox demo')?.workspaceId ?? workspace;
    expect(workspace).not.toBe('ws_unknown');

    await nav(page, 'Keys');
    await page.getByRole('button', { name: 'Add key' }).click();
    const add = page.getByRole('dialog', { name: 'Add key' });
    await add.getByLabel('Name').fill('Own server');
    await add.getByLabel('Environment').selectOption({ label: 'Custom' });
    await add.getByLabel('Base URL').fill(custom.url);
    await add.getByLabel('API key').fill('own-server-key-0123456789');
    await add.getByRole('button', { name: 'Save key' }).click();
    await expect(add).toBeHidden();

    await nav(page, 'Requests');
    await pickKey(page, 'Own server');
    await send.click();
    await expect(response).toContainText('429');
    await expect(rate.getByLabel('Remaining')).toHaveText('0');
    await expect(rate.getByLabel('Limit')).toHaveText('10 per 10 s');
    await expect(rate.getByLabel('429 responses')).not.toHaveText('0');
    await expect(rate.getByRole('status').filter({ hasText: 'Too many requests' })).toBeVisible();

    // Back on Sandbox demo: its own budget only, not the custom server's 429s, keys or warning.
    await pickKey(page, 'Sandbox demo');
    await expect(rate.getByLabel('429 responses')).toHaveText('0');
    await expect(rate.getByLabel('Remaining')).toHaveText(/^19\d$/);
    await expect(rate.getByLabel('Limit')).toHaveText('100 per 60 s');
    await expect(rate).not.toContainText('shared by');
    await expect(rate.getByRole('status').filter({ hasText: 'Too many requests' })).toHaveCount(0);
    await send.click();
    await expect(response).toContainText('200');
    await expect(page.getByRole('alert').filter({ hasText: 'rate-limit budget' })).toHaveCount(0);
    await expect(rate.getByLabel('429 responses')).toHaveText('0');

    // History says what the numbers are: what is left of the bucket.
    await nav(page, 'History');
    const history = page.getByRole('table', { name: 'Request history' });
    await expect(history.getByRole('row', { name: /Sandbox demo/ }).first()).toContainText(/19\d left of 200/);
    await expect(history).not.toContainText('/100 left');
  } finally {
    custom.server.close();
  }
});

test('a reply with several policies lists each, the most constrained driving the budget', async ({ page, console: app }) => {
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      ratelimit: '"burst";r=40;t=10, "daily";r=3;t=7200',
      'ratelimit-policy': '"burst";q=50;w=10, "daily";q=1000;w=86400',
    });
    res.end(JSON.stringify({ object: 'list', data: [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await app.open(page);
    await nav(page, 'Keys');
    await page.getByRole('button', { name: 'Add key' }).click();
    const add = page.getByRole('dialog', { name: 'Add key' });
    await add.getByLabel('Name').fill('Two policies');
    await add.getByLabel('Environment').selectOption({ label: 'Custom' });
    await add.getByLabel('Base URL').fill(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    await add.getByLabel('API key').fill('two-policies-key-0123456789');
    await add.getByRole('button', { name: 'Save key' }).click();
    await expect(add).toBeHidden();
    await nav(page, 'Requests');
    await pickKey(page, 'Two policies');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const rate = page.getByRole('region', { name: 'Rate limit' });
    await expect(rate.getByLabel('Remaining')).toHaveText('3');
    await expect(rate.getByLabel('Limit')).toHaveText('1000 per 24 h');
    await expect(rate.getByLabel('Resets in')).toHaveText(/^(1 h 59 min|2 h 00 min)$/);
    const policies = rate.getByRole('list', { name: 'Policies' }).getByRole('listitem');
    await expect(policies).toHaveCount(2);
    await expect(policies.nth(0)).toContainText('“daily” (the tightest: it drives the budget): 3 left of 1000, quota 1000 per 24 h');
    await expect(policies.nth(1)).toContainText('“burst”: 40 left of 50, quota 50 per 10 s');
    await expect(policies.nth(1)).toContainText('(read from RateLimit and RateLimit-Policy)');
  } finally {
    server.close();
  }
});
