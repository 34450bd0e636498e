import { expect, test } from './fixtures';

test('Settings says where the sandbox listens, that the port stays, and how to get a key usable outside the console', async ({ page, console: app }) => {
  await app.open(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Requests', exact: true }).click();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('200 OK');
  await page.getByRole('navigation').getByRole('button', { name: 'Settings', exact: true }).click();
  const note = page.getByRole('note', { name: 'Use the sandbox outside the console' });
  await expect(note).toContainText(`listens on ${app.sandboxUrl} and keeps that port at the next launch`);
  await expect(note).toContainText('create a sandbox key on the Keys page (Create key)');
  await expect(note).toContainText('“Sandbox demo” key’s secret is never shown');
});
