import { spawn as nodeSpawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the opener needs of a spawned child. */
export interface OpenerChild {
  on(event: 'error', listener: (error: Error) => void): unknown;
  unref(): void;
}

export type OpenerSpawn = (command: string, args: string[]) => OpenerChild;

export interface OpenBrowserOptions {
  /** Injectable so a test can see the command line; the real one spawns detached, output ignored. */
  spawn?: OpenerSpawn;
  platform?: NodeJS.Platform;
  /** Where the private folder is made (the OS temp folder by default). */
  tempRoot?: string;
  /** How long the browser has to read the file before it is deleted: a cold browser start can take a while. */
  removeAfterMs?: number;
  onError?: (message: string) => void;
}

export interface OpenedBrowser {
  /** The redirect file the browser was given (gone once removed). */
  file: string;
  /** Deletes the file and its folder now; safe to call more than once. */
  remove(): void;
}

const REMOVE_AFTER_MS = 30_000;

const defaultSpawn: OpenerSpawn = (command, args) => nodeSpawn(command, args, { stdio: 'ignore', detached: true });

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A page that sends the browser on to `url` at once (meta refresh; a link if that is blocked). */
function redirectPage(url: string): string {
  const href = escapeHtml(url);
  return (
    '<!doctype html>\n<html><head><meta charset="utf-8">' +
    `<meta http-equiv="refresh" content="0;url=${href}"><title>Opening Helplane Console…</title></head>` +
    `<body><p><a href="${href}">Open Helplane Console</a></p></body></html>\n`
  );
}

function openerCommand(platform: NodeJS.Platform, target: string): [string, string[]] {
  if (platform === 'darwin') return ['open', [target]];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', target]];
  return ['xdg-open', [target]];
}

/**
 * Opens `url` in the default browser without putting it on a command line: a process's arguments
 * are visible to every local user (`ps`), and this URL carries the console's token. As Jupyter
 * does, the URL goes into a redirect file only this user can read (0600 in a 0700 folder), the
 * browser is given the file's path, and the file is deleted after a short while (or by `remove`).
 */
export function openBrowser(url: string, options: OpenBrowserOptions = {}): OpenedBrowser {
  const dir = mkdtempSync(join(options.tempRoot ?? tmpdir(), 'helplane-open-'));
  // mkdtemp already makes it 0700; said again so a loose umask or platform cannot widen it.
  chmodSync(dir, 0o700);
  const file = join(dir, 'open-console.html');
  writeFileSync(file, redirectPage(url), { mode: 0o600, flag: 'wx' });
  let removed = false;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    clearTimeout(timer);
    rmSync(dir, { recursive: true, force: true });
  };
  const timer = setTimeout(remove, options.removeAfterMs ?? REMOVE_AFTER_MS);
  timer.unref();
  const [command, args] = openerCommand(options.platform ?? process.platform, file);
  const child = (options.spawn ?? defaultSpawn)(command, args);
  child.on('error', () => options.onError?.('Could not open a browser: open the URL above yourself.'));
  child.unref();
  return { file, remove };
}
