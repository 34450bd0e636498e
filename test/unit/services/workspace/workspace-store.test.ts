import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJsonFileStore } from '../../../../src-main/adapters/json-file-store';
import { coalescedDocument } from '../../../../src-main/lib/coalesced-document';
import { generateKey } from '../../../../src-main/helplane/key-format';
import { MAX_TABS } from '../../../../src-main/services/workspace/draft-schema';
import { RESPONSE_BODY_MAX, RESPONSES_PER_TAB } from '../../../../src-main/services/workspace/response-history';
import { WorkspaceService } from '../../../../src-main/services/workspace/workspace-service';
import { tempDirPerTest } from '../../../helpers/temp-dir-per-test';

const dataDir = tempDirPerTest('workspace');
const workspace = (dir: string) => new WorkspaceService({ dataDir: dir, document: (path) => coalescedDocument(createJsonFileStore(path, { pretty: false }), 500) });
const tabsFile = (dir: string) => join(dir, 'workspace', 'tabs.json');
const setAside = (folder: string, stem: string) => readdirSync(folder).filter((f) => f.startsWith(`${stem}.damaged-`));
const filesText = (dir: string) =>
  [tabsFile(dir), ...(existsSync(join(dir, 'workspace', 'responses')) ? readdirSync(join(dir, 'workspace', 'responses')).map((f) => join(dir, 'workspace', 'responses', f)) : [])]
    .filter((p) => existsSync(p))
    .map((p) => readFileSync(p, 'utf8'))
    .join('\n');
const response = (n: number, body = `{"n":${n}}`) => ({ status: 200, statusText: 'OK', headers: [{ name: 'X-Request-Id', value: `req_${n}` }], body, bodyTruncated: false, sizeBytes: body.length, durationMs: n, url: `http://127.0.0.1/v1/contacts?n=${n}` });

