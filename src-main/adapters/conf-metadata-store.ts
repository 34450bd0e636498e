import Conf from 'conf';
import { copyFileSync, existsSync, readFileSync, renameSync, statSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { ruleAbidingPrefix } from '../helplane/key-format';
import { basename, dirname, join } from 'node:path';
import type { KeyRecord, MetadataStore } from '../ports';
import { setFileAside } from './damaged-file';
import { METADATA_VERSION, MetadataFileSchema, type MetadataFile } from './metadata-schema';

/** The part of conf / electron-store this store uses (electron-store extends conf). */
export interface KeyValueFile {
  get(key: string): unknown;
  /** Several items in one write (conf and electron-store take an object). */
  set(items: Record<string, unknown>): void;
  readonly path: string;
}

export const METADATA_FILE = 'keys.json';
export const LAST_GOOD_FILE = 'keys.last-good.json';

function readValid(path: string): MetadataFile | null {
  try {
    const parsed = MetadataFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Put back the last good copy in place of a missing keys.json (deleted by hand, lost in a
 * sync), if there is a valid one: the names and environments survive, and the next write,
 * which copies keys.json over the last good copy, no longer turns it into an empty list.
 */
export function restoreMissingMetadataFile(main: string, lastGood: string): boolean {
  if (existsSync(main) || !existsSync(lastGood) || !readValid(lastGood)) return false;
  try {
    copyFileSync(lastGood, main);
    return true;
  } catch {
    // A read-only folder: nothing can be written there either, so the last good copy is safe.
    return false;
  }
}

/**
 * Before conf opens the file: if it is missing, unreadable or not of our shape, put back the last
 * good copy; with none, set a damaged file aside (never delete it) and start empty — keys still in
 * the keychain are found again as "Recovered key".
 */
export function repairMetadataFile(dataDir: string): 'ok' | 'restored' | 'set-aside' {
  const main = join(dataDir, METADATA_FILE);
  const lastGood = join(dataDir, LAST_GOOD_FILE);
  if (restoreMissingMetadataFile(main, lastGood)) return 'restored';
  if (!existsSync(main) || readValid(main)) return 'ok';
  if (existsSync(lastGood) && readValid(lastGood)) {
    setFileAside(main);
    copyFileSync(lastGood, main);
    return 'restored';
  }
  setFileAside(main);
  return 'set-aside';
}

/**
 * Once, before conf opens the file: prefixes an older console stored (the first 12 characters of
 * any key, so a short custom key sat there almost whole) are cut to what the key rule allows, in
 * keys.json and in the last good copy, so neither keeps them. The version stays 1: the shape is the
 * same, and a console of the old version can still open the file. A failed write leaves the file
 * as it was; every read cuts the prefixes anyway (metadata-schema.ts).
 */
export function cutStoredPrefixes(dataDir: string): void {
  for (const name of [METADATA_FILE, LAST_GOOD_FILE]) {
    const path = join(dataDir, name);
    if (!existsSync(path) || !readValid(path)) continue;
    try {
      const raw = JSON.parse(readFileSync(path, 'utf8')) as { keys: Array<{ prefix: string }> };
      if (raw.keys.every((k) => ruleAbidingPrefix(k.prefix) === k.prefix)) continue;
      const cut = { ...raw, keys: raw.keys.map((k) => ({ ...k, prefix: ruleAbidingPrefix(k.prefix) })) };
      const temp = `${path}.${process.pid}.migrating`;
      writeFileSync(temp, `${JSON.stringify(cut, null, '\t')}\n`, { mode: 0o600 });
      renameSync(temp, path);
    } catch {
      // Read-only folder or the like: reads still cut the prefixes, and the next write stores them cut.
    }
  }
}

/** Stores of one file in this process, so a write through one is seen at once by the others. */
const storesOfFile = new Map<string, Set<() => void>>();

/** Without a change event, the file is still looked at this often (a watch can miss events). */
export const METADATA_RECHECK_MS = 2000;

/**
 * Metadata on a conf-compatible JSON file, validated on every read, with a last good copy.
 * conf re-reads and re-parses the file on every get, and every request looks its key up here, so
 * the parsed file is kept until it changes: a write through any store of this process, a change
 * event from the file's folder (another console), or, as a fallback, a changed stat at most every
 * METADATA_RECHECK_MS. A read never costs a system call on the request path.
 */
export function createMetadataStore(file: KeyValueFile, lastGoodPath: string | null = null, now: () => number = () => performance.now()): MetadataStore & { close(): void } {
  let cache: { stamp: string; data: MetadataFile; checkedAt: number } | null = null;
  const invalidate = () => {
    cache = null;
  };
  const stampOf = () => {
    try {
      const st = statSync(file.path);
      return `${st.mtimeMs}:${st.size}:${st.ino}`;
    } catch {
      return 'missing';
    }
  };
  let siblings = storesOfFile.get(file.path);
  if (!siblings) storesOfFile.set(file.path, (siblings = new Set()));
  siblings.add(invalidate);
  let watcher: FSWatcher | null = null;
  try {
    // The folder, not the file: conf replaces the file by renaming a temp file over it.
    watcher = watch(dirname(file.path), { persistent: false }, (_event, name) => {
      if (name === null || name === basename(file.path)) invalidate();
    });
    watcher.on('error', () => undefined);
  } catch {
    // No watch here (some network file systems): the periodic stat check still sees changes.
  }
  const current = (): MetadataFile => {
    const at = now();
    if (cache && at - cache.checkedAt < METADATA_RECHECK_MS) return cache.data;
    let stamp = stampOf();
    // keys.json deleted while the console runs: the last good copy comes back before anything reads
    // an empty list (a write of that list would copy it over the last good copy).
    if (stamp === 'missing' && lastGoodPath && restoreMissingMetadataFile(file.path, lastGoodPath)) stamp = stampOf();
    if (cache && cache.stamp === stamp) {
      cache.checkedAt = at;
      return cache.data;
    }
    const parsed = MetadataFileSchema.safeParse({
      version: file.get('version') ?? METADATA_VERSION,
      keys: file.get('keys') ?? [],
      flags: file.get('flags') ?? {},
    });
    const data: MetadataFile = parsed.success ? parsed.data : MetadataFileSchema.parse({ version: METADATA_VERSION, keys: [], flags: {} });
    cache = { stamp, data, checkedAt: at };
    return data;
  };
  /** Read-modify-write starts from the file as it is now, not from a cached copy. */
  const fresh = (): MetadataFile => {
    if (cache && cache.stamp !== stampOf()) cache = null;
    return current();
  };
  const save = (next: MetadataFile) => {
    const checked = MetadataFileSchema.parse(next);
    // One write of the file, not one per field.
    file.set({ version: checked.version, keys: checked.keys, flags: checked.flags });
    for (const other of storesOfFile.get(file.path) ?? []) other();
    // Only a file that was just written whole and valid becomes the copy to restore from.
    if (lastGoodPath) copyFileSync(file.path, lastGoodPath);
  };
  return {
    readKeys: (): KeyRecord[] => current().keys,
    writeKeys: (keys) => save({ ...fresh(), keys }),
    getFlag: (name) => current().flags[name] === true,
    setFlag: (name) => {
      const state = fresh();
      save({ ...state, flags: { ...state.flags, [name]: true } });
    },
    close: () => {
      watcher?.close();
      siblings.delete(invalidate);
    },
  };
}

/** The web host's store: conf in `<dataDir>/keys.json`, repaired first if damaged. */
export function createConfMetadataStore(dataDir: string, onRepair?: (outcome: 'restored' | 'set-aside') => void): MetadataStore & { close(): void } {
  const outcome = existsSync(dataDir) ? repairMetadataFile(dataDir) : 'ok';
  if (outcome !== 'ok') onRepair?.(outcome);
  if (existsSync(dataDir)) cutStoredPrefixes(dataDir);
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: 'keys',
    projectName: 'helplane-console',
    clearInvalidConfig: false,
  });
  return createMetadataStore(conf, join(dataDir, LAST_GOOD_FILE));
}
