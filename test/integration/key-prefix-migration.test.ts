import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../src-preload/contract';
import { createConfMetadataStore, LAST_GOOD_FILE, METADATA_FILE } from '../../src-main/adapters/conf-metadata-store';
import { nodeHostAdapters } from '../../src-main/adapters/node-host';
import { createCore, type Core } from '../../src-main/core/create-core';
import { generateKey } from '../../src-main/helplane/key-format';
import type { KeyRecord } from '../../src-main/ports';
import { memorySecretStore, stoppedSandbox } from '../helpers/fakes';
import { tempDir } from '../helpers/temp-dir';
import { typedClient, type CallArg, type Reply } from '../helpers/typed-client';

// What an older console stored: the first 12 characters of every key as its prefix.
const SHORT = 'Kx7pQ2mZ'; // 8 characters: stored whole
const MEDIUM = 'Rw4nT8vLq2'; // 10 characters: stored whole
const LONG = 'Bz3kW9yHs5dF6gJ1'; // 16 characters: 12 of them stored
const HELPLANE = generateKey('live');
const ENV_SECRET = 'Em5cV7xN';
const ORPHAN_SECRET = 'Ov2bY6uMp8';

const dir = tempDir('prefix-migration');
const dataDir = join(dir.path, 'data');
const emitted: unknown[] = [];
let core: Core;

const oldRecord = (id: string, secret: string): KeyRecord => ({
  id, name: id, environment: 'custom', baseUrl: 'http://127.0.0.1:9', prefix: secret.slice(0, 12), createdAt: '2026-01-01T00:00:00.000Z',
  lastUsedAt: null, status: 'active', workspaceId: null,
});
const oldKeysFile = JSON.stringify({ version: 1, keys: [oldRecord('short', SHORT), oldRecord('medium', MEDIUM), oldRecord('long', LONG), { ...oldRecord('helplane', HELPLANE), environment: 'production', baseUrl: null }], flags: {} }, null, '\t');
const historyEntry = (id: string, keyId: string, secret: string) => ({
  id, time: 1, method: 'GET', path: '/v1/conversations', query: [], headers: [], body: null, bodyTruncated: false, status: 200, errorCode: null,
  errorMessage: null, durationMs: 1, keyId, keyName: keyId, keyPrefix: secret.slice(0, 12), rateLimit: null, responsePreview: null,
});

function call<C extends InvokeChannel>(channel: C, ...arg: CallArg<C>): Promise<Reply<C>> {
  return typedClient(core.router).call(channel, ...arg);
}

/** Every secret's characters beyond what the rule allows (at most 4, at most a quarter) must be nowhere. */
function expectNoLongPiece(text: string): void {
  for (const secret of [SHORT, MEDIUM, LONG, ENV_SECRET, ORPHAN_SECRET]) {
    const allowed = Math.min(4, Math.floor(secret.length / 4));
    expect(text).not.toContain(secret.slice(0, allowed + 1));
  }
}

beforeAll(async () => {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, METADATA_FILE), oldKeysFile);
  writeFileSync(join(dataDir, LAST_GOOD_FILE), oldKeysFile);
  writeFileSync(join(dataDir, 'history.json'), JSON.stringify([historyEntry('h1', 'short', SHORT), historyEntry('h2', 'long', LONG), historyEntry('h3', 'helplane', HELPLANE)]));
  core = await createCore({
    host: 'web',
    dataDir,
    ...nodeHostAdapters(dataDir),
    events: { emit: (_c, p) => emitted.push(p) },
    isTrustedSender: (s) => s.origin === 'app://helplane',
    metadata: createConfMetadataStore(dataDir),
    secrets: memorySecretStore([['short', SHORT], ['medium', MEDIUM], ['long', LONG], ['helplane', HELPLANE], ['orphan', ORPHAN_SECRET]]),
    sandbox: stoppedSandbox(),
    startSandbox: false,
    env: { HELPLANE_API_KEY: ENV_SECRET, HELPLANE_BASE_URL: 'http://127.0.0.1:9' },
    demoKey: false,
  });
});

afterAll(async () => {
  await core.dispose();
  dir.cleanup();
});

describe('prefixes an older console stored (the first 12 characters of any key) are cut when the data folder is opened', () => {
  it('lists every key with at most 4 characters of a custom key, never more than a quarter; a Helplane key keeps its 12', async () => {
    const r = await call(INVOKE_CHANNELS.keysList);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const prefixOf = (id: string) => r.value.find((k) => k.id === id)?.prefix;
    expect(prefixOf('short')).toBe('Kx');
    expect(prefixOf('medium')).toBe('Rw');
    expect(prefixOf('long')).toBe('Bz3');
    expect(prefixOf('helplane')).toBe(HELPLANE.slice(0, 12));
    // The environment's key and a recovered key follow the same rule.
    expect(prefixOf('env:HELPLANE_API_KEY')).toBe('Em');
    expect(prefixOf('orphan')).toBe('Ov');
    expectNoLongPiece(JSON.stringify(r.value));
    expectNoLongPiece(JSON.stringify(emitted));
  });

  it('rewrites keys.json and keys.last-good.json with the cut prefixes', () => {
    for (const name of [METADATA_FILE, LAST_GOOD_FILE]) {
      const text = readFileSync(join(dataDir, name), 'utf8');
      expectNoLongPiece(text);
      const prefixes = (JSON.parse(text) as { keys: KeyRecord[] }).keys.map((k) => [k.id, k.prefix]);
      expect(prefixes).toEqual(expect.arrayContaining([['short', 'Kx'], ['medium', 'Rw'], ['long', 'Bz3'], ['helplane', HELPLANE.slice(0, 12)]]));
    }
  });

  it('cuts the prefixes History entries were kept with, in the list and in history.json', async () => {
    const r = await call(INVOKE_CHANNELS.historyList);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((e) => [e.id, e.keyPrefix])).toEqual([['h1', 'Kx'], ['h2', 'Bz3'], ['h3', HELPLANE.slice(0, 12)]]);
    await core.dispose();
    expectNoLongPiece(readFileSync(join(dataDir, 'history.json'), 'utf8'));
  });
});
