import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfMetadataStore } from '../../../src-main/adapters/conf-metadata-store';
import { nodeHostAdapters } from '../../../src-main/adapters/node-host';
import { createCore } from '../../../src-main/core/create-core';
import type { RunReport } from '../../../src-main/cli/run-report';
import { startSandbox } from '../../../src-main/sandbox-server/server';
import { echoForms, hostileHandler, keyPieces } from '../../helpers/hostile-server';
import { startRecordingServer, type RecordingServer } from '../../helpers/recording-server';
import { createSandboxKey } from '../../helpers/sandbox-admin';
import { stoppedSandbox } from '../../helpers/fakes';
import { tempDir } from '../../helpers/temp-dir';
import { childEnv, getRequest, runCli, writeCollection } from './cli-helpers';

/**
 * The runner as a child process against servers of the test's own: one that answers 429 with
 * Retry-After, the hostile server that echoes the key everywhere (nothing the runner prints or
 * writes may hold it), and a sandbox with a small token bucket (500 requests, not one 429).
 */
const dir = tempDir('cli-server');
const folder = (name: string) => join(dir.path, name);
afterAll(() => dir.cleanup());

describe('a 429 with Retry-After', () => {
  let server: RecordingServer;
  const times: number[] = [];
  beforeAll(async () => {
    server = await startRecordingServer((_req, res) => {
      times.push(Date.now());
      if (times.length === 1) return void res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '1' }).end('{"error":{"type":"rate_limited","code":"rate_limited","message":"slow down"}}');
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"object":"list","data":[],"has_more":false,"next_cursor":null}');
    });
  });
  afterAll(() => server.close());

  it('is waited out as it says, then sent again and passes (HELPLANE_API_KEY + HELPLANE_BASE_URL)', async () => {
    writeCollection(folder('retry'), { 'a.request.yaml': getRequest('Contacts', '/v1/contacts', 1) });
    const r = await runCli(['run', folder('retry'), '--reporter', 'json'], childEnv({ HELPLANE_API_KEY: 'custom-key-0123456789abcdef', HELPLANE_BASE_URL: server.origin }));
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as RunReport;
    expect(report.environment).toBe(`custom:${server.origin}`);
    expect(report.requests[0]).toMatchObject({ key: 'From environment', outcome: 'passed', status: 200, attempts: 2, rateLimited: 1 });
    expect(report.summary.rateLimited).toBe(1);
    expect(times).toHaveLength(2);
    // It waited the second Retry-After asked for before sending again.
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(990);
  }, 60_000);
});

describe('against a small token bucket', () => {
  it('500 requests finish with zero 429', async () => {
    const sandbox = await startSandbox({ dataDir: join(dir.path, 'bucket-sandbox'), rateLimit: { capacity: 10, refillPerWindow: 100, windowMs: 1000 } });
    try {
      const { secret } = await createSandboxKey(sandbox.baseUrl, sandbox.adminToken, 'ws_acme', 'pacing');
      const files: Record<string, string> = { 'collection.yaml': 'name: Paced\n' };
      for (let i = 0; i < 500; i++) files[`r${String(i).padStart(3, '0')}.request.yaml`] = getRequest(`Request ${String(i).padStart(3, '0')}`, '/v1/contacts', i, '  - status: 200\n', 'query:\n  limit: "1"\n');
      writeCollection(folder('paced'), files);
      const r = await runCli(['run', folder('paced'), '--reporter', 'json'], childEnv({ HELPLANE_API_KEY: secret, HELPLANE_BASE_URL: sandbox.baseUrl }));
      expect(r.code, r.stderr.slice(0, 2000)).toBe(0);
      const report = JSON.parse(r.stdout) as RunReport;
      expect(report.summary).toMatchObject({ requests: 500, passed: 500, rateLimited: 0 });
      expect(report.requests.every((q) => q.attempts === 1)).toBe(true);
    } finally {
      await sandbox.close();
    }
  }, 120_000);
});