describe('tabs and drafts', () => {
  it('come back after a restart: drafts, order, active tab, unsaved marks', () => {
    const dir = dataDir();
    const first = workspace(dir);
    const a = first.open({ name: 'List contacts', target: { kind: 'endpoint', endpointId: 'listContacts' }, path: '/v1/contacts', keyId: 'key-1' }, []).tab;
    const b = first.open({ name: 'Free', method: 'POST', path: '/v1/things/{{id}}', body: '{"a":1}' }, []).tab;
    const c = first.open({ name: 'From file', collectionLink: { collection: '/repo/api', file: 'contacts/create.yaml' } }, []).tab;
    expect(c.unsaved).toBe(false);
    first.tabs.update(a.id, { query: [{ name: 'limit', value: '5' }] }, []);
    first.tabs.move(c.id, 0);
    first.tabs.activate(b.id);
    first.flush();

    const second = workspace(dir);
    const state = second.tabs.state();
    expect(state.tabs.map((t) => t.name)).toEqual(['From file', 'List contacts', 'Free']);
    expect(state.activeTabId).toBe(b.id);
    expect(state.tabs[1]).toMatchObject({ query: [{ name: 'limit', value: '5' }], keyId: 'key-1', unsaved: true, target: { kind: 'endpoint', endpointId: 'listContacts' } });
    expect(state.tabs[2]).toMatchObject({ method: 'POST', path: '/v1/things/{{id}}', body: '{"a":1}' });
    expect(second.tabs.markSaved(b.id, { collection: '/repo/api', file: 'free.yaml' }).unsaved).toBe(false);
  });

  it('opens a new tab after the active one; closing the active tab activates the next, then the previous', () => {
    const ws = workspace(dataDir());
    const a = ws.open({ name: 'a' }, []).tab;
    const c = ws.open({ name: 'c' }, []).tab;
    ws.tabs.activate(a.id);
    const b = ws.open({ name: 'b' }, []).tab;
    expect(ws.tabs.state().tabs.map((t) => t.name)).toEqual(['a', 'b', 'c']);
    expect(ws.close(b.id).activeTabId).toBe(c.id);
    expect(ws.close(c.id).activeTabId).toBe(a.id);
    expect(ws.close(a.id)).toEqual({ tabs: [], activeTabId: null });
  });

  it('never keeps a secret: a stored key’s value (any form) and a checksum-valid hl_ key are redacted, each place named; X-API-Key is dropped', () => {
    const dir = dataDir();
    const ws = workspace(dir);
    const stored = 'custom-server-secret-4711';
    const hl = generateKey('live');
    const { tab, warnings } = ws.open(
      {
        name: 'Leaky',
        path: `/v1/contacts/${encodeURIComponent(stored)}`,
        query: [{ name: 'token', value: hl }],
        headers: [{ name: 'X-API-Key', value: hl }, { name: 'X-Echo', value: Buffer.from(`k=${stored}`).toString('base64') }],
        body: JSON.stringify({ note: `key ${stored} and ${hl}` }),
      },
      [stored],
    );
    ws.flush();
    expect(warnings).toEqual([
      'The X-API-Key header is not kept: the console sets it from the Key picker.',
      'The path held an API key; it was replaced by [redacted] and is not kept.',
      'The query parameter token held an API key; it was replaced by [redacted] and is not kept.',
      'The header X-Echo held an API key; it was replaced by [redacted] and is not kept.',
      'The body held an API key; it was replaced by [redacted] and is not kept.',
    ]);
    expect(tab.headers.map((h) => h.name)).toEqual(['X-Echo']);
    const text = filesText(dir);
    expect(text).toContain('Leaky');
    for (const secretText of [stored, hl, hl.slice(12), Buffer.from(stored).toString('base64').slice(4, 20)]) {
      expect(text).not.toContain(secretText);
      expect(JSON.stringify(tab)).not.toContain(secretText);
      expect(warnings.join(' ')).not.toContain(secretText);
    }
    // The same on an edit.
    const edit = ws.tabs.update(tab.id, { headers: [{ name: hl, value: 'x' }] }, [stored]);
    expect(edit.warnings).toEqual(['The name of header 1 held an API key; it was replaced by [redacted] and is not kept.']);
    expect(JSON.stringify(edit)).not.toContain(hl.slice(12));
  });

  it('is capped: the 51st tab and an over-long body are refused in words', () => {
    const ws = workspace(dataDir());
    for (let i = 0; i < MAX_TABS; i++) ws.open({ name: `t${i}` }, []);
    expect(() => ws.open({}, [])).toThrow(`At most ${MAX_TABS} tabs can be open; close one first.`);
    const tab = ws.tabs.state().tabs[0]!;
    expect(() => ws.tabs.update(tab.id, { body: 'x'.repeat(1024 * 1024 + 1) }, [])).toThrow(/The tab's body is not valid/);
    expect(() => ws.tabs.update('tab_0000000000000000', {}, [])).toThrow('That tab is no longer open.');
  });

  it('a tabs.json cut short is set aside unchanged, and the workspace starts empty', () => {
    const dir = dataDir();
    mkdirSync(join(dir, 'workspace'), { recursive: true });
    writeFileSync(tabsFile(dir), '{"version":1,"tabs":[{"id":"tab_');
    const ws = workspace(dir);
    expect(ws.tabs.state()).toEqual({ tabs: [], activeTabId: null });
    const aside = setAside(join(dir, 'workspace'), 'tabs');
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, 'workspace', aside[0]!), 'utf8')).toBe('{"version":1,"tabs":[{"id":"tab_');
  });

  it('keeps the valid tabs of a file with a bad one, and keeps the file as it was beside them', () => {
    const dir = dataDir();
    const ws = workspace(dir);
    const ids = ['a', 'b', 'c'].map((name) => ws.open({ name }, []).tab.id);
    ws.flush();
    const file = JSON.parse(readFileSync(tabsFile(dir), 'utf8')) as { tabs: Array<Record<string, unknown>> };
    file.tabs[1]!.method = 'BREW';
    const original = JSON.stringify(file);
    writeFileSync(tabsFile(dir), original);
    const again = workspace(dir);
    expect(again.tabs.state().tabs.map((t) => t.id)).toEqual([ids[0], ids[2]]);
    const aside = setAside(join(dir, 'workspace'), 'tabs');
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, 'workspace', aside[0]!), 'utf8')).toBe(original);
  });

  it('a key written into tabs.json by hand does not come back from it', () => {
    const dir = dataDir();
    const ws = workspace(dir);
    ws.open({ name: 'a', body: '{}' }, []);
    ws.flush();
    const hl = generateKey('test');
    writeFileSync(tabsFile(dir), readFileSync(tabsFile(dir), 'utf8').replace('"body":"{}"', `"body":"${hl}"`));
    const [tab] = workspace(dir).tabs.state().tabs;
    expect(tab?.body).toBe(`${hl.slice(0, 12)}…[redacted]`);
  });
});

