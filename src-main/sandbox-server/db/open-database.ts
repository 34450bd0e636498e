import Database from 'better-sqlite3';
import { migrate } from './migrations';

/** The database file inside the data dir. */
export const DATABASE_FILE = 'sandbox.sqlite';

/**
 * Opens (creating if needed) and migrates the sandbox database; `':memory:'` for a throwaway one.
 *
 * WAL: readers never block the writer, and a commit is one append to the log.
 * synchronous=FULL: each commit is fsynced before the 201 goes out, so an acknowledged write
 * survives not only `kill -9` (NORMAL would too: the log is in the OS cache) but also power loss
 * (where NORMAL may drop the last commits). The cost is one fsync per write, and writes are
 * rate-limited to 100 a minute per workspace anyway; reads pay nothing.
 */
export function openDatabase(file: string | Buffer): Database.Database {
  // A Buffer is a serialized database (see sqlite-store's in-memory template): opened in memory.
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Another process holding the write lock (a second sandbox on the same dir) waits, then fails clearly.
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
