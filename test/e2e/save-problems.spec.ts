import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test('a History that cannot be saved is shown in words, and the banner goes once it is saved', async ({ page, console: app }) => {
  await app.open(page);
  const historyPath = join(app.dataDir, 'history.json');
  if (existsSync(historyPath)) rmSync(historyPath);
  // A folder where the file goes: the write fails even for root.
  mkdirSync(historyPath);

  await page.getByRole('button', { name: 'Requests' }).or(page.getByRole('link', { name: 'Requests' })).first().click();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('200');

  const banner = page.getByRole('alert').filter({ hasText: 'Not saved.' });
  await expect(banner).toContainText('History could not be saved to history.json because a folder is in the way of the file.');
  // The console still answers, and History still lists the request.
  await page.getByRole('button', { name: 'History' }).or(page.getByRole('link', { name: 'History' })).first().click();
  await expect(page.getByRole('main')).toContainText('/v1/conversations');

  rmSync(historyPath, { recursive: true });
  await expect(banner).toBeHidden({ timeout: 15_000 });
});
