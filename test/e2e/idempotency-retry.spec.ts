import type { Page } from '@playwright/test';
import { createSandboxKey } from '../helpers/sandbox-admin';
import { startRecordingServer } from '../helpers/recording-server';
import { expect, test } from './fixtures';
import { nav, pickEndpoint, addKeyAndUse } from './steps';




const idOf = async (page: Page) => /"id": "(ct_[A-Za-z0-9]+)"/.exec((await page.getByRole('region', { name: 'Response' }).getByLabel('Body', { exact: true }).textContent()) ?? '')?.[1];

test('each Send is a new request (a new Idempotency-Key); Retry sends the same one and the replay is marked', async ({ page, console: app }) => {
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken);
  await app.open(page);
  await addKeyAndUse(page, secret, 'Acme sandbox');
  const response = page.getByRole('region', { name: 'Response' });
  const status = response.locator('.status-line');
  const send = page.getByRole('button', { name: 'Send', exact: true });
  await pickEndpoint(page, /POST \/v1\/contacts/);

  await page.getByLabel('Request body').fill(JSON.stringify({ name: 'Grace', email: `one-${Date.now()}@example.com` }));
  await send.click();
  await expect(status).toContainText('201 Created');
  const first = await idOf(page);
  // Edit the body and Send again: a new request, not a 409 idempotency_mismatch.
  await page.getByLabel('Request body').fill(JSON.stringify({ name: 'Grace', email: `two-${Date.now()}@example.com` }));
  await send.click();
  await expect.poll(() => idOf(page)).not.toBe(first);
  await expect(status).toContainText('201 Created');
  await expect(status).not.toContainText('Replayed');
  const second = await idOf(page);
  expect(second).toMatch(/^ct_/);

  // Retry: the very same request, so the server answers with its stored reply, marked next to the status.
  await response.getByRole('button', { name: 'Retry' }).click();
  await expect(status).toContainText('Replayed');
  expect(await idOf(page)).toBe(second);

  // A copied curl carries the key shown; a Send after it uses a new one (no silent replay).
  const shown = (await page.getByRole('table', { name: 'Request headers' }).getByRole('row', { name: /Idempotency-Key/ }).locator('code').textContent()) ?? '';
  await page.getByRole('button', { name: 'Copy as code' }).click();
  await expect(page.getByLabel('Code snippet')).toContainText(shown);
  await send.click();
  await expect(status).toContainText(/201 Created|409/);
  await expect(status).not.toContainText('Replayed');
});

test('against a server that always answers 429 the automatic retry stops after the set attempts and says so', async ({ page, console: app }) => {
  const server = await startRecordingServer((_req, res) => {
    res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '1', 'RateLimit-Limit': '10', 'RateLimit-Remaining': '0' });
    res.end(JSON.stringify({ error: { type: 'rate_limit_error', code: 'rate_limited', message: 'Too many requests.' } }));
  });
  try {
    await app.open(page);
    await nav(page, 'Settings');
    await page.getByLabel('Automatic retry on 429').check();
    await expect(page.getByLabel('Attempts on 429')).toHaveValue('3');
    await addKeyAndUse(page, `key-${Date.now()}-abcdefghijklmnop`, 'Always 429', { custom: server.origin });
    await pickEndpoint(page, /GET \/v1\/conversations — /);
    const seenBefore = server.seen.length;
    const rate = page.getByRole('region', { name: 'Rate limit' });
    const response = page.getByRole('region', { name: 'Response' });
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(rate).toContainText('attempt 2 of 3');
    await expect(response).toContainText('Attempt 2 of 3', { timeout: 10_000 });
    await expect(response).toContainText('Attempt 3 of 3', { timeout: 10_000 });
    await expect(rate).toContainText('Automatic retry stopped: all 3 attempts were answered 429', { timeout: 10_000 });
    // The countdown ends and its words change: no "Retry allowed in 0 s" left standing.
    await expect(rate).toContainText('You can send again now.', { timeout: 10_000 });
    await expect(rate.getByLabel('Retry allowed in')).toHaveCount(0);
    await page.waitForTimeout(2500);
    expect(server.seen.length - seenBefore).toBe(3);
    await expect(response.getByRole('button', { name: 'Retry' })).toBeVisible();
  } finally {
    await server.close();
  }
});
