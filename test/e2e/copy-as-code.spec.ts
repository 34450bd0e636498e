import { createSandboxKey } from '../helpers/sandbox-admin';
import { expect, test } from './fixtures';
import { addKeyAndUse } from './steps';


test('copies a multi-line message as browser JavaScript with a key constant to fill, and as Python', async ({ page, console: app }) => {
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken);
  await app.open(page);
  await addKeyAndUse(page, secret, 'Snippet key');
  const endpoint = page.getByRole('combobox', { name: 'Endpoint' });
  await endpoint.selectOption((await endpoint.locator('option').filter({ hasText: /POST \/v1\/messages/ }).getAttribute('value')) ?? '');
  await page.getByLabel('Request body').fill(JSON.stringify({ conversation_id: 'cv_1', body: 'Line one\nLine "two"\tC:\\dir' }));

  await page.getByLabel('Language').selectOption({ label: 'JavaScript fetch' });
  await page.getByRole('button', { name: 'Copy as code' }).click();
  const snippet = page.getByLabel('Code snippet');
  await expect(snippet).toContainText("const HELPLANE_API_KEY = 'paste-your-api-key-here';");
  // The body's JSON escapes are kept as text, not turned into a newline or a tab.
  await expect(snippet).toContainText(String.raw`"body":"Line one\\nLine \\"two\\"\\tC:\\\\dir"`);
  await expect(snippet).not.toContainText('process.env');
  await expect(page.getByRole('status').filter({ hasText: 'Paste your key into HELPLANE_API_KEY' })).toBeVisible();
  expect(await snippet.textContent()).not.toContain(secret);

  await page.getByLabel('Language').selectOption({ label: 'Python requests' });
  await page.getByRole('button', { name: 'Copy as code' }).click();
  await expect(snippet).toContainText('os.environ["HELPLANE_API_KEY"]');
  await expect(page.getByRole('status').filter({ hasText: 'Set HELPLANE_API_KEY in your environment' })).toBeVisible();
});
