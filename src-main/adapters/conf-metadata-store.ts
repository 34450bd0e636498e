import Conf from 'conf';
import type { KeyRecord, MetadataStore } from '../ports';
import { METADATA_VERSION, MetadataFileSchema } from '../services/metadata-schema';

/** The part of conf / electron-store this store uses (electron-store extends conf). */
export interface KeyValueFile {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  readonly path: string;
}

/** Metadata on a conf-compatible JSON file, validated on every read. */
export function createMetadataStore(file: KeyValueFile): MetadataStore {
  return {
    readKeys(): KeyRecord[] {
      const parsed = MetadataFileSchema.safeParse({ version: file.get('version') ?? METADATA_VERSION, keys: file.get('keys') ?? [] });
      return parsed.success ? parsed.data.keys : [];
    },
    writeKeys(keys: KeyRecord[]): void {
      const checked = MetadataFileSchema.parse({ version: METADATA_VERSION, keys });
      file.set('version', checked.version);
      file.set('keys', checked.keys);
    },
  };
}

/** The web host's store: conf in `<dataDir>/keys.json`. */
export function createConfMetadataStore(dataDir: string): MetadataStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: 'keys',
    projectName: 'helplane-console',
    clearInvalidConfig: false,
  });
  return createMetadataStore(conf);
}
