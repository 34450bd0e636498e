import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FOREIGN_WRITE_CHECK_MS, ReadCache } from '../../../src-main/sandbox-server/db/read-cache';
import { tempDir } from '../../helpers/temp-dir';

function setup() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1)');
  let now = 0;
  const cache = new ReadCache(db, 512, () => now);
  let computed = 0;
  const read = () =>
    cache.get('v', () => {
      computed++;
      return (db.prepare('SELECT v FROM t').get() as { v: number }).v;
    });
  return { db, cache, read, computed: () => computed, advance: (ms: number) => (now += ms) };
}

describe('ReadCache', () => {
  it('serves repeated reads from memory until invalidated', () => {
    const { db, cache, read, computed } = setup();
    expect([read(), read()]).toEqual([1, 1]);
    expect(computed()).toBe(1);
    db.exec('UPDATE t SET v = 2');
    cache.invalidate();
    expect(read()).toBe(2);
  });

  it('never keeps a value read inside a transaction (it could be rolled back)', () => {
    const { db, read } = setup();
    try {
      db.transaction(() => {
        db.exec('UPDATE t SET v = 99');
        expect(read()).toBe(99);
        throw new Error('rollback');
      })();
    } catch {
      // rolled back
    }
    expect(read()).toBe(1);
  });

  it('notices another connection\u2019s commit within the check interval', () => {
    const dir = tempDir('read-cache');
    try {
      const file = join(dir.path, 'db.sqlite');
      const mine = new Database(file);
      mine.exec('CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1)');
      const other = new Database(file);
      let now = 0;
      const cache = new ReadCache(mine, 512, () => now);
      const read = () => cache.get('v', () => (mine.prepare('SELECT v FROM t').get() as { v: number }).v);
      expect(read()).toBe(1);
      other.exec('UPDATE t SET v = 2');
      now += FOREIGN_WRITE_CHECK_MS - 1;
      expect(read()).toBe(1); // within the documented window
      now += 1;
      expect(read()).toBe(2);
      other.close();
      mine.close();
    } finally {
      dir.cleanup();
    }
  });
});
