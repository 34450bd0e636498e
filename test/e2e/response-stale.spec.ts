import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';

// A second server that answers slowly, with a body unlike the sandbox's.
let server: Server;
let baseUrl: string;
test.beforeAll(async () => {
  server = createServer((req, res) => {
    const quick = req.url?.includes('limit=1') ?? false;
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[],"from":"slow-server"}'), quick ? 0 : 2500);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

test('while sending, the last reply is not shown as current; a stopwatch runs; "Body copied." goes with the next reply', async ({ page, console: app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open(page);
  await page.evaluate(
    (url) => (window as unknown as { helplane: { keysAdd(i: unknown): Promise<unknown> } }).helplane.keysAdd({ name: 'Slow local', environment: 'custom', baseUrl: url, secret: 'local-secret-1234' }),
    baseUrl,
  );
  await page.reload();
  await page.getByRole('button', { name: 'Requests', exact: true }).click();
  const response = page.getByRole('region', { name: 'Response' });
  const send = page.getByRole('button', { name: 'Send', exact: true });

  // A reply from the sandbox, copied.
  await send.click();
  await expect(response).toContainText('200 OK');
  await expect(response.getByLabel('Body', { exact: true })).toContainText('cv_');
  await response.getByRole('button', { name: 'Copy body' }).click();
  await expect(response.getByRole('status').filter({ hasText: 'Body copied.' })).toBeVisible();

  // Now to the slow server: under "Sending…" there is no trace of the sandbox's reply.
  const picker = page.getByRole('combobox', { name: 'Key' });
  await picker.selectOption((await picker.locator('option', { hasText: 'Slow local' }).getAttribute('value')) ?? '');
  await send.click();
  await expect(response.getByRole('status').filter({ hasText: 'Sending…' })).toBeVisible();
  await expect(response).not.toContainText('200 OK');
  await expect(response).not.toContainText('cv_');
  await expect(response).not.toContainText('Body copied.');
  await expect(response.locator('.sending')).toHaveText(/^Sending… \d+\.\d s$/);
  // The stopwatch moves.
  await expect(response.locator('.sending')).toHaveText(/Sending… (?:[1-9]\d*)\.\d s/, { timeout: 5_000 });

  await expect(response.getByLabel('Body', { exact: true })).toContainText('slow-server', { timeout: 10_000 });
  await expect(response).toContainText('200 OK');
  await expect(response).not.toContainText('Sending…');
  await expect(response).not.toContainText('Body copied.');
});
