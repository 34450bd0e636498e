import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfMetadataStore } from '../../src-main/adapters/conf-metadata-store';
import { createLogFile, logFilePath } from '../../src-main/adapters/log-file';
import { nodeHostAdapters } from '../../src-main/adapters/node-host';
import { createCore, type Core } from '../../src-main/core/create-core';
import { redactLogText } from '../../src-main/helplane/log-redaction';
import { createLogger } from '../../src-main/lib/logger';
import { INVOKE_CHANNELS, type SendRequestInput } from '../../src-preload/contract';
import { memorySecretStore, stoppedSandbox } from '../helpers/fakes';
import { startRecordingServer, type RecordingServer } from '../helpers/recording-server';
import { tempDir } from '../helpers/temp-dir';
import { assertOk, typedClient } from '../helpers/typed-client';
import { echoForms, hostileHandler, keyPieces } from '../helpers/hostile-server';

/**
 * The whole console (core, IPC router, files, the log file sink) against a loopback server that
 * echoes the key in every place it can: what the user sees (replies, the large-body store and its
 * search), what Copy as code writes, and every file in the data folder (History, logs) hold no
 * form of it.
 */
const SECRET = 'hostile"key/with+chars=0123456789';
const dir = tempDir('hostile-core');
const dataDir = join(dir.path, 'data');
const replies: string[] = [];
const events: string[] = [];
let server: RecordingServer;
let core: Core;
let keyId: string;

const client = () => typedClient(core.router, { onReply: (r) => replies.push(JSON.stringify(r)) });

beforeAll(async () => {
  server = await startRecordingServer(hostileHandler);
  const logger = createLogger(createLogFile({ path: logFilePath(dataDir) }), redactLogText);
  core = await createCore({
    host: 'web',
    dataDir,
    ...nodeHostAdapters(dataDir),
    events: { emit: (name, payload) => events.push(`${name} ${JSON.stringify(payload)}`) },
    isTrustedSender: () => true,
    metadata: createConfMetadataStore(dataDir),
    secrets: memorySecretStore(),
    sandbox: stoppedSandbox('not used'),
    env: {},
    demoKey: false,
    onUnexpectedError: (channel, error) => logger.error(`Unexpected error on ${channel}`, error),
  });
  const added = await client().call(INVOKE_CHANNELS.keysAdd, { name: 'Hostile', environment: 'custom', baseUrl: server.origin, secret: SECRET });
  assertOk(added);
  keyId = added.value.id;
});

