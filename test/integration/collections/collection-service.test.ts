import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeCollectionFiles } from '../../../src-main/adapters/node-collection-files';
import { generateKey } from '../../../src-main/helplane/key-format';
import type { RequestFile } from '../../../src-main/helplane/collection/model';
import { CollectionService, type CollectionChange } from '../../../src-main/services/collections/collection-service';
import { tempDirPerTest } from '../../helpers/temp-dir-per-test';

const newDir = tempDirPerTest('collections');
const storedKey = { name: 'Sandbox default', value: generateKey('test') };
const services: CollectionService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
});

function service(secrets = async () => [storedKey]) {
  const s = new CollectionService({ files: createNodeCollectionFiles(), secrets, debounceMs: 50 });
  services.push(s);
  return s;
}

const HAND_WRITTEN = `# Step 1 of the onboarding chain.
name: Create contact
order: 1
method: POST
path: /v1/contacts
headers:
  Content-Type: application/json  # the sandbox insists
body: |
  {"email": "{{email}}"}
key: { name: Sandbox default, environment: sandbox }
captures:
  - variable: contact_id
    path: $.id
`;

function write(root: string, path: string, text: string) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

function collectionFolder(): string {
  const root = newDir();
  write(root, 'collection.yaml', 'name: Onboarding\nvariables:\n  email: ada@example.com\n');
  write(root, 'chain/create-contact.request.yaml', HAND_WRITTEN);
  write(root, 'chain/send-message.request.yaml', 'name: Send message\norder: 2\nmethod: POST\npath: /v1/conversations\n');
  write(root, 'list-contacts.request.yaml', 'name: List contacts\nmethod: GET\nendpoint: listContacts\n');
  write(root, 'README.md', '# not a request\n');
  return root;
}

/** The next change event (changes are debounced, so one edit gives one event). */
const nextChange = (s: CollectionService) =>
  new Promise<CollectionChange>((resolve) => {
    const off = s.onChange((change) => {
      off();
      resolve(change);
    });
  });

const opened = async (s: CollectionService, root: string) => {
  const result = await s.open(root);
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
};

const read = (s: CollectionService, path: string) => {
  const result = s.readRequest(path);
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
};

