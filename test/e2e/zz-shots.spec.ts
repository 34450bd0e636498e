import type { Page } from '@playwright/test';
import { test } from './fixtures';

const SIZES = [[1400, 900], [1024, 700], [800, 600]] as const;
async function go(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForTimeout(300);
}
for (const scheme of ['light', 'dark'] as const) {
  test(`shots ${scheme}`, async ({ page, console: app }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1400, height: 900 });
    await app.open(page);
    await go(page, 'Requests');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('region', { name: 'Response' }).locator('.status-line').waitFor();
    for (const [w, h] of SIZES) {
      await page.setViewportSize({ width: w, height: h });
      for (const name of ['Requests', 'Keys', 'History', 'Inspector', 'Settings']) {
        await go(page, name);
        await page.screenshot({ path: `/tmp/shots/${name}-${w}-${scheme}.png` });
      }
    }
    await go(page, 'Requests');
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByLabel('Endpoint').selectOption({ index: 1 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/shots/Requests-post-1024-${scheme}.png` });
  });
}
