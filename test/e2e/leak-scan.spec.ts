import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKey } from '../../src-main/helplane/key-format';
import { createSandboxKey } from '../helpers/sandbox-admin';
import { expect, test } from './fixtures';
import { addKey, nav } from './steps';

test('Settings → Scan for leaked keys: a stored key and a stranger’s Helplane key, by file:line, never the secret; .gitignore honoured', async ({ page, console: app }) => {
  const { secret } = await createSandboxKey(app.sandboxUrl, app.adminToken);
  const stranger = generateKey('live');
  const repo = join(app.dataDir, '..', `scan-repo-${Date.now()}`);
  mkdirSync(join(repo, 'config'), { recursive: true });
  writeFileSync(join(repo, '.gitignore'), 'local.env\n');
  writeFileSync(join(repo, 'config', 'app.yaml'), `name: app\nurl: https://example.com\napi_key: ${secret}\n`);
  writeFileSync(join(repo, 'notes.md'), `# Notes\n\nold key ${stranger}\n`);
  writeFileSync(join(repo, 'local.env'), `HELPLANE_API_KEY=${secret}\n`);

  await app.open(page);
  await addKey(page, secret, 'Leaky');
  await nav(page, 'Settings');
  const section = page.getByRole('region', { name: 'Scan for leaked keys' });
  await section.getByRole('textbox', { name: 'Folder' }).fill(repo);
  await section.getByRole('button', { name: 'Scan' }).click();
  const found = section.getByRole('list', { name: 'Leaked keys' });
  await expect(found.getByRole('listitem')).toHaveCount(2);
  await expect(found.getByRole('listitem').nth(0)).toHaveText('config/app.yaml:3 — Leaky (one of your keys)');
  await expect(found.getByRole('listitem').nth(1)).toHaveText('notes.md:3 — a Helplane key that is not one of yours');
  await expect(section).toContainText('2 keys found in 3 files');
  await expect(section).not.toContainText(secret.slice(12));
  for (const reply of app.ipcReplies) {
    expect(reply).not.toContain(secret.slice(12));
    expect(reply).not.toContain(stranger.slice(12));
  }

  await section.getByRole('textbox', { name: 'Folder' }).fill(join(repo, 'nope'));
  await section.getByRole('button', { name: 'Scan' }).click();
  await expect(section.getByRole('status')).toContainText('is not an existing folder');
});
