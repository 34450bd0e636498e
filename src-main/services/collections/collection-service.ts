import { createHash } from 'node:crypto';
import { COLLECTION_FILE_NAME, parseCollection, serialiseCollection } from '../../helplane/collection/collection-file';
import { REQUESTS_MAX } from '../../helplane/collection/limits';
import { collectionSchema, requestSchema, type CollectionFile, type RequestFile } from '../../helplane/collection/model';
import type { CollectionProblem } from '../../helplane/collection/problems';
import { parseRequest, serialiseRequest } from '../../helplane/collection/request-file';
import { findSecrets, secretRefusal, type KnownSecret } from '../../helplane/collection/secret-scan';
import { fieldPath } from '../../helplane/collection/yaml-text';
import type { CollectionFiles, CollectionWatch } from '../../ports';
import { buildTree, type LoadedFile, type TreeFolder } from './collection-tree';
import { folderOf, isRequestPath, join, requestPathFor, validRelative } from './collection-paths';

/**
 * A collection folder opened by the console: its tree, its requests and collection file, and
 * every change to them, through the CollectionFiles port (no Electron, no renderer: the command
 * line runner uses the same service). A file that does not parse is listed with its error and
 * never written over unless the caller says so; a save whose file changed on disk since it was read
 * is refused (keep mine / take theirs is the caller's question); a save that holds a key is refused.
 */

export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: CollectionProblem };

export interface CollectionServiceOptions {
  files: CollectionFiles;
  /** The stored keys' names and values for the secret refusal: read by the caller through SecretStore. */
  secrets: () => Promise<readonly KnownSecret[]>;
  /** Quiet time before outside changes are read and reported; default 150 ms. */
  debounceMs?: number;
  /** For errors the watcher meets after open (logged by the caller). */
  onUnexpectedError?: (error: unknown) => void;
}

export interface CollectionSnapshot {
  root: string;
  /** The collection file's content; a folder without one gets its folder's name and no variables. */
  collection: CollectionFile;
  /** The collection file's revision, or null when there is none yet. */
  collectionRevision: string | null;
  tree: TreeFolder;
  /** Files that could not be read: the collection file and each damaged request file. */
  problems: CollectionProblem[];
}

export interface OpenedRequest {
  path: string;
  request: RequestFile;
  /** Names the text the request was read from; a save passes it back to detect changes on disk. */
  revision: string;
}

export interface CollectionChange {
  /** Request or collection files added or changed outside the console. */
  changed: string[];
  removed: string[];
  /** The collection after the change; undefined when the folder is gone. */
  snapshot: CollectionSnapshot | undefined;
  /** Set when the collection folder vanished (moved, deleted, unmounted). */
  gone?: CollectionProblem;
}

export interface SaveOptions {
  /** The revision the edit started from; null for a new file. */
  baseRevision: string | null;
  /** Keep mine: replace the file even though it changed on disk (or no longer parses). */
  replaceDiskVersion?: boolean;
}

interface Known {
  text: string;
  request?: RequestFile;
  problem?: CollectionProblem;
}

const revisionOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const READ_PARALLEL = 16;

function fsProblem(error: unknown, file: string, doing: string): CollectionProblem {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return { code: 'not_found', file, message: `${file} was not found; it may have been moved or deleted outside the console.` };
  if (code === 'EFBIG') return { code: 'too_large', file, message: `${file} is too large to be a request or collection file; it is not read.` };
  if (code === 'ENOTDIR') return { code: 'invalid_path', file, message: `${file} is not a folder.` };
  if (code === 'EEXIST') return { code: 'name_taken', file, message: `${file} already exists; choose another name.` };
  return { code: 'io_error', file, message: `Could not ${doing} ${file}: ${code ?? (error as Error).message ?? 'unknown error'}.` };
}

const fail = <T>(problem: CollectionProblem): Outcome<T> => ({ ok: false, problem });

