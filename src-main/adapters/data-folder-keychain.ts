import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SecretStore } from '../ports';
import { defaultDataDir } from '../lib/data-dir';
import { KEYCHAIN_SERVICE, createKeytarSecretStore } from './keytar-secret-store';

/** `<dataDir>/keychain-id`: which keychain namespace this data folder's keys live in. */
export const KEYCHAIN_ID_FILE = 'keychain-id';
/** The start-up probe's account (services/keys/keychain-probe.ts): never a key, never migrated. */
const PROBE_ACCOUNT = '__helplane_probe__';

interface KeychainIdFile {
  id: string;
  /** The default folder has taken the un-namespaced entries no keys.json of it named (once). */
  legacyOrphansTaken?: boolean;
}

function realFolder(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function readIdFile(path: string): KeychainIdFile | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<KeychainIdFile>;
    return typeof parsed.id === 'string' && /^[a-z0-9-]{8,64}$/.test(parsed.id) ? { id: parsed.id, legacyOrphansTaken: parsed.legacyOrphansTaken === true } : null;
  } catch {
    return null;
  }
}

function writeIdFile(path: string, value: KeychainIdFile): void {
  try {
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(value)}\n`, { mode: 0o600 });
    renameSync(temp, path);
  } catch {
    // A read-only folder: the id is derived from the folder's real path again next time (the same one).
  }
}

/**
 * The data folder's keychain id. First run: a hash of the folder's real path, written to
 * `keychain-id`; from then on the file decides, so a moved or renamed folder keeps its keys, and a
 * folder whose file cannot be written still gets the same id every time. (A copied folder copies
 * the file, and so shares the keys: a copy is the same profile.)
 */
export function keychainIdOf(dataDir: string): KeychainIdFile {
  const path = join(dataDir, KEYCHAIN_ID_FILE);
  const existing = readIdFile(path);
  if (existing) return existing;
  const id = createHash('sha256').update(realFolder(dataDir)).digest('hex').slice(0, 24);
  mkdirSync(dataDir, { recursive: true });
  writeIdFile(path, { id });
  return { id };
}

/** Key ids named in this folder's keys.json or its last good copy (ids only; the files hold no secret). */
function namedAccounts(dataDir: string): Set<string> {
  const ids = new Set<string>();
  for (const name of ['keys.json', 'keys.last-good.json']) {
    try {
      const parsed = JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as { keys?: Array<{ id?: unknown }> };
      for (const k of parsed.keys ?? []) if (typeof k.id === 'string') ids.add(k.id);
    } catch {
      // Missing or damaged: the metadata store repairs it; it names nothing here.
    }
  }
  return ids;
}

export interface DataFolderKeychainOptions {
  /** The service older consoles used for every data folder (tests pass a service of their own). */
  baseService?: string;
  /** Is this the default data folder? (It takes the un-namespaced entries nobody names.) */
  isDefault?: boolean;
  /** The keychain under a service name (tests may wrap it). */
  open?: (service: string) => SecretStore;
}

/**
 * The OS keychain for one data folder: service `Helplane Console <id>` (id from keychainIdOf), so a
 * second `--data-dir` never lists, uses or deletes another folder's keys.
 *
 * Before the first operation, entries older consoles left under the bare service are moved in
 * (copied, read back, then deleted there): those this folder's keys.json names (a key id is a
 * random UUID: it belongs to the folder that names it), and, in the default data folder only and
 * once, those no keys.json of it names (it listed them as "Recovered key" before; another folder's
 * named keys are moved by that folder when it starts). A failed move leaves the old entry where it
 * is and is tried again on the next operation: no key is lost.
 */
export function createDataFolderSecretStore(dataDir: string, options: DataFolderKeychainOptions = {}): SecretStore {
  const baseService = options.baseService ?? KEYCHAIN_SERVICE;
  const open = options.open ?? ((service: string) => createKeytarSecretStore(service));
  const isDefault = options.isDefault ?? realFolder(dataDir) === realFolder(defaultDataDir());
  let ready: Promise<SecretStore> | null = null;

  async function migrate(): Promise<SecretStore> {
    const idFile = keychainIdOf(dataDir);
    const own = open(`${baseService} ${idFile.id}`);
    const legacy = open(baseService);
    const named = namedAccounts(dataDir);
    const takeOrphans = isDefault && !idFile.legacyOrphansTaken;
    const ownAccounts = new Set(await own.accounts());
    for (const account of await legacy.accounts()) {
      if (account === PROBE_ACCOUNT || !(named.has(account) || takeOrphans)) continue;
      const secret = await legacy.get(account);
      if (secret === null) continue;
      if (!ownAccounts.has(account)) await own.set(account, secret);
      if ((await own.get(account)) === secret) await legacy.delete(account);
    }
    if (takeOrphans) writeIdFile(join(dataDir, KEYCHAIN_ID_FILE), { ...idFile, legacyOrphansTaken: true });
    return own;
  }

  // The move runs once before the first operation; a failure (keychain locked) is retried on the next.
  const store = (): Promise<SecretStore> => {
    ready ??= migrate().catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  };
  return {
    get: async (account) => (await store()).get(account),
    set: async (account, secret) => (await store()).set(account, secret),
    delete: async (account) => (await store()).delete(account),
    accounts: async () => (await store()).accounts(),
  };
}
