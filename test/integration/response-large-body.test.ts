import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfMetadataStore } from '../../src-main/adapters/conf-metadata-store';
import { createCore, type Core } from '../../src-main/core/create-core';
import { nodeHostAdapters } from '../../src-main/adapters/node-host';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../src-preload/contract';
import { tempDir } from '../helpers/temp-dir';
import { memorySecretStore, stoppedSandbox } from '../helpers/fakes';
import { assertOk, typedClient, type CallArg, type Reply } from '../helpers/typed-client';

const SECRET = 'loopback-secret-0042';
const dir = tempDir('response-large');
const items = Array.from({ length: 20_000 }, (_, i) => ({ id: i, name: `Row ${i}`, echo: i === 19_999 ? SECRET : 'x' }));
const body = JSON.stringify({ items, marker: 'tail' });
let server: Server;
let core: Core;
let keyId: string;
const replies: string[] = [];

function call<C extends InvokeChannel>(channel: C, ...arg: CallArg<C>): Promise<Reply<C>> {
  return typedClient(core.router, { onReply: (r) => replies.push(JSON.stringify(r)) }).call(channel, ...arg);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(req.url?.includes('limit=1') ? '{"data":[]}' : body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const memory = memorySecretStore();
  const noSandbox = stoppedSandbox('not used');
  core = await createCore({
    host: 'web',
    dataDir: join(dir.path, 'data'),
    ...nodeHostAdapters(join(dir.path, 'data')),
    events: { emit: () => undefined },
    isTrustedSender: (s) => s.origin === 'app://helplane',
    metadata: createConfMetadataStore(join(dir.path, 'data')),
    secrets: memory,
    sandbox: noSandbox,
    demoKey: false,
  } as Parameters<typeof createCore>[0]);
  const added = await call(INVOKE_CHANNELS.keysAdd, { name: 'Loopback', environment: 'custom', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, secret: SECRET });
  if (!added.ok) throw new Error(added.error.message);
  keyId = added.value.id;
});

afterAll(async () => {
  await core.dispose();
  await new Promise<void>((r) => server.close(() => r()));
  dir.cleanup();
});

describe('a large body stays in main', () => {
  let responseId: string;
  let lineCount: number;
  const lines = JSON.stringify({ items, marker: 'tail' }, null, 2).split('\n');

  it('replies with sizes and the first lines, not the body', async () => {
    const r = await call(INVOKE_CHANNELS.requestSend, { keyId, method: 'GET', path: '/v1/conversations' });
    expect(r.ok).toBe(true);
    assertOk(r);
    expect(r.value.body).toBe('');
    expect(r.value.sizeBytes).toBe(Buffer.byteLength(body));
    ({ responseId, lineCount } = r.value.large!);
    expect(r.value.large!.json).toBe(true);
    expect(lineCount).toBe(lines.length);
    expect(r.value.large!.firstLines).toEqual(lines.slice(0, 200));
    expect(replies.at(-1)!.length).toBeLessThan(20_000);
  });

  it('slices any range of lines, with the secret the server echoed redacted', async () => {
    const r = await call(INVOKE_CHANNELS.responseSlice, { responseId, fromLine: lineCount - 10, count: 50 });
    assertOk(r);
    expect(r.value.lines).toHaveLength(10);
    expect(r.value.lines.at(-1)).toBe('}');
    expect(r.value.lines.join('\n')).toContain('"echo": "[redacted]"');
    expect(replies.join('')).not.toContain(SECRET);
  });

  it('searches in main and names the line of each match', async () => {
    const r = await call(INVOKE_CHANNELS.responseSearch, { responseId, query: 'row 1999' });
    assertOk(r);
    expect(r.value.total).toBe(11);
    for (const line of r.value.lines) expect(lines[line]).toMatch(/Row 1999/);
    const secret = await call(INVOKE_CHANNELS.responseSearch, { responseId, query: SECRET });
    assertOk(secret);
    expect(secret.value.total).toBe(0);
  });

  it('expands tree nodes a page at a time', async () => {
    const root = await call(INVOKE_CHANNELS.responseTree, { responseId, line: 0 });
    assertOk(root);
    expect(root.value.nodes.map((n: { text: string }) => n.text)).toEqual(['  "items": [', '  "marker": "tail"']);
    const page = await call(INVOKE_CHANNELS.responseTree, { responseId, line: root.value.nodes[0]!.line, offset: 19_999, limit: 5 });
    assertOk(page);
    expect(page.value).toMatchObject({ total: 20_000, offset: 19_999 });
    expect(page.value.nodes).toHaveLength(1);
    expect(page.value.nodes[0]!.childCount).toBe(3);
  });

  it('saves the kept body to a file, streamed from main, secret redacted', async () => {
    const r = await call(INVOKE_CHANNELS.responseSave, { responseId });
    expect(r).toMatchObject({ ok: true, value: { status: 200, fileName: expect.stringMatching(/^response-.*\.json$/) } });
    assertOk(r);
    const written = readFileSync(r.value.path, 'utf8');
    expect(written).toBe(body.replace(SECRET, '[redacted]'));
    expect(r.value.bytes).toBe(Buffer.byteLength(written));
  });

  it('refuses bad input with a code and a sentence', async () => {
    expect(await call(INVOKE_CHANNELS.responseSlice, { responseId: 'nope', fromLine: 0, count: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(await call(INVOKE_CHANNELS.responseSlice, { responseId, fromLine: -1, count: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(await call(INVOKE_CHANNELS.responseSearch, { responseId, query: '' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(await call(INVOKE_CHANNELS.responseSlice, { responseId: 'resp_0000000000000000', fromLine: 0, count: 1 })).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/no longer kept/) } });
    expect(await call(INVOKE_CHANNELS.responseTree, { responseId, line: 3 })).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringMatching(/does not open/) } });
  });
});
