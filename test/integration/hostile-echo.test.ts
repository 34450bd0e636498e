import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonFileStore } from '../../src-main/adapters/json-file-store';
import { createUndiciTransport } from '../../src-main/adapters/undici-transport';
import type { KeyRecord, SandboxRunner, SecretStore } from '../../src-main/ports';
import { HistoryService } from '../../src-main/services/history/history-service';
import type { KeyService } from '../../src-main/services/keys/key-service';
import { RequestService } from '../../src-main/services/requests/request-service';
import { engineGateway } from '../../src-main/services/inspector/engine-gateway';
import { ExportService } from '../../src-main/services/inspector/export-service';
import { BudgetPacer, systemPacerClock } from '../../src-main/services/rate-limit/budget-pacer';
import { RateLimitTracker } from '../../src-main/services/rate-limit/rate-limit-tracker';
import type { ExportProgress } from '../../src-preload/contract';
import { startRecordingServer, type RecordingServer } from '../helpers/recording-server';

// A custom key with characters that JSON and URLs escape, and a reason phrase, a Location and bodies that echo it.
const SECRET = 'hostile"key/with+chars=0123456789';
const escapedAll = [...SECRET].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
let server: RecordingServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'helplane-hostile-'));
  server = await startRecordingServer((req, res) => {
    const key = String(req.headers['x-api-key'] ?? '');
    const json = { 'Content-Type': 'application/json' };
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/reason') {
      res.statusMessage = `Echo ${key}`;
      return void res.writeHead(200, json).end('{}');
    }
    if (path === '/json-escaped') return void res.writeHead(200, json).end(JSON.stringify({ echoed: key }));
    if (path === '/url-encoded') return void res.writeHead(200, json).end(JSON.stringify({ next: `/v1/x?key=${encodeURIComponent(key)}` }));
    if (path === '/unicode-escaped') return void res.writeHead(200, json).end(`{"echoed":"${escapedAll}"}`);
    if (path === '/redirect') return void res.writeHead(302, { Location: `http://127.0.0.2:1/${encodeURIComponent(key)}` }).end();
    if (path === '/v1/contacts') {
      // A contact whose fields echo the key: escaped for JSON, spelled in \u escapes, URL-encoded.
      const contact = `{"id":"ct_1","object":"contact","name":${JSON.stringify(key)},"email":"${escapedAll}","phone":null,"company":"${encodeURIComponent(key)}","conversation_count":0,"created_at":"x","updated_at":"x"}`;
      return void res.writeHead(200, json).end(`{"object":"list","data":[${contact}],"has_more":false,"next_cursor":null}`);
    }
    if (path === '/clean') return void res.writeHead(200, json).end('{"ok":true}');
    // The key straddles the 1 MiB chunks a file is read in.
    if (path === '/straddle') return void res.writeHead(200, json).end(`{"pad":"${'p'.repeat(1024 * 1024 - 30)}","echoed":"${key}"}`);
    if (path === '/cut') return void res.writeHead(200, json).end(`{"pad":"${'p'.repeat(1000)}","echoed":"${key}"}`);
    res.writeHead(404).end();
  });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function engine(maxResponseBytes = 1 << 20) {
  const record: KeyRecord = {
    id: 'k1', name: 'Hostile', environment: 'custom', baseUrl: server.origin, prefix: 'host', createdAt: '', lastUsedAt: null, status: 'active', workspaceId: null,
  };
  const history = new HistoryService(createJsonFileStore(join(dir, 'history.json')));
  const keys = { find: () => record, touch: () => undefined, noteReplyStatus: () => undefined } as unknown as KeyService;
  const secrets: SecretStore = { get: async () => SECRET, set: async () => undefined, delete: async () => true, accounts: async () => [] };
  const transport = createUndiciTransport({ proxyMode: () => 'none' });
  const service = new RequestService({
    keys, secrets, history, sandbox: {} as SandboxRunner,
    transport,
    fileTransport: (path) => transport.toFile(path),
    saveTargets: { choose: async (_id, name) => ({ path: join(dir, name), downloadUrl: null }) },
    clock: { now: () => Date.now() },
    settings: () => ({ timeoutMs: 5000, maxResponseBytes, redirectPolicy: 'refuse' }),
  });
  return { service, history };
}

