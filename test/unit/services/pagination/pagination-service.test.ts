import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PagesProgress } from '../../../../src-preload/contract';
import { folderExportTargets } from '../../../../src-main/adapters/folder-export-targets';
import { MERGED_BODY_BYTES, MERGED_ITEMS_CAP, PaginationService } from '../../../../src-main/services/pagination/pagination-service';
import type { PageWalker, WalkOptions, WalkResult } from '../../../../src-main/services/pagination/page-walker';
import { tempDir } from '../../../helpers/temp-dir';

const dir = tempDir('pagination-service');
afterAll(() => dir.cleanup());

/** A walker that "fetched" `items` in `pages` pages, and records the options it was given. */
function fakeWalker(items: unknown[], pages: number, seen: WalkOptions[]): PageWalker {
  return {
    fetchAll: async (_request: unknown, options: WalkOptions): Promise<WalkResult> => {
      seen.push(options);
      return { list: { object: 'list', data: items, has_more: false, next_cursor: null }, pages, requests: pages, rateLimited: 0, duplicatesDropped: 0, stop: { reason: 'complete' } };
    },
  } as unknown as PageWalker;
}

async function walk(items: unknown[], pages: number) {
  const events: PagesProgress[] = [];
  const seen: WalkOptions[] = [];
  const service = new PaginationService({
    requests: { send: async () => { throw new Error('not used'); } },
    walker: fakeWalker(items, pages, seen),
    events: { emit: (name, payload) => name === 'pagesProgress' && events.push(payload as PagesProgress) },
    targets: folderExportTargets(join(dir.path, 'exports')),
    now: () => Date.UTC(2026, 0, 1),
  });
  const { walkId } = service.fetchAll({ keyId: 'key_1', path: '/v1/contacts', query: [] });
  while (!events.some((e) => e.state === 'done')) await new Promise((r) => setTimeout(r, 5));
  return { service, walkId, end: events.at(-1)!, seen };
}

describe('PaginationService', () => {
  it('keeps the walk to the item cap', async () => {
    const { seen } = await walk([], 0);
    expect(seen[0]!.maxItems).toBe(MERGED_ITEMS_CAP);
  });

  it('cuts the merged list shown to the byte cap and says so; Export still writes every item', async () => {
    // ~6,000 items of ~600 bytes each: well over the 2 MB shown.
    const items = Array.from({ length: 6000 }, (_, i) => ({ id: `ct_${i}`, note: 'x'.repeat(560), tags: ['a', 'b'], nested: { n: i } }));
    const { service, walkId, end } = await walk(items, 60);
    const merged = end.merged!;
    expect(Buffer.byteLength(merged.body)).toBeLessThanOrEqual(MERGED_BODY_BYTES);
    expect(merged.items).toBe(6000);
    expect(merged.shownItems).toBeLessThan(6000);
    expect(merged.shownItems).toBeGreaterThan(0);
    expect((JSON.parse(merged.body) as { data: unknown[] }).data).toHaveLength(merged.shownItems);

    const csv = await service.export({ walkId, format: 'csv' });
    const lines = readFileSync(csv.path, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,note,tags,nested');
    expect(lines).toHaveLength(6001);
    // Arrays of scalars as a;b (as the Inspector's export), nested objects as JSON text.
    expect(lines[1]).toBe(`ct_0,${'x'.repeat(560)},a;b,"{""n"":0}"`);
    const json = await service.export({ walkId, format: 'json' });
    expect(JSON.parse(readFileSync(json.path, 'utf8'))).toEqual(items);
  });

  it('a small list is shown whole', async () => {
    const { end } = await walk([{ id: 'ct_1' }, { id: 'ct_2' }], 1);
    expect(end.merged).toMatchObject({ items: 2, shownItems: 2, pages: 1, stopped: null });
  });
});
