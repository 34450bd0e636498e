import { createSandboxKey } from '../helpers/sandbox-admin';
import { test } from './fixtures';
import { addKeyAndUse } from './steps';

test('shots', async ({ page, console: app }) => {
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken);
  await app.open(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await addKeyAndUse(page, secret, 'Shots');
  const custom = async (path: string) => {
    await page.getByRole('combobox', { name: 'Endpoint' }).selectOption({ label: 'Custom request — any method and path' });
    await page.getByRole('textbox', { name: 'Path' }).fill(path);
  };
  const tests = page.getByRole('region', { name: 'Tests' });
  await tests.getByRole('button', { name: 'Add test' }).click();
  await tests.getByRole('textbox', { name: 'Expected status' }).fill('200');
  await tests.getByRole('button', { name: 'Add', exact: true }).click();
  await tests.getByRole('button', { name: 'Add test' }).click();
  await tests.getByRole('combobox', { name: 'Test kind' }).selectOption({ label: 'JSONPath' });
  await tests.getByRole('textbox', { name: 'JSONPath' }).fill('$.has_more');
  await tests.getByRole('textbox', { name: 'Expected value' }).fill('false');
  await tests.getByRole('button', { name: 'Add', exact: true }).click();
  await custom('/v1/contacts?limit=1');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.waitForTimeout(500);
  await custom('/v1/contacts?limit=2');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.waitForTimeout(500);
  const history = page.getByRole('region', { name: 'Tab history' });
  await history.getByRole('checkbox').nth(0).check();
  await history.getByRole('checkbox').nth(1).check();
  await history.getByRole('button', { name: 'Compare' }).click();
  await custom('/v1/conversations?contact_id={{contact_id}}');
  await page.waitForTimeout(600);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [w, h] of [[1400, 900], [1024, 700], [800, 600]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(200);
      await page.screenshot({ path: `/tmp/shots-resp/full-${scheme}-${w}.png`, fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('region', { name: 'Resolved request' }).screenshot({ path: '/tmp/shots-resp/resolved.png' });
  await page.getByRole('region', { name: 'Response diff' }).screenshot({ path: '/tmp/shots-resp/diff.png' });
  await page.getByRole('region', { name: 'Tests' }).screenshot({ path: '/tmp/shots-resp/tests.png' });
  const response = page.getByRole('region', { name: 'Response', exact: true });
  await response.getByRole('button', { name: 'Tree', exact: true }).click();
  await response.getByLabel('Body tree').hover();
  await response.screenshot({ path: '/tmp/shots-resp/tree.png' });
  await response.getByRole('button', { name: 'Use as variable: has_more' }).click();
  await page.screenshot({ path: '/tmp/shots-resp/dialog.png' });
});
