import Conf from 'conf';
import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
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
  const current = (): MetadataFile => {
    const parsed = MetadataFileSchema.safeParse({
      version: file.get('version') ?? METADATA_VERSION,
      keys: file.get('keys') ?? [],
      flags: file.get('flags') ?? {},
    });
    return parsed.success ? parsed.data : { version: METADATA_VERSION, keys: [], flags: {} };
  };
  const save = (next: MetadataFile) => {
    const checked = MetadataFileSchema.parse(next);
    file.set('version', checked.version);
    file.set('keys', checked.keys);
    file.set('flags', checked.flags);
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
