import { chmodSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeCollectionFiles } from '../../../src-main/adapters/node-collection-files';
import { CollectionService } from '../../../src-main/services/collections/collection-service';
import { tempDirPerTest } from '../../helpers/temp-dir-per-test';

const newDir = tempDirPerTest('collection-files');
const files = createNodeCollectionFiles();

describe('node collection files', () => {
  it('keeps a file’s permissions across a save, and writes new files readable (0644), leaving no partial file', async () => {
    const root = newDir();
    writeFileSync(join(root, 'a.request.yaml'), 'old\n');
    chmodSync(join(root, 'a.request.yaml'), 0o640);
    await files.write(root, 'a.request.yaml', 'new\n');
    await files.write(root, 'sub/b.request.yaml', 'b\n');
    expect(statSync(join(root, 'a.request.yaml')).mode & 0o777).toBe(0o640);
    expect(statSync(join(root, 'sub/b.request.yaml')).mode & 0o777).toBe(0o644);
    expect(readdirSync(root).filter((n) => n.includes('partial'))).toEqual([]);
    expect(await files.read(root, 'a.request.yaml')).toBe('new\n');
  });

  it('refuses paths outside the root, lists no hidden or symlinked entries, and never replaces on rename', async () => {
    const root = newDir();
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, '.git', 'x.request.yaml'), 'x');
    writeFileSync(join(root, 'a.request.yaml'), 'a');
    writeFileSync(join(root, 'b.request.yaml'), 'b');
    symlinkSync('/etc', join(root, 'etc-link'));
    expect((await files.list(root)).map((e) => e.path).sort()).toEqual(['a.request.yaml', 'b.request.yaml']);
    await expect(files.read(root, '../outside.request.yaml')).rejects.toMatchObject({ code: 'EACCES' });
    await expect(files.write(root, '../../x', 'x')).rejects.toMatchObject({ code: 'EACCES' });
    await expect(files.rename(root, 'a.request.yaml', 'b.request.yaml')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await files.read(root, 'b.request.yaml')).toBe('b');
  });

  it('does not read a huge file; the collection lists it as too large and opens the rest', async () => {
    const root = newDir();
    writeFileSync(join(root, 'huge.request.yaml'), 'x'.repeat(5 * 1024 * 1024));
    writeFileSync(join(root, 'ok.request.yaml'), 'name: Ok\nmethod: GET\npath: /v1/x\n');
    const service = new CollectionService({ files, secrets: async () => [] });
    try {
      const opened = await service.open(root);
      expect(opened).toMatchObject({ ok: true, value: { problems: [{ code: 'too_large', file: 'huge.request.yaml' }] } });
      expect(service.readRequest('ok.request.yaml').ok).toBe(true);
    } finally {
      await service.close();
    }
  });
});
