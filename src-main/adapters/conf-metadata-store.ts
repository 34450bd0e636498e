import Conf from 'conf';
import { copyFileSync, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyRecord, MetadataStore } from '../ports';
import { METADATA_VERSION, MetadataFileSchema, type MetadataFile } from '../services/metadata-schema';

/** The part of conf / electron-store this store uses (electron-store extends conf). */
export interface KeyValueFile {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
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
 * Before conf opens the file: if it is unreadable or not of our shape, put back the last good
 * copy; with none, set the damaged file aside (never delete it) and start empty — keys still in
 * the keychain are found again as "Recovered key".
 */
export function repairMetadataFile(dataDir: string): 'ok' | 'restored' | 'set-aside' {
  const main = join(dataDir, METADATA_FILE);
  if (!existsSync(main) || readValid(main)) return 'ok';
  const lastGood = join(dataDir, LAST_GOOD_FILE);
  if (existsSync(lastGood) && readValid(lastGood)) {
    renameSync(main, join(dataDir, `keys.damaged-${Date.now()}.json`));
    copyFileSync(lastGood, main);
    return 'restored';
  }
  renameSync(main, join(dataDir, `keys.damaged-${Date.now()}.json`));
  return 'set-aside';
}

/** Metadata on a conf-compatible JSON file, validated on every read, with a last good copy. */
export function createMetadataStore(file: KeyValueFile, lastGoodPath: string | null = null): MetadataStore {
  // conf re-reads and re-parses the file on every get: every request looks its key up here, so
  // the parsed file is kept until the file changes on disk (another console may write it too).
  let cache: { stamp: string; data: MetadataFile } | null = null;
  const stampOf = () => {
    try {
      const st = statSync(file.path);
      return `${st.mtimeMs}:${st.size}:${st.ino}`;
    } catch {
      return 'missing';
    }
  };
  const current = (): MetadataFile => {
    const stamp = stampOf();
    if (cache && cache.stamp === stamp) return cache.data;
    const parsed = MetadataFileSchema.safeParse({
      version: file.get('version') ?? METADATA_VERSION,
      keys: file.get('keys') ?? [],
      flags: file.get('flags') ?? {},
    });
    const data: MetadataFile = parsed.success ? parsed.data : MetadataFileSchema.parse({ version: METADATA_VERSION, keys: [], flags: {} });
    cache = { stamp, data };
    return data;
  };
  const save = (next: MetadataFile) => {
    const checked = MetadataFileSchema.parse(next);
    file.set('version', checked.version);
    file.set('keys', checked.keys);
    file.set('flags', checked.flags);
    cache = null;
    // Only a file that was just written whole and valid becomes the copy to restore from.
    if (lastGoodPath) copyFileSync(file.path, lastGoodPath);
  };
  return {
    readKeys: (): KeyRecord[] => current().keys,
    writeKeys: (keys) => save({ ...current(), keys }),
    getFlag: (name) => current().flags[name] === true,
    setFlag: (name) => {
      const state = current();
      save({ ...state, flags: { ...state.flags, [name]: true } });
    },
  };
}

/** The web host's store: conf in `<dataDir>/keys.json`, repaired first if damaged. */
export function createConfMetadataStore(dataDir: string, onRepair?: (outcome: 'restored' | 'set-aside') => void): MetadataStore {
  const outcome = existsSync(dataDir) ? repairMetadataFile(dataDir) : 'ok';
  if (outcome !== 'ok') onRepair?.(outcome);
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: 'keys',
    projectName: 'helplane-console',
    clearInvalidConfig: false,
  });
  return createMetadataStore(conf, join(dataDir, LAST_GOOD_FILE));
}