/** Every string in a value (a reply, History entries), so each is searched as it is, not JSON-escaped again. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** No form of the key, nor a piece of it longer than a prefix may show, in any string of `value`. */
function expectNoKey(value: unknown) {
  const forms = [SECRET, JSON.stringify(SECRET).slice(1, -1), encodeURIComponent(SECRET), encodeURIComponent(SECRET).toLowerCase(), escapedAll, SECRET.slice(0, 12)];
  for (const text of strings(value)) for (const form of forms) expect(text).not.toContain(form);
}

describe('a server that echoes the key back', () => {
  it.each(['/reason', '/json-escaped', '/url-encoded', '/unicode-escaped', '/redirect'])('%s: the reply and History hold no form of it', async (path) => {
    const { service, history } = engine();
    const view = await service.send({ keyId: 'k1', method: 'GET', path });
    expectNoKey(view);
    expectNoKey(history.list());
  });

  it('a body cut at the size limit in the middle of the key keeps no piece of it past a prefix', async () => {
    // 1,020 characters come before the key: the limit cuts it after 20 of its 33.
    const { service } = engine(1020 + 20);
    const view = await service.send({ keyId: 'k1', method: 'GET', path: '/cut' });
    expect(view.bodyTruncated).toBe(true);
    expect(view.body).toContain('[redacted]');
    expectNoKey(view.body);
  });

  it.each(['/json-escaped', '/unicode-escaped', '/straddle'])('%s: Save to file refuses to write it to disk, and leaves no file', async (path) => {
    const { service } = engine();
    await expect(service.saveBody({ keyId: 'k1', method: 'GET', path })).rejects.toMatchObject({ code: 'key_in_response', message: expect.stringMatching(/not saved/) });
    expect(readdirSync(dir).filter((f) => !f.startsWith('history'))).toEqual([]);
  });

  it('Save to file writes a body that holds no key', async () => {
    const { service } = engine();
    const saved = await service.saveBody({ keyId: 'k1', method: 'GET', path: '/clean' });
    expect(readFileSync(saved.path, 'utf8')).toBe('{"ok":true}');
    rmSync(saved.path);
  });

  it.each(['csv', 'json'] as const)('an export (%s) of rows that echo it writes none of it', async (format) => {
    const { service } = engine();
    const progress: ExportProgress[] = [];
    const keys = { find: () => ({ name: 'Hostile' }) } as unknown as KeyService;
    const tracker = new RateLimitTracker(() => Date.now());
    const exports = new ExportService({
      api: engineGateway(service, keys, tracker, () => Date.now()),
      targets: { choose: async (_id, name) => ({ path: join(dir, `export-${name}`), downloadUrl: null }) },
      events: { emit: (event, payload) => event === 'exportProgress' && progress.push(payload as ExportProgress) },
      pacer: new BudgetPacer(systemPacerClock),
      now: () => Date.now(),
    });
    await exports.start({ keyId: 'k1', kind: 'contacts', format, filter: {} });
    await expect.poll(() => progress.at(-1)?.state).toBe('done');
    const written = readFileSync(progress.at(-1)!.path!, 'latin1');
    rmSync(progress.at(-1)!.path!);
    expect(written).toContain('ct_1');
    expectNoKey(written);
  });

  it('the History file on disk holds none of it either', async () => {
    const { service, history } = engine();
    for (const path of ['/reason', '/json-escaped', '/url-encoded', '/unicode-escaped']) await service.send({ keyId: 'k1', method: 'GET', path });
    history.list();
    expectNoKey(JSON.parse(readFileSync(join(dir, 'history.json'), 'utf8')));
  });
});
