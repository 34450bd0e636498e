import Database from 'better-sqlite3';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src-main/sandbox-server/db/open-database';
import { tempDir } from '../../helpers/temp-dir';
import { announcement, exitOf, killGroup, runSandboxCli } from './cli-process';
import { createSandboxKey } from '../../helpers/sandbox-admin';

const children: ChildProcessWithoutNullStreams[] = [];
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const child of children.splice(0)) killGroup(child);
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function start(dataDir: string) {
  const child = runSandboxCli(['--port', '0', '--data-dir', dataDir, '--admin-token', 'crash-admin', '--rate-capacity', '100000', '--rate-refill', '100000']);
  children.push(child);
  return { child, ...(await announcement(child)) };
}

async function allContactEmails(baseUrl: string, secret: string): Promise<Set<string>> {
  const emails = new Set<string>();
  let cursor: string | null = null;
  do {
    const res = await fetch(`${baseUrl}/v1/contacts?limit=100${cursor ? `&starting_after=${cursor}` : ''}`, {
      headers: { 'x-api-key': secret },
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { data: Array<{ email: string }>; next_cursor: string | null };
    for (const c of page.data) emails.add(c.email);
    cursor = page.next_cursor;
  } while (cursor);
  return emails;
}

describe('sandbox crash safety', () => {
  it('keeps every acknowledged write after kill -9 in the middle of writes', async () => {
    const dir = tempDir('sandbox-crash');
    cleanups.push(dir.cleanup);
    const first = await start(dir.path);
    const { secret } = await createSandboxKey(first.baseUrl, 'crash-admin', 'ws_acme', 'crash');

    // Eight writers in parallel; each remembers what got a 201. They keep going until the kill.
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const email = `w${w}-${i}@crash.test`;
        try {
          const res = await fetch(`${first.baseUrl}/v1/contacts`, {
            method: 'POST',
            headers: { 'x-api-key': secret, 'content-type': 'application/json' },
            body: JSON.stringify({ name: `Writer ${w}`, email }),
          });
          if (res.status === 201) acknowledged.push(email);
          else expect(res.status).toBe(201);
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    while (acknowledged.length < 200) await new Promise((r) => setTimeout(r, 5));
    const exited = exitOf(first.child);
    killGroup(first.child, 'SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');
    stop = true;
    await Promise.all(writers);
    const acked = [...acknowledged];

    // The file opens (WAL recovery) and is intact before the sandbox touches it again.
    const db = new Database(join(dir.path, DATABASE_FILE));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const second = await start(dir.path);
    const emails = await allContactEmails(second.baseUrl, secret);
    const missing = acked.filter((e) => !emails.has(e));
    expect(missing).toEqual([]);
    expect(acked.length).toBeGreaterThanOrEqual(200);
    const exit = exitOf(second.child);
    second.child.kill('SIGTERM');
    expect(await exit).toEqual({ code: 0, signal: null });
  });

  it('applies the --rate-* flags', async () => {
    const dir = tempDir('sandbox-flags');
    cleanups.push(dir.cleanup);
    const child = runSandboxCli(['--port', '0', '--data-dir', dir.path, '--admin-token', 'flags', '--rate-capacity', '3', '--rate-refill', '1', '--rate-window-ms', '10000']);
    children.push(child);
    const { baseUrl } = await announcement(child);
    const { secret } = await createSandboxKey(baseUrl, 'flags', 'ws_acme', 'k');
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 4; i++) {
      last = await fetch(`${baseUrl}/v1/contacts?limit=1`, { headers: { 'x-api-key': secret } });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last?.headers.get('x-ratelimit-burst')).toBe('3');
    expect(last?.headers.get('ratelimit-policy')).toBe('"default";q=1;w=10');
    expect(last?.headers.get('retry-after')).toBe('10');
  });
});
