import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openBrowser, type OpenerSpawn } from '../../../src-main/web-host/open-browser';
import { tempDir } from '../../helpers/temp-dir';

const TOKEN = 'tok_secretWebHostToken0123456789abcdefXYZ';
const URL_WITH_TOKEN = `http://127.0.0.1:4321/#token=${TOKEN}`;

const dirs: Array<{ cleanup(): void }> = [];
afterEach(() => {
  vi.useRealTimers();
  for (const d of dirs.splice(0)) d.cleanup();
});

function recordingSpawn() {
  const calls: Array<{ command: string; args: string[] }> = [];
  const spawn: OpenerSpawn = (command, args) => {
    calls.push({ command, args });
    return { on: () => undefined, unref: () => undefined };
  };
  return { spawn, calls };
}

function open(platform: NodeJS.Platform, removeAfterMs?: number) {
  const root = tempDir('open-browser');
  dirs.push(root);
  const { spawn, calls } = recordingSpawn();
  const opened = openBrowser(URL_WITH_TOKEN, { spawn, platform, tempRoot: root.path, ...(removeAfterMs ? { removeAfterMs } : {}) });
  return { opened, calls };
}

describe('opening the browser on the web host’s token URL', () => {
  it.each(['linux', 'darwin', 'win32'] as const)('puts no token on the opener’s command line (%s), only the redirect file', (platform) => {
    const { opened, calls } = open(platform);
    expect(calls).toHaveLength(1);
    const commandLine = [calls[0]!.command, ...calls[0]!.args].join(' ');
    expect(commandLine).not.toContain(TOKEN);
    expect(commandLine).not.toContain('token');
    expect(calls[0]!.args.at(-1)).toBe(opened.file);
    opened.remove();
  });

  it('writes the URL into a file only this user can read, in a folder only this user can enter', () => {
    const { opened } = open('linux');
    expect(statSync(opened.file).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(opened.file)).mode & 0o777).toBe(0o700);
    const html = readFileSync(opened.file, 'utf8');
    expect(html).toContain(`content="0;url=${URL_WITH_TOKEN}"`);
    expect(html).toContain(`href="${URL_WITH_TOKEN}"`);
    opened.remove();
  });

  it('deletes the file and its folder after a short while, or at once on remove', () => {
    vi.useFakeTimers();
    const later = open('linux', 5_000);
    expect(existsSync(later.opened.file)).toBe(true);
    vi.advanceTimersByTime(5_000);
    expect(existsSync(dirname(later.opened.file))).toBe(false);

    const now = open('linux');
    now.opened.remove();
    now.opened.remove();
    expect(existsSync(dirname(now.opened.file))).toBe(false);
  });
});