afterAll(async () => {
  await core.dispose();
  await server.close();
  dir.cleanup();
});

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  return readdirSync(path).flatMap((name) => {
    const full = join(path, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** No form of the key (echoForms) and no piece of it longer than keyPieces allows, in `text`. */
function expectNoKey(text: string, where: string) {
  for (const form of echoForms(SECRET)) expect(text.includes(form), `${where} holds ${JSON.stringify(form)}`).toBe(false);
  for (const piece of keyPieces(SECRET)) expect(text.includes(piece), `${where} holds the piece ${JSON.stringify(piece)}`).toBe(false);
}

const PATHS = ['/reason', '/headers', '/json-escaped', '/url-encoded', '/unicode-escaped', '/base64', '/pieces', '/redirect', '/not-json', '/large', '/cut-large'];

describe('the whole console against a server that echoes the key everywhere', () => {
  it('the reply of every path (status line, headers, body, URL, notes) holds no form of it', async () => {
    // 1 MB: /cut-large puts the key across that limit.
    assertOk(await client().call(INVOKE_CHANNELS.settingsUpdate, { maxResponseMb: 1 }));
    for (const path of PATHS) {
      const reply = await client().call(INVOKE_CHANNELS.requestSend, { keyId, method: 'GET', path });
      expect(reply.ok, path).toBe(true);
      expectNoKey(JSON.stringify(reply), `the reply of ${path}`);
    }
    expect(server.seen.filter((s) => PATHS.includes(s.url) && s.headers['x-api-key'] === SECRET)).toHaveLength(PATHS.length);
  });

  it('the large-body store: every line, a search for the key and for each of its forms, and Save of the stored body', async () => {
    for (const path of ['/large', '/cut-large']) {
      const sent = await client().call(INVOKE_CHANNELS.requestSend, { keyId, method: 'GET', path });
      assertOk(sent);
      const large = sent.value.large!;
      expect(large, path).toBeDefined();
      const lines: string[] = [];
      for (let from = 0; from < large.lineCount; from += 2000) {
        const slice = await client().call(INVOKE_CHANNELS.responseSlice, { responseId: large.responseId, fromLine: from, count: 2000 });
        assertOk(slice);
        lines.push(...slice.value.lines);
      }
      expect(lines).toHaveLength(large.lineCount);
      // A JSON body is shown pretty-printed, so a marker at a cut may come out as [ / redacted / ].
      expect(lines.join('\n')).toContain('redacted');
      if (path === '/cut-large') expect(sent.value.bodyTruncated).toBe(true);
      expectNoKey(lines.join('\n'), `the stored lines of ${path}`);
      for (const query of [...echoForms(SECRET), SECRET.slice(0, 10)].filter((q) => q.length <= 200)) {
        const found = await client().call(INVOKE_CHANNELS.responseSearch, { responseId: large.responseId, query });
        assertOk(found);
        expect(found.value.total, `a search of ${path} for ${query}`).toBe(0);
      }
      const tree = await client().call(INVOKE_CHANNELS.responseTree, { responseId: large.responseId, line: 0 });
      expectNoKey(JSON.stringify(tree), `the tree of ${path}`);
      const saved = await client().call(INVOKE_CHANNELS.responseSave, { responseId: large.responseId });
      if (saved.ok) expectNoKey(readFileSync(saved.value.path, 'latin1'), `the saved body of ${path}`);
    }
  });

  it('Save to file refuses a body that echoes it in any form, and leaves no file', async () => {
    for (const path of ['/json-escaped', '/unicode-escaped', '/base64', '/cut-large']) {
      const saved = await client().call(INVOKE_CHANNELS.requestSaveBody, { keyId, method: 'GET', path });
      expect(saved, path).toMatchObject({ ok: false, error: { code: 'key_in_response' } });
    }
    for (const file of filesUnder(join(dataDir, 'exports'))) expectNoKey(readFileSync(file, 'latin1'), file);
  });

  it('Copy as code of each request, with the key pasted into its query, headers and body too, holds no form of it', async () => {
    for (const path of PATHS) {
      const request: SendRequestInput = {
        keyId, method: 'POST', path: `${path}/${encodeURIComponent(SECRET)}`,
        query: [{ name: 'key', value: SECRET }],
        headers: [{ name: 'X-Debug', value: JSON.stringify(SECRET) }],
        body: JSON.stringify({ echo: SECRET }),
      };
      // An X-API-Key pasted into the headers is refused, as Send refuses it, and the refusal holds none of it.
      const withKeyHeader = { ...request, headers: [...request.headers!, { name: 'X-API-Key', value: SECRET }] };
      for (const language of ['curl', 'javascript-fetch', 'node', 'python-requests', 'go'] as const) {
        const snippet = await client().call(INVOKE_CHANNELS.requestSnippet, { request, language });
        assertOk(snippet);
        expectNoKey(JSON.stringify(snippet), `the ${language} snippet for ${path}`);
        const refused = await client().call(INVOKE_CHANNELS.requestSnippet, { request: withKeyHeader, language });
        expect(refused).toMatchObject({ ok: false, error: { code: 'request_rejected' } });
        expectNoKey(JSON.stringify(refused), `the refused ${language} snippet for ${path}`);
      }
    }
  });

  it('the Inspector reads contacts that echo it (and replies that are not JSON or are broken), and shows none of it', async () => {
    const found = await client().call(INVOKE_CHANNELS.inspectorSearch, { keyId, query: 'ada' });
    expectNoKey(JSON.stringify(found), 'the Inspector search');
    // Non-JSON and broken replies where the Inspector expects JSON: the errors hold none of it.
    for (const contactId of ['not-json', 'broken']) {
      const r = await client().call(INVOKE_CHANNELS.inspectorConversations, { keyId, contactId });
      expectNoKey(JSON.stringify(r), `the Inspector on ${contactId}`);
    }
  });

  it('the log file: a session whose History cannot be written logs that, and none of the replies it was writing', async () => {
    const other = join(dir.path, 'logged');
    mkdirSync(join(other, 'history.json'), { recursive: true });
    const logger = createLogger(createLogFile({ path: logFilePath(other) }), redactLogText);
    const logged = await createCore({
      host: 'web', dataDir: other, ...nodeHostAdapters(other), events: { emit: () => undefined }, isTrustedSender: () => true,
      metadata: createConfMetadataStore(other), secrets: memorySecretStore(), sandbox: stoppedSandbox('not used'), env: {}, demoKey: false,
      onUnexpectedError: (channel, error) => logger.error(`Unexpected error on ${channel}`, error),
    });
    try {
      const c = typedClient(logged.router);
      const added = await c.call(INVOKE_CHANNELS.keysAdd, { name: 'Hostile', environment: 'custom', baseUrl: server.origin, secret: SECRET });
      assertOk(added);
      for (const path of PATHS) await c.call(INVOKE_CHANNELS.requestSend, { keyId: added.value.id, method: 'GET', path });
      await expect.poll(() => (existsSync(logFilePath(other)) ? readFileSync(logFilePath(other), 'utf8') : ''), { timeout: 5000 }).toContain('history.json');
      for (const file of filesUnder(join(other, 'logs'))) expectNoKey(readFileSync(file, 'latin1'), file);
    } finally {
      await logged.dispose();
    }
  });

  it('every file in the data folder (History, settings, keys, logs) and every event holds none of it', async () => {
    core.keys.flush();
    // Let History's coalesced write land.
    await expect.poll(() => existsSync(join(dataDir, 'history.json'))).toBe(true);
    await new Promise((r) => setTimeout(r, 700));
    const files = filesUnder(dataDir);
    expect(files.some((f) => f.endsWith('history.json'))).toBe(true);
    for (const file of files) expectNoKey(readFileSync(file, 'latin1'), file);
    expectNoKey(events.join('\n'), 'the events');
    expectNoKey(replies.join('\n'), 'the replies');
  });
});
