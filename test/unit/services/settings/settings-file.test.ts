import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, INVOKE_CHANNELS } from '../../../../src-preload/contract';
import { createJsonFileStore } from '../../../../src-main/adapters/json-file-store';
import { createRouter, type Handlers } from '../../../../src-main/ipc/router';
import { SettingsService } from '../../../../src-main/services/settings/settings-service';
import { tempDirPerTest } from '../../../helpers/temp-dir-per-test';
import { typedClient } from '../../../helpers/typed-client';

const dataDir = tempDirPerTest('settings-file');

/** The router over a real settings service: the two settings operations are all these tests call. */
function client(settings: SettingsService) {
  const handlers = { settingsGet: async () => settings.get(), settingsUpdate: async (input) => settings.update(input) } as Partial<Handlers> as Handlers;
  return typedClient(createRouter(handlers, { isTrustedSender: () => true }));
}

describe('a damaged settings.json', () => {
  it('sets a file that does not parse aside, unchanged, and saves the next change in its place', () => {
    const dir = dataDir();
    const path = join(dir, 'settings.json');
    writeFileSync(path, '{"theme":"dark","proxyMo');
    const settings = new SettingsService(createJsonFileStore(path));
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    const aside = readdirSync(dir).filter((f) => f.startsWith('settings.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe('{"theme":"dark","proxyMo');
    settings.update({ theme: 'light' });
    expect(new SettingsService(createJsonFileStore(path)).get().theme).toBe('light');
  });
});

describe('a settings.json with a bad value', () => {
  it('keeps the good fields, and keeps the file as it was beside the one written in its place', () => {
    const dir = dataDir();
    const path = join(dir, 'settings.json');
    const original = JSON.stringify({ theme: 'dark', proxyMode: 'carrier-pigeon' });
    writeFileSync(path, original);
    expect(new SettingsService(createJsonFileStore(path)).get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    const aside = readdirSync(dir).filter((f) => f.startsWith('settings.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(original);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });
});

describe('settings:update', () => {
  it('treats a field given as undefined as not given', async () => {
    const path = join(dataDir(), 'settings.json');
    const settings = new SettingsService(createJsonFileStore(path));
    settings.update({ theme: 'dark' });
    const r = await client(settings).call(INVOKE_CHANNELS.settingsUpdate, { theme: undefined, autoRetryOn429: true });
    expect(r).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, theme: 'dark', autoRetryOn429: true } });
  });

  it('answers settings_write_failed and keeps the old value when settings.json cannot be written', async () => {
    const path = join(dataDir(), 'settings.json');
    const settings = new SettingsService(createJsonFileStore(path));
    // A folder where the file goes: the write fails even for root (who ignores read-only folders).
    mkdirSync(path);
    const c = client(settings);
    const r = await c.call(INVOKE_CHANNELS.settingsUpdate, { theme: 'dark' });
    expect(r).toMatchObject({ ok: false, error: { code: 'settings_write_failed' } });
    expect(!r.ok && r.error.message).toMatch(/settings were not changed.*settings\.json could not be saved because a folder is in the way/);
    expect(await c.call(INVOKE_CHANNELS.settingsGet)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    rmSync(path, { recursive: true });
    expect(await c.call(INVOKE_CHANNELS.settingsUpdate, { theme: 'dark' })).toMatchObject({ ok: true, value: { theme: 'dark' } });
  });
});
