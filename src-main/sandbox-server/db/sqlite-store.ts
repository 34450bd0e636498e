import type { Workspace } from './model';
import { generateSeed } from '../seed/seed';
import type { SandboxStore } from './store';
import { createKeyStore } from './key-store';
import { openDatabase } from './open-database';
import { ReadCache } from './read-cache';
import { createResourceStore } from './resource-store';
import { wipe, writeSeed } from './seed-writer';

export interface SqliteStoreOptions {
  /** A file path, or `':memory:'` for a store that lives as long as the process. */
  file: string;
  /** Used only when the database is empty (first start): existing data keeps its seed. */
  seed: number;
}

// In-memory stores (tests create hundreds) start from a copy of a seeded database: copying a
// serialized image is far faster than inserting ~20,000 rows each time.
const memoryTemplates = new Map<number, Buffer>();

function openMemoryDatabase(seed: number) {
  let template = memoryTemplates.get(seed);
  if (!template) {
    const db = openDatabase(':memory:');
    db.transaction(() => writeSeed(db, generateSeed(seed), seed))();
    template = db.serialize();
    db.close();
    if (memoryTemplates.size >= 4) memoryTemplates.clear();
    memoryTemplates.set(seed, template);
  }
  return openDatabase(template);
}

/** The sandbox's storage: one SQLite database, seeded on first open. */
export function createSqliteStore(options: SqliteStoreOptions): SandboxStore {
  const db = options.file === ':memory:' ? openMemoryDatabase(options.seed) : openDatabase(options.file);
  const seedRow = db.prepare("SELECT value FROM meta WHERE key = 'seed'");
  const workspaces = db.prepare('SELECT id, name, plan FROM workspaces ORDER BY id');
  const workspaceById = db.prepare('SELECT id, name, plan FROM workspaces WHERE id = ?');
  const cache = new ReadCache(db);
  const reseed = db.transaction((seed: number) => {
    cache.invalidate();
    wipe(db);
    writeSeed(db, generateSeed(seed), seed);
  });
  if (!seedRow.get()) reseed(options.seed);

  return {
    ...createResourceStore(db, cache),
    ...createKeyStore(db, cache),
    listWorkspaces: () => workspaces.all() as Workspace[],
    getWorkspace: (id) => {
      const found = cache.get(`workspace:${id}`, () => (workspaceById.get(id) as Workspace | undefined) ?? null);
      return found ? { ...found } : null;
    },
    atomically: (fn) => db.transaction(fn)(),
    seed: () => Number((seedRow.get() as { value: string }).value),
    reset: (seed) => reseed(seed),
    close: () => db.close(),
  };
}
