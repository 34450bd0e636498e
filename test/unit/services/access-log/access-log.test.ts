import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createJsonFileStore } from '../../../../src-main/adapters/json-file-store';
import { appendOnlyFile } from '../../../../src-main/lib/append-only-file';
import { GENESIS_HASH, lineHash, readChain } from '../../../../src-main/services/access-log/access-log-chain';
import { AccessLogService } from '../../../../src-main/services/access-log/access-log-service';
import { FinishedFiles } from '../../../../src-main/services/inspector/finished-files';
import { folderExportTargets } from '../../../../src-main/adapters/folder-export-targets';
import { tempDir } from '../../../helpers/temp-dir';

const dirs: Array<{ cleanup(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

function setup(options: { file?: string } = {}) {
  const dir = tempDir('access-log');
  dirs.push(dir);
  const path = options.file ?? join(dir.path, 'access-log.jsonl');
  const problems: Array<{ error: unknown; inARow: number }> = [];
  let recovered = 0;
  let t = Date.UTC(2026, 11, 1, 9, 0, 0);
  const make = () =>
    new AccessLogService({
      file: appendOnlyFile(path),
      head: createJsonFileStore(join(dir.path, 'access-log.head.json')),
      user: { name: () => 'agent-ann' },
      now: () => (t += 1000),
      keyName: (id) => (id === 'key_1' ? 'Support desk' : null),
      writes: { onWriteError: (error, inARow) => void problems.push({ error, inARow }), onWriteRecovered: () => void (recovered += 1) },
      targets: folderExportTargets(join(dir.path, 'exports')),
      finished: new FinishedFiles(null),
    });
  return { dir, path, make, problems, recovered: () => recovered };
}

const look = (n: number) => ({ action: 'contact.opened' as const, keyId: 'key_1', target: { contactId: `ct_${n}` } });

describe('access log hash chain', () => {
  it('chains each line to the one before, from the genesis value, and reads as intact', () => {
    const { path, make } = setup();
    const log = make();
    for (let i = 1; i <= 3; i++) log.record(look(i));
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const entries = lines.map((l) => JSON.parse(l) as { seq: number; prev: string; user: string; key: string; time: string });
    expect(entries[0]!.prev).toBe(GENESIS_HASH);
    expect(entries[1]!.prev).toBe(lineHash(lines[0]!));
    expect(entries[2]!.prev).toBe(lineHash(lines[1]!));
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]).toMatchObject({ user: 'agent-ann', key: 'Support desk', time: '2026-12-01T09:00:01.000Z' });
    const page = log.list();
    expect(page.integrity).toEqual({ intact: true, entries: 3, line: null, message: 'The log is intact (3 entries).' });
    expect(page.entries.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect(log.list(1, 1).entries.map((e) => e.seq)).toEqual([2]);
  });

  it('continues the chain after a restart', () => {
    const { make } = setup();
    make().record(look(1));
    const again = make();
    again.record(look(2));
    expect(again.list().integrity.message).toBe('The log is intact (2 entries).');
  });

  it('names the line that was edited', () => {
    const { path, make } = setup();
    const log = make();
    for (let i = 1; i <= 20; i++) log.record(look(i));
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[16] = lines[16]!.replace('ct_17', 'ct_99');
    writeFileSync(path, lines.join('\n'));
    expect(log.list().integrity).toMatchObject({ intact: false, line: 17, message: 'Line 17 was changed.' });
  });

  it('names the line that was removed', () => {
    const { path, make } = setup();
    const log = make();
    for (let i = 1; i <= 20; i++) log.record(look(i));
    const lines = readFileSync(path, 'utf8').split('\n');
    lines.splice(16, 1);
    writeFileSync(path, lines.join('\n'));
    expect(log.list().integrity).toMatchObject({ intact: false, message: 'Line 17 was removed.' });
    lines.splice(16, 2);
    writeFileSync(path, lines.join('\n'));
    expect(log.list().integrity.message).toBe('Lines 17–19 were removed.');
  });

  it('tells a log cut at its end (the head remembers how many lines were written)', () => {
    const { path, make } = setup();
    const log = make();
    for (let i = 1; i <= 5; i++) log.record(look(i));
    const lines = readFileSync(path, 'utf8').split('\n');
    writeFileSync(path, `${lines.slice(0, 3).join('\n')}\n`);
    expect(log.list().integrity).toMatchObject({ intact: false, message: 'The log was cut after line 3: 2 entries are missing.' });
    // After a restart too: the head file on disk remembers.
    expect(make().list().integrity).toMatchObject({ intact: false, message: 'The log was cut after line 3: 2 entries are missing.' });
    // The next line, after a restart, keeps the gap in view rather than papering over it.
    const later = make();
    later.record(look(6));
    expect(later.list().integrity).toMatchObject({ intact: false, message: 'Lines 4–5 were removed.' });
    // Cut in the middle of a line, as a crash can.
    writeFileSync(path, `${lines.slice(0, 4).join('\n').slice(0, -10)}`);
    expect(log.list().integrity).toMatchObject({ intact: false, line: 4, message: 'Line 4 was cut short.' });
  });

  it('tells a removed first line and an edited last line', () => {
    const { path, make } = setup();
    const log = make();
    for (let i = 1; i <= 3; i++) log.record(look(i));
    const text = readFileSync(path, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(readChain(`${lines.slice(1).join('\n')}\n`, null).integrity.message).toBe('Line 1 was removed.');
    writeFileSync(path, `${lines.slice(0, 2).join('\n')}\n${lines[2]!.replace('ct_3', 'ct_4')}\n`);
    expect(log.list().integrity).toMatchObject({ intact: false, line: 3, message: 'Line 3 was changed.' });
  });

  it('keeps the console running when the file cannot be written: says so, keeps the lines in order, appends them once it can', async () => {
    const { path, make, problems, recovered } = setup();
    // A folder where the file should be: every append fails (EISDIR).
    mkdirSync(path);
    const log = make();
    expect(() => log.record(look(1))).not.toThrow();
    log.record(look(2));
    expect(problems.length).toBeGreaterThanOrEqual(1);
    expect(problems[0]!.inARow).toBe(1);
    expect((problems[0]!.error as { code?: string }).code).toBe('EISDIR');
    expect(log.list().pending).toBe(2);
    // Nor can it be read: Settings says why, in words.
    expect(log.list().integrity.message).toBe('The log could not be read because a folder is in the way of the file.');
    rmSync(path, { recursive: true });
    log.flush();
    expect(recovered()).toBe(1);
    const page = log.list();
    expect(page.pending).toBe(0);
    expect(page.integrity.message).toBe('The log is intact (2 entries).');
    expect(page.entries.map((e) => e.target.contactId)).toEqual(['ct_2', 'ct_1']);
  });

  it('exports a copy of the file, byte for byte', async () => {
    const { path, make } = setup();
    const log = make();
    log.record(look(1));
    log.record(look(2));
    const copy = await log.exportCopy();
    expect(copy.fileName).toMatch(/^helplane-access-log-.*\.jsonl$/);
    expect(readFileSync(copy.path!, 'utf8')).toBe(readFileSync(path, 'utf8'));
  });
});