describe('response history per tab', () => {
  it('keeps the last 20, newest first, across a restart; closing the tab removes them', () => {
    const dir = dataDir();
    const ws = workspace(dir);
    const tab = ws.open({ name: 't' }, []).tab;
    for (let n = 1; n <= 25; n++) ws.addResponse(tab.id, response(n), []);
    ws.flush();
    const again = workspace(dir);
    const list = again.responses.list(tab.id);
    expect(list).toHaveLength(RESPONSES_PER_TAB);
    expect(list.map((r) => r.durationMs)).toEqual(Array.from({ length: 20 }, (_, i) => 25 - i));
    expect(again.responses.get(tab.id, list[0]!.id)).toMatchObject({ body: '{"n":25}', headers: [{ name: 'X-Request-Id', value: 'req_25' }] });
    again.close(tab.id);
    expect(readdirSync(join(dir, 'workspace', 'responses'))).toEqual([]);
  });

  it('cuts a body to the cap, scrubs what the engine missed, and removes files of tabs no longer open', () => {
    const dir = dataDir();
    const ws = workspace(dir);
    const tab = ws.open({ name: 't' }, []).tab;
    const hl = generateKey('test');
    const big = `"${hl}"`.padEnd(RESPONSE_BODY_MAX - 10, ' ') + hl;
    const summary = ws.addResponse(tab.id, response(1, big), []);
    expect(summary.bodyTruncated).toBe(true);
    const kept = ws.responses.get(tab.id, summary.id);
    expect(kept.body.length).toBeLessThanOrEqual(RESPONSE_BODY_MAX);
    expect(kept.body.startsWith(`"${hl.slice(0, 12)}…[redacted]"`)).toBe(true);
    ws.flush();
    expect(filesText(dir)).not.toContain(hl.slice(12, 20));
    expect(kept.body).not.toContain(hl.slice(12, 20));
    // A file of a tab closed while the console was not running.
    writeFileSync(join(dir, 'workspace', 'responses', 'tab_00000000000000ff.json'), '[]');
    workspace(dir);
    expect(readdirSync(join(dir, 'workspace', 'responses'))).toEqual([`${tab.id}.json`]);
    expect(() => ws.addResponse('tab_0000000000000000', response(2), [])).toThrow('That tab is no longer open.');
    expect(() => ws.responses.list('../../etc/passwd')).toThrow('That is not a tab id.');
  });

  it('a damaged response file is set aside and the tab starts with no responses', () => {
    const dir = dataDir();
    const ws = workspace(dir);
    const tab = ws.open({ name: 't' }, []).tab;
    ws.flush();
    mkdirSync(join(dir, 'workspace', 'responses'), { recursive: true });
    writeFileSync(join(dir, 'workspace', 'responses', `${tab.id}.json`), '[{"id":"rsp_');
    const again = workspace(dir);
    expect(again.responses.list(tab.id)).toEqual([]);
    expect(setAside(join(dir, 'workspace', 'responses'), tab.id)).toHaveLength(1);
  });
});

describe('a rotation replaces a key in the drafts (replaceKey)', () => {
  it('moves the tabs that name the old key, keeps the others, and maps late drafts along a chain without looping', () => {
    const dir = dataDir();
    let now = 1_000_000;
    const ws = new WorkspaceService({ dataDir: dir, now: () => now, document: (path) => coalescedDocument(createJsonFileStore(path, { pretty: false }), 500) });
    const a = ws.open({ name: 'A', keyId: 'key-old', collectionLink: { collection: '/repo/api', file: 'a.request.yaml' } }, []).tab;
    const b = ws.open({ name: 'B', keyId: 'key-other' }, []).tab;
    expect(a.unsaved).toBe(false);
    expect(ws.replaceKey('key-old', 'key-new')).toBe(1);
    expect(ws.tabs.state().tabs.map((t) => t.keyId)).toEqual(['key-new', 'key-other']);
    // Not an edit: a tab linked to its file stays saved; and it is on disk already (no flush).
    expect(ws.tabs.get(a.id).unsaved).toBe(false);
    expect(readFileSync(tabsFile(dir), 'utf8')).toContain('"keyId":"key-new"');
    // A window that had not heard sends the old id: it is kept as the new one.
    expect(ws.tabs.update(b.id, { keyId: 'key-old' }, []).tab.keyId).toBe('key-new');
    // Rotated again (new → newer), then that one undone (newer → new): the chain ends on key-new, no loop.
    ws.replaceKey('key-new', 'key-newer');
    expect(ws.tabs.update(b.id, { keyId: 'key-old' }, []).tab.keyId).toBe('key-newer');
    ws.replaceKey('key-newer', 'key-new');
    expect(ws.tabs.update(b.id, { keyId: 'key-old' }, []).tab.keyId).toBe('key-new');
    expect(ws.replaceKey('same', 'same')).toBe(0);
    // Later, a tab set to the old key (usable during an overlap) was the user's choice: it is kept.
    now += 60_000;
    expect(ws.tabs.update(b.id, { keyId: 'key-old' }, []).tab.keyId).toBe('key-old');
  });

  it('a tabs file that cannot be written fails the move (and the write is retried)', () => {
    const dir = dataDir();
    let broken = true;
    const ws = new WorkspaceService({
      dataDir: dir,
      document: (path) => {
        const real = createJsonFileStore(path, { pretty: false });
        return coalescedDocument({ ...real, write: (v) => (broken && path.endsWith('tabs.json') ? (() => { throw new Error('EROFS: read-only file system'); })() : real.write(v)) }, 500);
      },
    });
    ws.open({ name: 'A', keyId: 'key-old' }, []);
    expect(() => ws.replaceKey('key-old', 'key-new')).toThrow(/EROFS/);
    broken = false;
    expect(ws.replaceKey('key-old', 'key-new')).toBe(0);
    expect(readFileSync(tabsFile(dir), 'utf8')).toContain('"keyId":"key-new"');
  });
});
