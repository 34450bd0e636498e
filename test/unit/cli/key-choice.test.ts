import { describe, expect, it } from 'vitest';
import { keyChooser } from '../../../src-main/cli/key-choice';
import { runOrder } from '../../../src-main/cli/run-collection';
import { buildTree } from '../../../src-main/services/collections/collection-tree';
import type { RequestFile } from '../../../src-main/helplane/collection/model';
import type { KeyRecord } from '../../../src-main/ports';
import { ENV_KEY_ID } from '../../../src-main/services/keys/env-key';

const key = (id: string, name: string, over: Partial<KeyRecord> = {}): KeyRecord => ({
  id, name, environment: 'sandbox', baseUrl: null, prefix: 'hl_test_x', createdAt: '', lastUsedAt: null, status: 'active', workspaceId: null, ...over,
});
const demo = key('k1', 'Sandbox demo');
const ci = key('k2', 'CI key');
const prod = key('k3', 'CI key', { environment: 'production', baseUrl: 'https://api.helplane.io' });
const staging = key('k4', 'Staging', { environment: 'custom', baseUrl: 'https://staging.acme.test' });
const fromEnv = key(ENV_KEY_ID, 'From environment', { environment: 'custom', baseUrl: 'https://staging.acme.test' });
const chosen = (c: ReturnType<ReturnType<typeof keyChooser>['choose']>) => (c.ok ? c.key.id : c.message);

describe('which key a request of a run is sent with', () => {
  it('a key a rotation replaced (still working in its overlap) is not the only key: its replacement is', () => {
    const rotatedAway = key('k5', 'Staging (rotated 2026-12-01)', { environment: 'custom', baseUrl: 'https://staging.acme.test', replacedBy: 'k4' });
    expect(chosen(keyChooser([rotatedAway, staging], 'custom:https://staging.acme.test', undefined).choose(undefined))).toBe('k4');
    // Named, it is still the one named.
    expect(chosen(keyChooser([rotatedAway, staging], 'custom:https://staging.acme.test', 'Staging (rotated 2026-12-01)').choose(undefined))).toBe('k5');
  });

  it('--key wins, by name in the run’s environment', () => {
    const keys = keyChooser([demo, ci, prod], 'production', 'CI key');
    expect(chosen(keys.choose({ name: 'Sandbox demo', environment: 'sandbox' }))).toBe('k3');
    expect(chosen(keyChooser([demo, ci, prod], 'sandbox', 'CI key').choose(undefined))).toBe('k2');
  });

  it('then HELPLANE_API_KEY when its server is the run’s, then the request’s reference, then the only key (or Sandbox demo)', () => {
    expect(chosen(keyChooser([staging, fromEnv], 'custom:https://staging.acme.test', undefined).choose({ name: 'Staging', environment: 'custom:https://staging.acme.test' }))).toBe(ENV_KEY_ID);
    expect(chosen(keyChooser([demo, ci, fromEnv], 'sandbox', undefined).choose({ name: 'CI key', environment: 'sandbox' }))).toBe('k2');
    expect(chosen(keyChooser([demo, ci], 'sandbox', undefined).choose(undefined))).toBe('k1');
    expect(chosen(keyChooser([staging], 'custom:https://staging.acme.test', undefined).choose(undefined))).toBe('k4');
  });

  it('says what is missing, and where a key of that name is', () => {
    expect(chosen(keyChooser([demo, prod], 'sandbox', 'CI key').choose(undefined))).toContain('There is no stored key “CI key” for sandbox (--key) (there is one for production: pass --env to run there)');
    expect(chosen(keyChooser([demo], 'production', undefined).choose(undefined))).toContain('No usable stored key for production');
    expect(chosen(keyChooser([staging, key('k5', 'Other', { environment: 'custom', baseUrl: 'https://staging.acme.test' })], 'custom:https://staging.acme.test', undefined).choose(undefined))).toContain('choose one with --key');
    expect(chosen(keyChooser([demo, key('k6', 'Sandbox demo')], 'sandbox', 'Sandbox demo').choose(undefined))).toContain('Several stored keys for sandbox are named “Sandbox demo”');
    expect(chosen(keyChooser([key('k7', 'Gone', { status: 'revoked' })], 'sandbox', undefined).choose(undefined))).toContain('No usable stored key');
  });
});

describe('the run order', () => {
  it('is the Collection tree’s: sub-folders first, then requests by order, then name', () => {
    const req = (name: string, order?: number) => ({ name, method: 'GET', path: '/v1/contacts', params: [], query: [], headers: [], captures: [], tests: [], ...(order !== undefined ? { order } : {}) }) as RequestFile;
    const tree = buildTree(['b', 'a'], [
      { path: 'z.request.yaml', request: req('Z', 1) },
      { path: 'y.request.yaml', request: req('Y') },
      { path: 'x.request.yaml', request: req('X', 2) },
      { path: 'b/one.request.yaml', request: req('One') },
      { path: 'a/two.request.yaml', request: req('Two', 5) },
      { path: 'a/three.request.yaml', request: req('Three', 1) },
    ]);
    expect(runOrder(tree)).toEqual(['a/three.request.yaml', 'a/two.request.yaml', 'b/one.request.yaml', 'z.request.yaml', 'x.request.yaml', 'y.request.yaml']);
  });
});
