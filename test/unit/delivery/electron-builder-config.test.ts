import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { findAndReadConfig } from 'app-builder-lib/out/util/config/load.js';
import { beforeAll, describe, expect, it } from 'vitest';

// Packaging cannot run here (no Electron binary, no signing): the config is checked against
// electron-builder's own JSON schema, read the way electron-builder reads it.
const root = resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;

type Config = Record<string, unknown> & {
  electronFuses?: Record<string, boolean>;
  asarUnpack?: string[];
  files?: string[];
  mac?: Record<string, unknown>;
  linux?: { target?: string[] };
  win?: { target?: string[] };
};

let config: Config;
let configFile: string | null;

function validator() {
  // strict: false because the schema uses keywords ajv does not know (e.g. "tsType").
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(schema);
}

beforeAll(async () => {
  const read = await findAndReadConfig<Config>({ packageKey: 'build', configFilename: 'electron-builder', projectDir: root, packageMetadata: null });
  if (!read) throw new Error('electron-builder found no configuration');
  config = read.result;
  configFile = read.configFile;
});

describe('electron-builder configuration', () => {
  it('is the top-level electron-builder.yml', () => {
    expect(configFile).toBe(resolve(root, 'electron-builder.yml'));
  });

  it("is valid against electron-builder's JSON schema", () => {
    const validate = validator();
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check can fail: an unknown key or a wrong type is refused', () => {
    const validate = validator();
    expect(validate({ ...config, noSuchOption: true })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNode: 'off' } })).toBe(false);
  });

  it('names the app and ships only the build output and the manifest', () => {
    expect(config.appId).toBe('io.helplane.console');
    expect(config.productName).toBe('Helplane Console');
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(config.asar).toBe(true);
  });

  it('flips the fuses: no RunAsNode, NODE_OPTIONS or --inspect; asar integrity, asar only, encrypted cookies', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('unpacks the native modules from the asar and rebuilds them for Electron', () => {
    const unpack = config.asarUnpack ?? [];
    for (const module of ['keytar', 'better-sqlite3']) {
      expect(unpack.some((glob) => glob.includes(`node_modules/${module}/`) && glob.endsWith('.node')), module).toBe(true);
    }
    expect(config.npmRebuild).toBe(true);
  });

  it('builds AppImage, deb and rpm; a hardened, notarizable dmg; an NSIS installer', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb', 'rpm']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac).toMatchObject({ target: ['dmg'], hardenedRuntime: true, notarize: true });
    const entitlements = resolve(root, String(config.mac?.entitlements));
    expect(readFileSync(entitlements, 'utf8')).toContain('com.apple.security.cs.allow-jit');
  });

  it('declares no file associations or URL schemes', () => {
    expect(config.fileAssociations ?? []).toEqual([]);
    expect(config.protocols ?? []).toEqual([]);
  });

  it('points at an icon that exists and is a PNG of at least 512×512', () => {
    const icon = readFileSync(resolve(root, String(config.icon)));
    expect(icon.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(icon.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
    for (const platform of ['linux', 'mac', 'win'] as const) {
      const own = (config[platform] as { icon?: string } | undefined)?.icon;
      if (own) expect(existsSync(resolve(root, own)), platform).toBe(true);
    }
  });

  it('npm run dist builds then packages', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder');
  });
});