describe('CollectionService with real files', () => {
  it('opens a folder: the tree in order, the collection file, other files left out', async () => {
    const root = collectionFolder();
    const snapshot = await opened(service(), root);
    expect(snapshot.collection).toEqual({ name: 'Onboarding', variables: [{ name: 'email', value: 'ada@example.com' }], environments: [] });
    expect(snapshot.problems).toEqual([]);
    const chain = snapshot.tree.children[0];
    expect(chain).toMatchObject({ kind: 'folder', path: 'chain', name: 'chain' });
    expect(chain?.kind === 'folder' && chain.children.map((c) => c.kind === 'request' && c.name)).toEqual(['Create contact', 'Send message']);
    expect(snapshot.tree.children.slice(1)).toEqual([{ kind: 'request', path: 'list-contacts.request.yaml', name: 'List contacts', method: 'GET', duplicateName: false }]);
  });

  it('lists a damaged file with its error (line and column) and still opens the rest; never writes over it unasked', async () => {
    const root = collectionFolder();
    write(root, 'chain/broken.request.yaml', 'name: Broken\nmethod: GET\npath: /a\n  oops: [\n');
    const s = service();
    const snapshot = await opened(s, root);
    expect(snapshot.problems).toEqual([expect.objectContaining({ code: 'parse_error', file: 'chain/broken.request.yaml', line: 3 })]);
    expect(JSON.stringify(snapshot.tree)).toContain('Create contact');
    const save = await s.saveRequest('chain/broken.request.yaml', { ...read(s, 'list-contacts.request.yaml').request, name: 'Fixed' }, { baseRevision: 'whatever' });
    expect(save).toMatchObject({ ok: false, problem: { code: 'damaged_file', file: 'chain/broken.request.yaml' } });
    expect(readFileSync(join(root, 'chain/broken.request.yaml'), 'utf8')).toContain('oops: [');
    const kept = await s.saveRequest('chain/broken.request.yaml', { ...read(s, 'list-contacts.request.yaml').request, name: 'Fixed' }, { baseRevision: null, replaceDiskVersion: true });
    expect(kept.ok).toBe(true);
  });

  it('saves an unchanged request as the same bytes (comments and all), and a change keeps the comments', async () => {
    const root = collectionFolder();
    const s = service();
    await opened(s, root);
    const { request, revision } = read(s, 'chain/create-contact.request.yaml');
    expect((await s.saveRequest('chain/create-contact.request.yaml', request, { baseRevision: revision })).ok).toBe(true);
    expect(readFileSync(join(root, 'chain/create-contact.request.yaml'), 'utf8')).toBe(HAND_WRITTEN);
    const saved = await s.saveRequest('chain/create-contact.request.yaml', { ...request, order: 3 }, { baseRevision: revision });
    expect(saved.ok).toBe(true);
    const text = readFileSync(join(root, 'chain/create-contact.request.yaml'), 'utf8');
    expect(text).toBe(HAND_WRITTEN.replace('order: 1', 'order: 3'));
  });

  it('refuses a save that holds a stored key or an hl_ key, naming where, and writes nothing', async () => {
    const root = collectionFolder();
    const s = service();
    await opened(s, root);
    const { request, revision } = read(s, 'chain/create-contact.request.yaml');
    const leaky: RequestFile = { ...request, headers: [...request.headers, { name: 'X-API-Key', value: storedKey.value }] };
    const result = await s.saveRequest('chain/create-contact.request.yaml', leaky, { baseRevision: revision });
    expect(result).toMatchObject({ ok: false, problem: { code: 'secret_in_file', file: 'chain/create-contact.request.yaml', field: 'headers.X-API-Key' } });
    expect(JSON.stringify(result)).not.toContain(storedKey.value.slice(8));
    expect(readFileSync(join(root, 'chain/create-contact.request.yaml'), 'utf8')).toBe(HAND_WRITTEN);
    const other = generateKey('live');
    const collection = await s.saveCollection({ name: 'Onboarding', variables: [{ name: 'token', value: other }], environments: [] }, { baseRevision: s.snapshot().ok ? (s.snapshot() as { value: { collectionRevision: string } }).value.collectionRevision : null });
    expect(collection).toMatchObject({ ok: false, problem: { code: 'secret_in_file', file: 'collection.yaml', field: 'variables.token' } });
  });

  it('refuses to save when the stored keys cannot be read to check', async () => {
    const root = collectionFolder();
    const s = service(async () => {
      throw new Error('locked');
    });
    await opened(s, root);
    const { request, revision } = read(s, 'list-contacts.request.yaml');
    expect(await s.saveRequest('list-contacts.request.yaml', { ...request, name: 'All contacts' }, { baseRevision: revision })).toMatchObject({ ok: false, problem: { code: 'io_error' } });
  });

  it('sees a file edited outside the console: one event, the new content; its own saves raise none', async () => {
    const root = collectionFolder();
    const s = service();
    await opened(s, root);
    const events: CollectionChange[] = [];
    s.onChange((c) => events.push(c));
    const { request, revision } = read(s, 'list-contacts.request.yaml');
    await s.saveRequest('list-contacts.request.yaml', { ...request, order: 5 }, { baseRevision: revision });
    const change = nextChange(s);
    writeFileSync(join(root, 'chain/send-message.request.yaml'), 'name: Send a message\norder: 2\nmethod: POST\npath: /v1/conversations\n');
    expect((await change).changed).toEqual(['chain/send-message.request.yaml']);
    expect(read(s, 'chain/send-message.request.yaml').request.name).toBe('Send a message');
    expect(events).toHaveLength(1);
  });

  it('sees files added, removed and damaged outside, and the collection file changed', async () => {
    const root = collectionFolder();
    const s = service();
    await opened(s, root);
    let change = nextChange(s);
    write(root, 'more/read-thread.request.yaml', 'name: Read thread\nmethod: GET\npath: /v1/conversations/{{conversation_id}}\n');
    rmSync(join(root, 'list-contacts.request.yaml'));
    writeFileSync(join(root, 'chain/send-message.request.yaml'), 'name: Send message\nmethod: [\n');
    writeFileSync(join(root, 'collection.yaml'), 'name: Onboarding\nvariables:\n  email: bob@example.com\n');
    let event = await change;
    // Edits may land in one debounced event or two: gather until all four are seen.
    const changed = new Set(event.changed);
    const removed = new Set(event.removed);
    while (changed.size < 3 || removed.size < 1) {
      change = nextChange(s);
      event = await change;
      event.changed.forEach((p) => changed.add(p));
      event.removed.forEach((p) => removed.add(p));
    }
    expect([...changed].sort()).toEqual(['chain/send-message.request.yaml', 'collection.yaml', 'more/read-thread.request.yaml']);
    expect([...removed]).toEqual(['list-contacts.request.yaml']);
    const snapshot = event.snapshot;
    expect(snapshot?.collection.variables).toEqual([{ name: 'email', value: 'bob@example.com' }]);
    expect(snapshot?.problems).toEqual([expect.objectContaining({ code: 'parse_error', file: 'chain/send-message.request.yaml' })]);
    expect(JSON.stringify(snapshot?.tree)).toContain('more/read-thread.request.yaml');
    expect(s.readRequest('chain/send-message.request.yaml')).toMatchObject({ ok: false, problem: { code: 'parse_error' } });
  });

  it('a file changed on disk while a tab has edits: save is refused; keep mine writes, take theirs reads', async () => {
    const root = collectionFolder();
    const s = service();
    await opened(s, root);
    const mine = read(s, 'list-contacts.request.yaml');
    const change = nextChange(s);
    writeFileSync(join(root, 'list-contacts.request.yaml'), 'name: List contacts\nmethod: GET\nendpoint: listContacts\nquery:\n  limit: 5\n');
    await change;
    const edited = { ...mine.request, headers: [{ name: 'X-Trace', value: 'a' }] };
    expect(await s.saveRequest('list-contacts.request.yaml', edited, { baseRevision: mine.revision })).toMatchObject({ ok: false, problem: { code: 'changed_on_disk' } });
    expect(read(s, 'list-contacts.request.yaml').request.query).toEqual([{ name: 'limit', value: '5' }]);
    const kept = await s.saveRequest('list-contacts.request.yaml', edited, { baseRevision: mine.revision, replaceDiskVersion: true });
    expect(kept.ok).toBe(true);
    expect(readFileSync(join(root, 'list-contacts.request.yaml'), 'utf8')).toContain('X-Trace: a');
  });

  it('creates, renames, duplicates, moves and deletes requests; refuses a name already used in the folder', async () => {
    const root = collectionFolder();
    const s = service();
    await opened(s, root);
    const base = read(s, 'list-contacts.request.yaml').request;
    const created = await s.createRequest('chain', { ...base, name: 'Read conversation' });
    expect(created).toMatchObject({ ok: true, value: { path: 'chain/read-conversation.request.yaml' } });
    expect(await s.createRequest('chain', { ...base, name: 'Send message' })).toMatchObject({ ok: false, problem: { code: 'name_taken' } });
    const renamed = await s.renameRequest('chain/read-conversation.request.yaml', 'Read the thread');
    expect(renamed).toMatchObject({ ok: true, value: { path: 'chain/read-the-thread.request.yaml' } });
    expect(existsSync(join(root, 'chain/read-conversation.request.yaml'))).toBe(false);
    const copy = await s.duplicateRequest('chain/read-the-thread.request.yaml');
    expect(copy).toMatchObject({ ok: true, value: { path: 'chain/read-the-thread-copy.request.yaml', request: { name: 'Read the thread copy' } } });
    const before = readFileSync(join(root, 'chain/create-contact.request.yaml'), 'utf8');
    const moved = await s.moveRequest('chain/create-contact.request.yaml', 'setup/contacts');
    expect(moved).toMatchObject({ ok: true, value: { path: 'setup/contacts/create-contact.request.yaml' } });
    expect(readFileSync(join(root, 'setup/contacts/create-contact.request.yaml'), 'utf8')).toBe(before);
    expect((await s.deleteRequest('chain/read-the-thread-copy.request.yaml')).ok).toBe(true);
    const tree = JSON.stringify((s.snapshot() as { value: unknown }).value);
    expect(tree).not.toContain('copy');
    expect(tree).toContain('setup/contacts/create-contact.request.yaml');
    expect(await s.moveRequest('list-contacts.request.yaml', '../outside')).toMatchObject({ ok: false, problem: { code: 'invalid_path' } });
  });

  it('lists two requests with one name in one folder, both marked', async () => {
    const root = collectionFolder();
    write(root, 'chain/copy.request.yaml', 'name: Send message\nmethod: GET\npath: /v1/x\n');
    const snapshot = await opened(service(), root);
    const chain = snapshot.tree.children[0];
    const marked = chain?.kind === 'folder' ? chain.children.filter((c) => c.kind === 'request' && c.duplicateName).map((c) => c.path) : [];
    expect(marked.sort()).toEqual(['chain/copy.request.yaml', 'chain/send-message.request.yaml']);
  });

  it('says so when the collection folder vanishes, and when it is missing at open', async () => {
    const root = collectionFolder();
    const s = service();
    await opened(s, root);
    const change = nextChange(s);
    renameSync(root, `${root}-moved`);
    try {
      const event = await change;
      expect(event.gone).toMatchObject({ code: 'not_found' });
      expect(event.snapshot).toBeUndefined();
    } finally {
      rmSync(`${root}-moved`, { recursive: true, force: true });
    }
    expect(await service().open(join(root, 'nope'))).toMatchObject({ ok: false, problem: { code: 'not_found' } });
  });

  it('in a git repository: an edit to one field shows in git diff as that line only', async () => {
    const root = collectionFolder();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: root, encoding: 'utf8' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'collection');
    const s = service();
    await opened(s, root);
    const { request, revision } = read(s, 'chain/create-contact.request.yaml');
    await s.saveRequest('chain/create-contact.request.yaml', { ...request, method: 'PUT' }, { baseRevision: revision });
    const diff = git('diff', '--unified=0', '--no-color').split('\n').filter((l) => /^[+-](?![+-])/.test(l));
    expect(diff).toEqual(['-method: POST', '+method: PUT']);
  });
});
