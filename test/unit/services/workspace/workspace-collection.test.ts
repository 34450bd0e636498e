import { describe, expect, it } from 'vitest';
import { createJsonFileStore } from '../../../../src-main/adapters/json-file-store';
import { coalescedDocument } from '../../../../src-main/lib/coalesced-document';
import { generateKey } from '../../../../src-main/helplane/key-format';
import { WorkspaceService } from '../../../../src-main/services/workspace/workspace-service';
import { tempDirPerTest } from '../../../helpers/temp-dir-per-test';

// Issue 16, drafts of collection tabs: the open collection, each tab's link (with its revision), captures and tests survive a restart.
const dataDir = tempDirPerTest('workspace-collection');
const workspace = (dir: string) => new WorkspaceService({ dataDir: dir, document: (path) => coalescedDocument(createJsonFileStore(path, { pretty: false }), 500) });
const draft = {
  name: 'Create contact',
  target: { kind: 'free' as const },
  method: 'POST' as const,
  path: '/v1/contacts',
  pathParams: [],
  query: [],
  headers: [],
  body: '{"name":"Ada"}',
  keyId: null,
  collectionLink: { collection: '/repo/api', file: 'chain/create-contact.request.yaml', revision: 'abc123' },
  captures: [{ variable: 'contact_id', path: '$.id' }],
  tests: [{ status: 201 }, { jsonpath: '$.email', equals: 'ada@example.com' }],
};

describe('collection drafts', () => {
  it('keep the open collection, the link with its revision, captures and tests for the next start', () => {
    const dir = dataDir();
    const first = workspace(dir);
    first.save({ tabs: [{ ...draft, id: 'tab_0000000000000001', unsaved: true }], activeTabId: 'tab_0000000000000001', collection: '/repo/api' }, []);
    first.flush();
    const state = workspace(dir).tabs.state();
    expect(state.collection).toBe('/repo/api');
    expect(state.tabs[0]).toMatchObject({ collectionLink: draft.collectionLink, captures: draft.captures, tests: draft.tests, unsaved: true });
  });

  it('a save that does not name the collection keeps it; null closes it', () => {
    const dir = dataDir();
    const ws = workspace(dir);
    ws.save({ tabs: [], activeTabId: null, collection: '/repo/api' }, []);
    ws.save({ tabs: [], activeTabId: null }, []);
    expect(ws.tabs.state().collection).toBe('/repo/api');
    ws.save({ tabs: [], activeTabId: null, collection: null }, []);
    expect(ws.tabs.state().collection).toBeUndefined();
  });

  it('a test that holds a key is not kept, and a capture is scrubbed', () => {
    const ws = workspace(dataDir());
    const key = generateKey('test');
    const state = ws.save(
      { tabs: [{ ...draft, captures: [{ variable: 'x', path: `$.${key}` }], tests: [{ status: 200 }, { header: 'x-key', equals: key }], id: 'tab_0000000000000002', unsaved: true }], activeTabId: null },
      [key],
    );
    expect(JSON.stringify(state.tabs)).not.toContain(key);
    expect(state.tabs[0]!.tests).toEqual([{ status: 200 }]);
    expect(state.warnings.join(' ')).toMatch(/Test 2/);
  });
});
