import { createSandboxKey } from '../helpers/sandbox-admin';
import { expect, test } from './fixtures';
import { nav, pickEndpoint, addKeyAndUse } from './steps';




test('sends each of the five endpoints, POSTs a contact, copies as curl and replays from History', async ({ page, console: app }) => {
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken);
  await app.open(page);
  await addKeyAndUse(page, secret, 'Acme sandbox');
  const response = page.getByRole('region', { name: 'Response' });
  const send = page.getByRole('button', { name: 'Send', exact: true });

  // The catalog comes from the sandbox's OpenAPI document: all five operations are offered.
  const labels = await page.getByRole('combobox', { name: 'Endpoint' }).locator('option').allTextContents();
  expect(labels.length).toBeGreaterThanOrEqual(5);

  await pickEndpoint(page, /GET \/v1\/conversations — /);
  await send.click();
  await expect(response).toContainText('200 OK');
  const conversationId = /"(cv_[A-Za-z0-9]+)"/.exec((await response.getByLabel('Body', { exact: true }).textContent()) ?? '')?.[1];
  expect(conversationId).toBeTruthy();

  await pickEndpoint(page, /GET \/v1\/conversations\/\{id\}/);
  await page.getByLabel('id', { exact: true }).fill(conversationId!);
  await send.click();
  await expect(response.getByLabel('Body', { exact: true })).toContainText(`"id": "${conversationId}"`);

  await pickEndpoint(page, /GET \/v1\/contacts/);
  await page.getByRole('table', { name: 'Query parameters' }).getByLabel('q', { exact: true }).fill('a');
  await send.click();
  await expect(response.getByLabel('Body', { exact: true })).toContainText('"object": "list"');

  const email = `e2e-${Date.now()}@example.com`;
  await pickEndpoint(page, /POST \/v1\/contacts/);
  await expect(page.getByRole('table', { name: 'Request headers' })).toContainText('•••• from Acme sandbox');
  await expect(page.getByRole('table', { name: 'Request headers' })).toContainText('Idempotency-Key');
  await page.getByLabel('Request body').fill(JSON.stringify({ name: 'Grace', email }));
  await expect(page.getByText('The body matches the endpoint’s schema.')).toBeVisible();
  await send.click();
  await expect(response).toContainText('201 Created');
  await expect(response.getByLabel('Body', { exact: true })).toContainText(email);

  await pickEndpoint(page, /POST \/v1\/messages/);
  await page.getByLabel('Request body').fill(JSON.stringify({ conversation_id: conversationId, body: 'Hello from e2e' }));
  await send.click();
  await expect(response).toContainText('201 Created');

  await pickEndpoint(page, /openapi\.json/);
  await send.click();
  await expect(response).toContainText('200 OK');
  await expect(response.getByLabel('Body', { exact: true })).toContainText('"openapi": "3.1.0"');

  // Rate-limit headers are pinned and explained.
  await pickEndpoint(page, /GET \/v1\/contacts/);
  await send.click();
  await response.getByText(/^Headers \(/).click();
  await expect(response.getByRole('table', { name: 'Response headers' }).getByRole('row').nth(1)).toContainText(/requests|budget|Wait/);

  // Copy as curl: the key is an environment variable, never the secret.
  await page.getByRole('button', { name: 'Copy as code' }).click();
  const snippet = page.getByLabel('Code snippet');
  await expect(snippet).toContainText('$HELPLANE_API_KEY');
  expect(await snippet.textContent()).not.toContain(secret);

  // History lists every request and replays one into the builder.
  await nav(page, 'History');
  const history = page.getByRole('table', { name: 'Request history' });
  await expect(history.getByRole('row')).toHaveCount(8);
  await page.getByLabel('Filter').fill('contacts');
  await expect(history.getByRole('row')).toHaveCount(4);
  await history.getByRole('button', { name: 'Replay POST /v1/contacts' }).click();
  await expect(page.getByRole('combobox', { name: 'Endpoint' })).toHaveValue('createContact');
  await expect(page.getByLabel('Request body')).toContainText(email);
  await send.click();
  // A fresh Idempotency-Key: the API sees a second contact with the same email.
  await expect(response).toContainText('409');
  await expect(response).toContainText('already exists');

  for (const haystack of [await page.content(), app.ipcReplies.join('\n'), ...app.dataFiles()]) {
    expect(haystack).not.toContain(secret);
  }
});

test.describe('a sandbox with a small budget', () => {
  test.use({ sandboxRate: { capacity: 5, refillPerWindow: 1, windowMs: 4000 } });

  test('drives requests into 429, shows the countdown, and the automatic retry succeeds', async ({ page, console: app }) => {
    const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken);
    await app.open(page);
    await nav(page, 'Settings');
    await page.getByLabel('Automatic retry on 429').check();
    await expect(page.getByLabel('Automatic retry on 429')).toBeChecked();
    await addKeyAndUse(page, secret, 'Acme sandbox');
    const response = page.getByRole('region', { name: 'Response' });
    const rate = page.getByRole('region', { name: 'Rate limit' });
    const send = page.getByRole('button', { name: 'Send', exact: true });

    // 201 requests through the console's own bridge (the same path as Send): the small bucket runs dry.
    const statuses = await page.evaluate(async () => {
      const keys = (await window.helplane.keysList()) as { ok: true; value: Array<{ id: string; name: string }> };
      const keyId = keys.value.find((k) => k.name === 'Acme sandbox')!.id;
      const out: number[] = [];
      for (let i = 0; i < 201; i++) {
        const r = (await window.helplane.requestSend({ keyId, method: 'GET', path: '/v1/conversations' })) as { ok: boolean; value?: { status: number } };
        out.push(r.value?.status ?? 0);
      }
      return out;
    });
    expect(statuses).toHaveLength(201);
    // Adding the key spent a token on verification: the other four go to the first requests.
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(3);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(150);
    await expect(rate.getByLabel('429 responses')).toHaveText(String(statuses.filter((s) => s === 429).length));

    // Spend the token that refills next (directly, or through the automatic retry), so the 429 that
    // follows comes right after a refill and its Retry-After is a whole refill interval, not a sliver.
    await send.click();
    await expect(response).toContainText('200 OK', { timeout: 15_000 });
    await send.click();
    await expect(response).toContainText('429 Too Many Requests');
    await expect(rate.getByLabel('Remaining')).toHaveText('0');
    const countdown = rate.getByLabel('Retry allowed in');
    const first = Number(/(\d+)/.exec((await countdown.textContent()) ?? '')?.[1]);
    expect(first).toBeGreaterThan(1);
    await expect.poll(async () => Number(/(\d+)/.exec((await countdown.textContent()) ?? '')?.[1])).toBeLessThan(first);
    await expect(rate).toContainText('automatically');
    await expect(rate.getByLabel('429 responses')).toHaveText(/^[1-9]\d\d/);
    // The automatic retry goes out when the countdown ends, and this time it is answered.
    await expect(response).toContainText('200 OK', { timeout: 15_000 });
    await expect(rate.getByRole('img', { name: /Requests in the last 60 s: \d+/ })).toBeVisible();
  });
});