export class CollectionService {
  private root: string | undefined;
  private watcher: CollectionWatch | undefined;
  private folders = new Set<string>();
  private readonly known = new Map<string, Known>();
  private collection: { text: string | null; value: CollectionFile; problem?: CollectionProblem } | undefined;
  private readonly listeners = new Set<(change: CollectionChange) => void>();
  private pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly options: CollectionServiceOptions) {}

  /** Open `root` (closing any open collection): read every request file, start watching. */
  async open(root: string): Promise<Outcome<CollectionSnapshot>> {
    await this.close();
    const loaded = await this.load(root);
    if (!loaded.ok) return loaded;
    this.root = root;
    this.watcher = this.options.files.watch(root, (path) => this.onRawChange(path), (error) => this.options.onUnexpectedError?.(error));
    await this.watcher.ready;
    return { ok: true, value: this.snapshotOf(root) };
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
    await this.watcher?.close();
    await this.flushing;
    this.watcher = undefined;
    this.root = undefined;
    this.known.clear();
    this.folders.clear();
    this.collection = undefined;
  }

  /** Called with every change made outside the console; returns the unsubscribe. */
  onChange(listener: (change: CollectionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): Outcome<CollectionSnapshot> {
    return this.root === undefined ? fail(this.notOpen()) : { ok: true, value: this.snapshotOf(this.root) };
  }

  /** The request at `path` as last read from disk. */
  readRequest(path: string): Outcome<OpenedRequest> {
    if (this.root === undefined) return fail(this.notOpen());
    const known = this.known.get(path);
    if (!known) return fail({ code: 'not_found', file: path, message: `There is no request ${path} in this collection.` });
    if (!known.request) return fail(known.problem ?? { code: 'damaged_file', file: path, message: `${path} could not be read.` });
    return { ok: true, value: { path, request: known.request, revision: revisionOf(known.text) } };
  }

  /** Save `request` at `path` (an existing file, or a new one when baseRevision is null). */
  async saveRequest(path: string, request: RequestFile, options: SaveOptions): Promise<Outcome<OpenedRequest>> {
    const root = this.root;
    if (root === undefined) return fail(this.notOpen());
    if (!validRelative(path) || !isRequestPath(path)) return fail(this.badPath(path));
    const valid = requestSchema.safeParse(request);
    if (!valid.success) return fail(this.invalid(path, request, valid.error.issues));
    const disk = await this.readDisk(root, path);
    if (!disk.ok) return disk;
    const conflict = this.conflict(path, disk.value, options);
    if (conflict) return fail(conflict);
    const previous = disk.value === undefined ? undefined : parseRequest(disk.value, path);
    const nameClash = this.nameClash(path, valid.data.name, previous?.ok ? previous.value.name : undefined);
    if (nameClash) return fail(nameClash);
    const text = serialiseRequest(valid.data, previous?.ok && disk.value !== undefined ? { text: disk.value, value: previous.value } : undefined);
    const written = await this.writeChecked(root, path, text, disk.value);
    if (!written.ok) return written;
    this.known.set(path, { text, request: valid.data });
    return { ok: true, value: { path, request: valid.data, revision: revisionOf(text) } };
  }

  /** A new request in `folder`, its file named after the request. */
  async createRequest(folder: string, request: RequestFile): Promise<Outcome<OpenedRequest>> {
    if (!validRelative(folder, true)) return fail(this.badPath(folder));
    return this.saveRequest(requestPathFor(folder, request.name), request, { baseRevision: null });
  }

  /** Rename: the request's name and its file name follow each other. */
  async renameRequest(path: string, name: string): Promise<Outcome<OpenedRequest>> {
    const current = this.readRequest(path);
    if (!current.ok) return current;
    const target = requestPathFor(folderOf(path), name);
    const renamed = { ...current.value.request, name };
    if (target === path) return this.saveRequest(path, renamed, { baseRevision: current.value.revision });
    const saved = await this.saveRequest(target, renamed, { baseRevision: null });
    if (!saved.ok) return saved;
    const removed = await this.deleteRequest(path);
    return removed.ok ? saved : removed;
  }

  /** A copy beside the original, named `<name> copy` (`copy 2`, … when taken). */
  async duplicateRequest(path: string): Promise<Outcome<OpenedRequest>> {
    const current = this.readRequest(path);
    if (!current.ok) return current;
    const folder = folderOf(path);
    for (let n = 1; n < 100; n++) {
      const name = `${current.value.request.name} copy${n === 1 ? '' : ` ${n}`}`;
      const target = requestPathFor(folder, name);
      if (this.known.has(target) || this.nameClash(target, name, undefined)) continue;
      return this.saveRequest(target, { ...current.value.request, name }, { baseRevision: null });
    }
    return fail({ code: 'name_taken', file: path, message: `Too many copies of ${path} already; rename some first.` });
  }

  /** Move to `folder` (made if missing); the file's bytes are unchanged. */
  async moveRequest(path: string, folder: string): Promise<Outcome<OpenedRequest>> {
    const root = this.root;
    if (root === undefined) return fail(this.notOpen());
    if (!validRelative(folder, true)) return fail(this.badPath(folder));
    const current = this.readRequest(path);
    if (!current.ok) return current;
    const target = join(folder, path.slice(path.lastIndexOf('/') + 1));
    if (target === path) return current;
    const clash = this.nameClash(target, current.value.request.name, undefined);
    if (clash) return fail(clash);
    try {
      await this.options.files.rename(root, path, target);
    } catch (error) {
      return fail(fsProblem(error, target, 'move to'));
    }
    const known = this.known.get(path);
    this.known.delete(path);
    if (known) this.known.set(target, known);
    for (let f = folder; f !== ''; f = folderOf(f)) this.folders.add(f);
    return { ok: true, value: { ...current.value, path: target } };
  }

  async deleteRequest(path: string): Promise<Outcome<{ path: string }>> {
    const root = this.root;
    if (root === undefined) return fail(this.notOpen());
    if (!validRelative(path) || !isRequestPath(path)) return fail(this.badPath(path));
    try {
      await this.options.files.remove(root, path);
    } catch (error) {
      return fail(fsProblem(error, path, 'delete'));
    }
    this.known.delete(path);
    return { ok: true, value: { path } };
  }

  /** Save the collection file (name and variables), with the same checks as a request. */
  async saveCollection(collection: CollectionFile, options: SaveOptions): Promise<Outcome<{ collection: CollectionFile; revision: string }>> {
    const root = this.root;
    if (root === undefined) return fail(this.notOpen());
    const valid = collectionSchema.safeParse(collection);
    if (!valid.success) return fail(this.invalid(COLLECTION_FILE_NAME, collection, valid.error.issues));
    const disk = await this.readDisk(root, COLLECTION_FILE_NAME);
    if (!disk.ok) return disk;
    const conflict = this.conflict(COLLECTION_FILE_NAME, disk.value, options);
    if (conflict) return fail(conflict);
    const previous = disk.value === undefined ? undefined : parseCollection(disk.value);
    const text = serialiseCollection(valid.data, previous?.ok && disk.value !== undefined ? { text: disk.value, value: previous.value } : undefined);
    const written = await this.writeChecked(root, COLLECTION_FILE_NAME, text, disk.value);
    if (!written.ok) return written;
    this.collection = { text, value: valid.data };
    return { ok: true, value: { collection: valid.data, revision: revisionOf(text) } };
  }

  // ─── Reading ─────────────────────────────────────────────────────────────────────────────────

  private async load(root: string): Promise<Outcome<void>> {
    let entries;
    try {
      entries = await this.options.files.list(root);
    } catch (error) {
      const problem = fsProblem(error, root, 'open');
      return fail(problem.code === 'not_found' ? { ...problem, message: `The collection folder ${root} was not found.` } : problem);
    }
    const requests = entries.filter((e) => e.kind === 'file' && isRequestPath(e.path)).map((e) => e.path);
    if (requests.length > REQUESTS_MAX) return fail({ code: 'too_large', file: root, message: `${root} holds more than ${REQUESTS_MAX} request files; open a smaller folder.` });
    this.folders = new Set(entries.filter((e) => e.kind === 'folder').map((e) => e.path));
    this.known.clear();
    await this.readAll(root, requests);
    this.collection = await this.readCollection(root, entries.some((e) => e.path === COLLECTION_FILE_NAME));
    return { ok: true, value: undefined };
  }

  private async readAll(root: string, paths: readonly string[]): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < paths.length) {
        const path = paths[next++] as string;
        const text = await this.options.files.read(root, path).catch((error: unknown) => error);
        if (typeof text === 'string') this.known.set(path, this.parsed(path, text));
        else this.known.set(path, { text: '', problem: fsProblem(text, path, 'read') });
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_PARALLEL, paths.length) }, worker));
  }

  private parsed(path: string, text: string): Known {
    const result = parseRequest(text, path);
    return result.ok ? { text, request: result.value } : { text, problem: result.problem };
  }

  private async readCollection(root: string, exists: boolean): Promise<CollectionService['collection']> {
    const fallback: CollectionFile = { name: root.split(/[\\/]/).filter(Boolean).pop() ?? 'Collection', variables: [], environments: [] };
    if (!exists) return { text: null, value: fallback };
    const text = await this.options.files.read(root, COLLECTION_FILE_NAME).catch(() => undefined);
    if (text === undefined) return { text: null, value: fallback };
    const result = parseCollection(text);
    return result.ok ? { text, value: result.value } : { text, value: fallback, problem: result.problem };
  }

  private async readDisk(root: string, path: string): Promise<Outcome<string | undefined>> {
    try {
      return { ok: true, value: await this.options.files.read(root, path) };
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return { ok: true, value: undefined };
      return fail(fsProblem(error, path, 'read'));
    }
  }

  // ─── Checks before a write ───────────────────────────────────────────────────────────────────

  /** Why the file on disk may not be replaced now, if it may not. */
  private conflict(path: string, disk: string | undefined, options: SaveOptions): CollectionProblem | undefined {
    if (options.replaceDiskVersion) return undefined;
    if (disk === undefined) {
      if (options.baseRevision === null) return undefined;
      return { code: 'changed_on_disk', file: path, message: `${path} was deleted or moved outside the console since you opened it. Save again with Keep mine to write it back.` };
    }
    if (options.baseRevision === null) return { code: 'name_taken', file: path, message: `${path} already exists; choose another name.` };
    const damaged = path === COLLECTION_FILE_NAME ? !parseCollection(disk).ok : !parseRequest(disk, path).ok;
    if (damaged) {
      return { code: 'damaged_file', file: path, message: `${path} on disk does not parse; it is not written over unless you choose Keep mine (or fix it in an editor).` };
    }
    if (revisionOf(disk) !== options.baseRevision) {
      return { code: 'changed_on_disk', file: path, message: `${path} changed outside the console since you opened it: take theirs (reload) or keep mine (save over it).` };
    }
    return undefined;
  }

  /** Another request in the same folder with `name` (unless the file keeps the name it had). */
  private nameClash(path: string, name: string, previousName: string | undefined): CollectionProblem | undefined {
    if (previousName === name) return undefined;
    const folder = folderOf(path);
    for (const [other, known] of this.known) {
      if (other !== path && folderOf(other) === folder && known.request?.name === name) {
        return { code: 'name_taken', file: path, field: 'name', message: `${other} is already named “${name}” in this folder; choose another name.` };
      }
    }
    return undefined;
  }

  private async writeChecked(root: string, path: string, text: string, disk: string | undefined): Promise<Outcome<void>> {
    let secrets: readonly KnownSecret[];
    try {
      secrets = await this.options.secrets();
    } catch {
      return fail({ code: 'io_error', file: path, message: `Not saved: the stored keys could not be read to make sure ${path} holds none of them. Unlock the keychain and save again.` });
    }
    const refusal = secretRefusal(findSecrets(text, path, secrets));
    if (refusal) return fail(refusal);
    if (text === disk) return { ok: true, value: undefined }; // nothing changed: no write, no new mtime
    try {
      await this.options.files.write(root, path, text);
    } catch (error) {
      return fail(fsProblem(error, path, 'save'));
    }
    for (let f = folderOf(path); f !== ''; f = folderOf(f)) this.folders.add(f);
    return { ok: true, value: undefined };
  }

  // ─── Changes made outside ────────────────────────────────────────────────────────────────────

  private onRawChange(path: string): void {
    this.pending.add(path);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flushing = this.flushing.then(() => this.flush()).catch((error: unknown) => this.options.onUnexpectedError?.(error));
    }, this.options.debounceMs ?? 150);
  }

  private async flush(): Promise<void> {
    const root = this.root;
    if (root === undefined) return;
    const pending = this.pending;
    this.pending = new Set();
    let entries;
    try {
      entries = await this.options.files.list(root);
    } catch (error) {
      const problem = { ...fsProblem(error, root, 'read'), message: `The collection folder ${root} is gone (moved, deleted or unmounted); open it again when it is back.` };
      const removed = [...this.known.keys()];
      this.known.clear();
      this.emit({ changed: [], removed, snapshot: undefined, gone: problem });
      return;
    }
    if (this.root !== root) return;
    const files = new Set(entries.filter((e) => e.kind === 'file').map((e) => e.path));
    const folders = new Set(entries.filter((e) => e.kind === 'folder').map((e) => e.path));
    const foldersChanged = folders.size !== this.folders.size || [...folders].some((f) => !this.folders.has(f));
    this.folders = folders;
    const changed: string[] = [];
    const removed: string[] = [];
    for (const path of [...this.known.keys()]) {
      if (!files.has(path)) {
        this.known.delete(path);
        removed.push(path);
      }
    }
    const toRead = [...files].filter((p) => isRequestPath(p) && (pending.has(p) || !this.known.has(p)));
    for (const path of toRead) {
      const text = await this.options.files.read(root, path).catch(() => undefined);
      if (text === undefined) continue;
      if (this.known.get(path)?.text === text) continue; // our own write, or touched without change
      this.known.set(path, this.parsed(path, text));
      changed.push(path);
    }
    if (pending.has(COLLECTION_FILE_NAME) || (this.collection?.text !== null) !== files.has(COLLECTION_FILE_NAME)) {
      const next = await this.readCollection(root, files.has(COLLECTION_FILE_NAME));
      if (next?.text !== this.collection?.text) {
        this.collection = next;
        (files.has(COLLECTION_FILE_NAME) ? changed : removed).push(COLLECTION_FILE_NAME);
      }
    }
    if (changed.length || removed.length || foldersChanged) this.emit({ changed: changed.sort(), removed: removed.sort(), snapshot: this.snapshotOf(root) });
  }

  private emit(change: CollectionChange): void {
    for (const listener of this.listeners) listener(change);
  }

  // ─── Words ───────────────────────────────────────────────────────────────────────────────────

  private snapshotOf(root: string): CollectionSnapshot {
    const files: LoadedFile[] = [...this.known].map(([path, k]) => ({ path, request: k.request, problem: k.problem }));
    const problems = files.flatMap((f) => (f.problem ? [f.problem] : [])).sort((a, b) => (a.file ?? '').localeCompare(b.file ?? ''));
    if (this.collection?.problem) problems.unshift(this.collection.problem);
    const collection = this.collection ?? { text: null, value: { name: root, variables: [], environments: [] } };
    return {
      root,
      collection: collection.value,
      collectionRevision: collection.text === null ? null : revisionOf(collection.text),
      tree: buildTree([...this.folders], files),
      problems,
    };
  }

  private notOpen(): CollectionProblem {
    return { code: 'not_found', message: 'No collection is open; open a collection folder first.' };
  }

  private badPath(path: string): CollectionProblem {
    return { code: 'invalid_path', file: path, message: `“${path}” is not a path inside the collection (use / between folders, no .. or hidden names; a request file ends in .request.yaml).` };
  }

  private invalid(file: string, data: unknown, issues: readonly { path: PropertyKey[]; message: string }[]): CollectionProblem {
    const issue = issues[0];
    const field = fieldPath(data, issue?.path ?? []) || undefined;
    return { code: 'invalid_field', file, field, message: `${file}${field ? `, field ${field}` : ''}: ${issue?.message ?? 'is not valid'}.` };
  }
}

