import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonFileStore } from '../../src-main/adapters/json-file-store';
import { createUndiciTransport } from '../../src-main/adapters/undici-transport';
import type { KeyRecord, SandboxRunner, SecretStore } from '../../src-main/ports';
import { HistoryService } from '../../src-main/services/history/history-service';
import type { KeyService } from '../../src-main/services/keys/key-service';
import { budgetIdOf } from '../../src-main/services/rate-limit/budget';
import { RateLimitTracker } from '../../src-main/services/rate-limit/rate-limit-tracker';
import { RequestService } from '../../src-main/services/requests/request-service';
import { generateSnippet } from '../../src-main/services/requests/snippet-service';
import { startRecordingServer, type RecordingServer } from '../helpers/recording-server';

const SECRET = 'hl_test_engineCanaryKey00000000000000000000000';
const JSON_BODY = JSON.stringify({ data: 'x'.repeat(2000), echo: null });
let server: RecordingServer;
let dir: string;
let flaky = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'helplane-engine-'));
  server = await startRecordingServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const json = { 'Content-Type': 'application/json' };
    if (path === '/gzip') return void res.writeHead(200, { ...json, 'Content-Encoding': 'gzip' }).end(gzipSync(JSON_BODY));
    if (path === '/br') return void res.writeHead(200, { ...json, 'Content-Encoding': 'br' }).end(brotliCompressSync(JSON_BODY));
    if (path === '/deflate') return void res.writeHead(200, { ...json, 'Content-Encoding': 'deflate' }).end(deflateSync(JSON_BODY));
    if (path === '/big') return void res.writeHead(200, json).end(JSON.stringify({ big: 'y'.repeat(200_000) }));
    if (path === '/big-gzip') return void res.writeHead(200, { ...json, 'Content-Encoding': 'gzip' }).end(gzipSync(JSON.stringify({ big: 'z'.repeat(500_000) })));
    if (path === '/bad-gzip') return void res.writeHead(200, { ...json, 'Content-Encoding': 'gzip' }).end(Buffer.from('this is not gzip at all'));
    if (path === '/chunks') {
      // 40 chunks of 1,000 bytes with pauses: the body arrives in many reads.
      res.writeHead(200, json);
      let i = 0;
      const next = () => {
        if (i === 40) return void res.end();
        res.write(String(i++ % 10).repeat(1000));
        setTimeout(next, 2);
      };
      return void next();
    }
    if (path === '/trickle') {
      res.writeHead(200, json);
      res.write('{"slow":');
      const timer = setInterval(() => res.write(' '), 20);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (path === '/silent') return; // never answers: a headers timeout
    if (path === '/stall') {
      res.writeHead(200, json);
      res.write('{"partial":');
      return; // the body never ends: a body timeout
    }
    if (path === '/binary') return void res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(Buffer.from([0, 1, 2, 255, 254]));
    if (path === '/empty') return void res.writeHead(204).end();
    if (path === '/reset') {
      // Headers and part of the body, then the connection drops.
      res.writeHead(200, { ...json, 'Content-Length': '1000' });
      res.write('{"partial":');
      return void setTimeout(() => req.socket.destroy(), 20);
    }
    if (path === '/html') return void res.writeHead(502, { 'Content-Type': 'text/html' }).end('<h1>Bad gateway</h1>');
    if (path === '/echo') return void res.writeHead(200, json).end(JSON.stringify({ echoed: req.headers['x-api-key'] }));
    if (path === '/revoked') {
      return void res.writeHead(401, json).end(JSON.stringify({ error: { type: 'authentication_error', code: 'revoked_api_key', message: 'revoked' } }));
    }
    if (path === '/limited') {
      return void res
        .writeHead(429, { ...json, 'Retry-After': '7', 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0', 'X-Workspace-Id': 'ws_1' })
        .end(JSON.stringify({ error: { code: 'rate_limited' } }));
    }
    if (path === '/flaky') {
      // Drops the connection on the first try, answers on the second.
      if (flaky++ === 0) return void req.socket.destroy();
      return void res.writeHead(200, json).end('{"ok":true}');
    }
    res.writeHead(200, json).end('{"ok":true}');
  });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const record: KeyRecord = {
  id: 'k1', name: 'Test key', environment: 'custom', baseUrl: null, prefix: 'hl_test_engi', createdAt: '', lastUsedAt: null,
  status: 'active', workspaceId: null,
};

function engine(opts: { timeoutMs?: number; maxResponseBytes?: number; secret?: string | null } = {}) {
  const tracker = new RateLimitTracker(() => Date.now());
  const history = new HistoryService(createJsonFileStore(join(dir, 'history.json')));
  const keys = { find: () => ({ ...record, baseUrl: server.origin }), touch: () => undefined, noteReplyStatus: () => undefined } as unknown as KeyService;
  const secret = opts.secret === undefined ? SECRET : opts.secret;
  const secrets: SecretStore = { get: async () => secret, set: async () => undefined, delete: async () => true, accounts: async () => [] };
  const sandbox = {} as SandboxRunner;
  const undici = createUndiciTransport({ proxyMode: () => 'none' });
  const service = new RequestService({
    keys, secrets, sandbox, tracker, history,
    transport: undici,
    fileTransport: (path) => undici.toFile(path),
    saveTargets: { choose: async (_id, name) => ({ path: join(dir, name), downloadUrl: null }) },
    clock: { now: () => Date.now() },
    settings: () => ({ timeoutMs: opts.timeoutMs ?? 5000, maxResponseBytes: opts.maxResponseBytes ?? 1 << 20 }),
    sleep: async () => undefined,
  });
  return { service, tracker, history };
}

const get = (path: string) => ({ keyId: 'k1', method: 'GET' as const, path });

describe('the request engine', () => {
  it.each(['/gzip', '/br', '/deflate'])('decodes %s bodies and reports wire and decoded sizes', async (path) => {
    const view = await engine().service.send(get(path));
    expect(JSON.parse(view.body)).toEqual(JSON.parse(JSON_BODY));
    expect(view.sizeBytes).toBe(JSON_BODY.length);
    expect(view.wireBytes).toBeLessThan(view.sizeBytes);
    expect(view.ttfbMs).toBeGreaterThan(0);
    expect(view.ttfbMs).toBeLessThanOrEqual(view.durationMs);
    expect(server.seen.at(-1)?.headers['accept-encoding']).toMatch(/gzip.*br/);
  });

  it('stops at the maximum response size with a clear too-large outcome', async () => {
    const view = await engine({ maxResponseBytes: 10_000 }).service.send(get('/big'));
    expect(view.tooLarge).toBe(true);
    expect(view.sizeBytes).toBe(10_000);
    expect(view.notes?.join(' ')).toMatch(/Too large.*save it to a file/);
  });

  it('cuts a compressed body at the maximum size of its decoded bytes, and reports the wire bytes read', async () => {
    const view = await engine({ maxResponseBytes: 50_000 }).service.send(get('/big-gzip'));
    expect(view.tooLarge).toBe(true);
    expect(view.sizeBytes).toBe(50_000);
    expect(view.body).toBe(`{"big":"${'z'.repeat(50_000 - 8)}`);
    expect(view.wireBytes).toBeGreaterThan(0);
    expect(view.wireBytes).toBeLessThan(50_000);
  });

  it('assembles a body that arrives in many pieces, byte for byte', async () => {
    const view = await engine().service.send(get('/chunks'));
    expect(view.status).toBe(200);
    expect(view.body).toBe(Array.from({ length: 40 }, (_, i) => String(i % 10).repeat(1000)).join(''));
    expect(view.sizeBytes).toBe(40_000);
    expect(view.wireBytes).toBe(40_000);
  });

  it('answers HEAD and 204 with an empty body, and a dropped connection mid-body with words', async () => {
    const head = await engine().service.send({ ...get('/big'), method: 'HEAD' });
    expect(head).toMatchObject({ status: 200, body: '', sizeBytes: 0, bodyKind: 'empty' });
    expect(head.headers.find((h) => h.name === 'content-type')?.value).toBe('application/json');
    const empty = await engine().service.send({ ...get('/empty'), method: 'DELETE' });
    expect(empty).toMatchObject({ status: 204, body: '', bodyKind: 'empty' });
    await expect(engine().service.send({ ...get('/reset'), method: 'POST', body: '{}' })).rejects.toMatchObject({ code: 'network_error', message: expect.stringMatching(/failed/) });
  });

  it('says so when a compressed body cannot be decoded', async () => {
    await expect(engine().service.send(get('/bad-gzip'))).rejects.toMatchObject({ code: 'network_error', message: expect.stringMatching(/compressed body that could not be decoded/) });
  });

  it('cancels a request while its body is still arriving', async () => {
    const { service } = engine();
    const sending = service.send({ ...get('/trickle'), requestId: 'mid-body' });
    await new Promise((r) => setTimeout(r, 100));
    expect(service.cancel('mid-body')).toBe(true);
    await expect(sending).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('saves a too-large GET body whole to a file, decoded, and refuses to re-run a POST', async () => {
    const { service } = engine({ maxResponseBytes: 10_000 });
    const saved = await service.saveBody(get('/big'));
    expect(saved.status).toBe(200);
    expect(saved.bytes).toBe(JSON.stringify({ big: 'y'.repeat(200_000) }).length);
    expect(JSON.parse(readFileSync(saved.path, 'utf8'))).toHaveProperty('big');
    const gz = await service.saveBody(get('/gzip'));
    expect(readFileSync(gz.path, 'utf8')).toBe(JSON_BODY);
    await expect(service.saveBody({ ...get('/big'), method: 'POST' })).rejects.toThrow(/Only GET/);
  });

  it('times out waiting for headers, and waiting for the body, with words', async () => {
    await expect(engine({ timeoutMs: 300 }).service.send({ ...get('/silent'), method: 'POST' })).rejects.toThrow(/sent no response headers within/);
    await expect(engine({ timeoutMs: 300 }).service.send({ ...get('/stall'), method: 'POST' })).rejects.toThrow(/stopped sending the body/);
  });

  it('cancels a request by its id', async () => {
    const { service } = engine({ timeoutMs: 5000 });
    const pending = service.send({ ...get('/silent'), requestId: 'req-1' });
    await new Promise((r) => setTimeout(r, 100));
    expect(service.cancel('req-1')).toBe(true);
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    expect(service.cancel('req-1')).toBe(false);
  });

  it('explains binary, non-JSON and API error bodies', async () => {
    const { service } = engine();
    const bin = await service.send(get('/binary'));
    expect(bin.bodyKind).toBe('binary');
    expect(bin.body).toBe('');
    expect(bin.notes?.join(' ')).toMatch(/binary/);
    const html = await service.send(get('/html'));
    expect(html.bodyKind).toBe('text');
    expect(html.notes?.join(' ')).toMatch(/not JSON/);
    const revoked = await service.send(get('/revoked'));
    expect(revoked.notes?.join(' ')).toMatch(/was revoked.*Create a new key/);
  });

  it('never hands the secret back, even when the server echoes it', async () => {
    const view = await engine().service.send(get('/echo'));
    expect(JSON.stringify(view)).not.toContain(SECRET);
  });

  it('retries a network error for an idempotent request only', async () => {
    flaky = 0;
    const view = await engine().service.send(get('/flaky'));
    expect(view.status).toBe(200);
    flaky = 0;
    await expect(engine().service.send({ ...get('/flaky'), method: 'POST', body: '{}' })).rejects.toMatchObject({ code: 'network_error' });
    flaky = 0;
    const withKey = await engine().service.send({ ...get('/flaky'), method: 'POST', body: '{}', headers: [{ name: 'Idempotency-Key', value: 'abc' }] });
    expect(withKey.status).toBe(200);
  });

  it('checks a request in order, and counts a failed send in its server\'s budget unless the request itself was refused', async () => {
    const missing = engine({ secret: null });
    await expect(missing.service.send({ ...get('/limited'), body: '{}' })).rejects.toMatchObject({ code: 'request_rejected' });
    expect(missing.tracker.list()).toEqual([]);
    await expect(missing.service.send({ ...get('/limited'), headers: [{ name: 'X-API-Key', value: 'x' }], body: '{}' })).rejects.toMatchObject({ code: 'request_rejected', message: expect.stringMatching(/X-API-Key/) });
    await expect(missing.service.send(get('/limited'))).rejects.toMatchObject({ code: 'secret_missing' });
    expect(missing.tracker.list()).toMatchObject([{ budgetId: budgetIdOf(server.origin, null, 'k1'), keyIds: ['k1'], recent: [{ count: 1 }] }]);
  });

  it('tracks 429s per workspace and warns before a send over budget', async () => {
    const { service, tracker } = engine();
    await service.send(get('/limited'));
    const state = tracker.list()[0]!;
    expect(state.budgetId).toBe(budgetIdOf(server.origin, 'ws_1', 'k1'));
    expect(state.count429).toBe(1);
    expect(state.recent).toEqual([{ at: expect.any(Number), count: 1 }]);
    expect(tracker.warning('k1')).toMatch(/would likely get 429/);
  });

  it('keeps history without the key, with key name and prefix and a rate-limit snapshot', async () => {
    const { service, history } = engine();
    await service.send({ ...get('/limited'), headers: [{ name: 'X-Note', value: SECRET }] });
    const entry = history.list()[0]!;
    expect(entry).toMatchObject({ method: 'GET', path: '/limited', status: 429, keyName: 'Test key', keyPrefix: 'hl_test_engi' });
    expect(entry.rateLimit?.retryAfterSeconds).toBe(7);
    const file = readFileSync(join(dir, 'history.json'), 'utf8');
    expect(file).not.toContain(SECRET);
    expect(history.list('limited').length).toBeGreaterThan(0);
    expect(history.list('nothing-like-this')).toEqual([]);
    history.clear();
    expect(history.list()).toEqual([]);
  });
});

describe('copy as code', () => {
  const request = { keyId: 'k1', method: 'POST' as const, path: '/v1/contacts', body: `{"name":"Ada","note":"${SECRET}"}`, headers: [{ name: 'Idempotency-Key', value: 'k-1' }] };
  it.each([
    ['curl', '"X-API-Key: $HELPLANE_API_KEY"'],
    // The browser one has no environment: a constant the user pastes the key into.
    ['javascript-fetch', "const HELPLANE_API_KEY = 'paste-your-api-key-here';"],
    ['node', 'process.env.HELPLANE_API_KEY'],
    ['python-requests', 'os.environ["HELPLANE_API_KEY"]'],
    ['go', 'os.Getenv("HELPLANE_API_KEY")'],
  ] as const)('%s reads the key from the environment (or a placeholder) and never contains the secret', (language, reference) => {
    const code = generateSnippet('http://127.0.0.1:4010', request, language, SECRET);
    expect(code).toContain(reference);
    expect(code).not.toContain(SECRET);
    expect(code).toContain('/v1/contacts');
    expect(code).toContain('Idempotency-Key');
  });
});