describe('the hostile server', () => {
  const SECRET = 'hostile"key/with+chars=0123456789';
  const dataDir = join(dir.path, 'echo-data');
  let server: RecordingServer;
  beforeAll(async () => {
    server = await startRecordingServer(hostileHandler);
    // The key as the window adds it: in this data folder's keychain, a custom server's.
    const core = await createCore({
      host: 'web',
      dataDir,
      ...nodeHostAdapters(dataDir),
      sandbox: stoppedSandbox('not used'),
      metadata: createConfMetadataStore(dataDir),
      events: { emit: () => undefined },
      isTrustedSender: () => true,
      env: {},
      demoKey: false,
    });
    try {
      await core.keys.add({ name: 'Echo key', environment: 'custom', baseUrl: server.origin, secret: SECRET });
    } finally {
      await core.dispose();
    }
    const probe = (path: string, i: number, more = '') =>
      getRequest(`Echo ${i}`, path, i, `  - status: 201\n  - header: x-echo\n    equals: nope\n  - header: x-echo-piece\n    exists: false\n  - jsonpath: $.echoed\n    equals: nope\n  - jsonpath: $.a\n    equals: nope\n  - jsonpath: $.next\n    matches: ^nope$\n  - jsonpath: $.blobs\n    equals: nope\n  - jsonpath: $.data\n    equals: nope\n  - jsonpath: $.rows[0]\n    equals: nope\n  - jsonpath: $.error.message\n    equals: nope\n${more}`);
    const paths = ['/reason', '/headers', '/json-escaped', '/url-encoded', '/unicode-escaped', '/redirect', '/base64', '/pieces', '/not-json', '/large', '/cut-large', '/v1/contacts', '/v1/conversations', '/nothing-here'];
    const files: Record<string, string> = { 'collection.yaml': 'name: Echoes\n' };
    paths.forEach((p, i) => (files[`p${String(i).padStart(2, '0')}.request.yaml`] = probe(p, i, '')));
    // A capture of an echoed value, fed into a later request's path.
    files['z1.request.yaml'] = `name: Capture\norder: 100\nmethod: GET\npath: /json-escaped\ncaptures:\n  - variable: echoed\n    path: $.echoed\ntests:\n  - status: 201\n`;
    files['z2.request.yaml'] = `name: Use capture\norder: 101\nmethod: GET\npath: /v1/{{echoed}}\ntests:\n  - status: 201\n`;
    writeCollection(folder('echo-collection'), files);
  }, 60_000);
  afterAll(() => server.close());

  const forbidden = () => [...echoForms(SECRET), ...keyPieces(SECRET)];
  const filesUnder = (path: string): string[] =>
    readdirSync(path).flatMap((name) => {
      const full = join(path, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [readFileSync(full, 'utf8')];
    });

  it('nothing printed or written by any reporter holds the key (keychain key, then HELPLANE_API_KEY)', async () => {
    const texts: string[] = [];
    const runs: Array<[string[], NodeJS.ProcessEnv]> = [
      [['--reporter', 'text'], childEnv()],
      [['--reporter', 'json'], childEnv()],
      [['--reporter', 'junit'], childEnv()],
      [['--reporter', 'json', '--out', join(dir.path, 'echo-out', 'report.json')], childEnv()],
      [['--reporter', 'junit', '--out', join(dir.path, 'echo-out', 'report.xml')], childEnv()],
      [['--reporter', 'json'], childEnv({ HELPLANE_API_KEY: SECRET, HELPLANE_BASE_URL: server.origin })],
    ];
    for (const [args, env] of runs) {
      const r = await runCli(['run', folder('echo-collection'), '--env', `custom:${server.origin}`, '--data-dir', dataDir, ...args], env);
      expect(r.code, r.stderr).toBe(1);
      texts.push(r.stdout, r.stderr);
    }
    // The runs did reach the server with the key, and report what came back.
    expect(server.seen.length).toBeGreaterThanOrEqual(16 * runs.length);
    expect(server.seen.every((s) => s.headers['x-api-key'] === SECRET)).toBe(true);
    const json = JSON.parse(texts[2]!) as RunReport;
    expect(json.requests).toHaveLength(16);
    expect(json.requests.find((q) => q.name === 'Use capture')!.url).toMatch(/\/v1\//);
    texts.push(...filesUnder(join(dir.path, 'echo-out')), ...filesUnder(dataDir));
    const around = (text: string, form: string) => text.slice(Math.max(0, text.indexOf(form) - 150), text.indexOf(form) + 150);
    for (const text of texts) for (const form of forbidden()) expect(text.includes(form), `found ${JSON.stringify(form)} in …${around(text, form)}…`).toBe(false);
  }, 120_000);
});

describe('usage errors (exit 2) and --help (exit 0), before anything starts', () => {
  it('says what is wrong on stderr, prints nothing on stdout', async () => {
    writeCollection(folder('usage'), { 'a.request.yaml': getRequest('A', '/v1/contacts', 1) });
    const cases: Array<[string[], string]> = [
      [['run', folder('usage'), '--reporter', 'xml'], '--reporter must be text, json or junit, not “xml”'],
      [['run', folder('usage'), '--verbose'], "Unknown option '--verbose'"],
      [['run', folder('usage'), '--env', 'staging'], '--env must be sandbox, production or custom:<origin>'],
      [['run', join(dir.path, 'no-such-folder')], 'is not a folder'],
      [['run'], 'run needs the collection folder'],
      [['run', folder('usage')], 'HELPLANE_BASE_URL “ftp://x” is not a base URL'],
    ];
    for (const [args, words] of cases) {
      const r = await runCli(args, childEnv(args.length === 2 && args[1] === folder('usage') ? { HELPLANE_API_KEY: 'k-0123456789abcdef', HELPLANE_BASE_URL: 'ftp://x' } : {}));
      expect([r.code, r.stdout], args.join(' ')).toEqual([2, '']);
      expect(r.stderr).toContain(words);
    }
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes: 0 every test passed');
  }, 60_000);
});
