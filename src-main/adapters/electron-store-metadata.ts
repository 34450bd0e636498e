import ElectronStore from 'electron-store';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MetadataStore } from '../ports';
import { LAST_GOOD_FILE, createMetadataStore, cutStoredPrefixes, repairMetadataFile } from './conf-metadata-store';

/**
 * The desktop app's metadata store: electron-store (conf underneath) in `dataDir`/keys.json,
 * the same file, format, repair and last good copy as the web host's conf store.
 */
export function createElectronStoreMetadata(dataDir: string): MetadataStore {
  if (existsSync(dataDir)) {
    repairMetadataFile(dataDir);
    cutStoredPrefixes(dataDir);
  }
  const store = new ElectronStore<Record<string, unknown>>({ cwd: dataDir, name: 'keys', clearInvalidConfig: false });
  return createMetadataStore(store, join(dataDir, LAST_GOOD_FILE));
}
