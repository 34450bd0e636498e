import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createNodeCollectionFiles } from '../../src-main/adapters/node-collection-files';
import { writeRequest } from '../../src-main/helplane/collection/request-file';
import { CollectionService } from '../../src-main/services/collections/collection-service';
import type { Bench } from './bench';

/** Opening a collection of 2,000 request files in nested folders, against reading and parsing the same files in plain Node (issue 16: ≤ 3×). */
const FILES = 2000;
const GOAL = 3;

function makeCollection(): string {
  const root = mkdtempSync(join(tmpdir(), 'helplane-bench-collection-'));
  writeFileSync(join(root, 'collection.yaml'), 'name: Bench\nvariables:\n  email: ada@example.com\n');
  for (let i = 0; i < FILES; i++) {
    const folder = join(root, `area-${i % 10}`, `group-${i % 7}`);
    mkdirSync(folder, { recursive: true });
    const text = writeRequest({
      name: `Request ${i}`,
      order: i,
      method: i % 2 ? 'POST' : 'GET',
      path: `/v1/contacts/{{contact_id}}/items/${i}`,
      params: [],
      query: [{ name: 'limit', value: '20' }],
      headers: [{ name: 'X-Trace', value: `bench-${i}` }],
      body: `{\n  "email": "{{email}}",\n  "index": ${i}\n}\n`,
      captures: [{ variable: 'contact_id', path: '$.id' }],
      tests: [{ status: 200 }, { jsonpath: '$.id', matches: '^ct_' }],
    });
    writeFileSync(join(folder, `request-${i}.request.yaml`), text);
  }
  return root;
}

async function plainNode(root: string): Promise<number> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.request.yaml')).map((e) => join(e.parentPath, e.name));
  const parsed = await Promise.all(files.map(async (f) => parse(await readFile(f, 'utf8')) as unknown));
  return parsed.length;
}

async function consoleOpen(root: string): Promise<number> {
  const service = new CollectionService({ files: createNodeCollectionFiles(), secrets: async () => [] });
  const opened = await service.open(root);
  await service.close();
  if (!opened.ok) throw new Error(opened.problem.message);
  return opened.value.problems.length;
}

async function best(run: () => Promise<unknown>, times: number): Promise<number> {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    min = Math.min(min, performance.now() - start);
  }
  return min;
}

export const collectionOpen: Bench = {
  name: 'collection-open',
  async run({ log }) {
    const root = makeCollection();
    try {
      await plainNode(root); // warm the file cache for both
      const plain = await best(() => plainNode(root), 3);
      const opened = await best(() => consoleOpen(root), 3);
      log(`plain ${plain.toFixed(0)} ms, console ${opened.toFixed(0)} ms`);
      const ratio = Math.round((opened / plain) * 100) / 100;
      return [{ name: `open ${FILES} request files / plain Node read+parse`, value: ratio, unit: '×', goal: `<= ${GOAL}`, met: ratio <= GOAL }];
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
