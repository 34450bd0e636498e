import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AtomicFile } from '../../../src-main/lib/atomic-file';
import { tempDir } from '../../helpers/temp-dir';

const dir = tempDir('atomic');
afterAll(() => dir.cleanup());

describe('AtomicFile', () => {
  it('shows nothing under the final name until commit', async () => {
    const target = join(dir.path, 'out.csv');
    const file = await AtomicFile.create(target);
    await file.write('a,b\r\n');
    expect(existsSync(target)).toBe(false);
    await file.commit();
    expect(readFileSync(target, 'utf8')).toBe('a,b\r\n');
    expect(readdirSync(dir.path).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('leaves neither the file nor its temp after discard', async () => {
    const target = join(dir.path, 'cancelled.csv');
    const file = await AtomicFile.create(target);
    await file.write('half');
    await file.discard();
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir.path).some((f) => f.includes('cancelled'))).toBe(false);
  });

  it('replaces an older file of the same name only on commit', async () => {
    const target = join(dir.path, 'again.csv');
    const first = await AtomicFile.create(target);
    await first.write('old');
    await first.commit();
    const second = await AtomicFile.create(target);
    await second.write('new but cancelled');
    await second.discard();
    expect(readFileSync(target, 'utf8')).toBe('old');
  });
});
