import ElectronStore from 'electron-store';
import type { MetadataStore } from '../ports';
import { createMetadataStore } from './conf-metadata-store';

/**
 * The desktop app's metadata store: electron-store (conf underneath) in `dataDir`/keys.json,
 * the same file and format the web host's conf store uses.
 */
export function createElectronStoreMetadata(dataDir: string): MetadataStore {
  const store = new ElectronStore<Record<string, unknown>>({ cwd: dataDir, name: 'keys', clearInvalidConfig: false });
  return createMetadataStore(store);
}
