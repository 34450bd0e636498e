import { describe, expect, it } from 'vitest';
import { KeyStatusSchema } from '../../../../src-preload/contract';
import { keyOptionLabel, keyStatusLabel } from '../../../../src-renderer/src/lib/key-labels';

describe('key status labels', () => {
  it('gives every contract status a human label', () => {
    expect(KeyStatusSchema.options.map(keyStatusLabel)).toEqual([
      'Active',
      'Revoked',
      'Invalid',
      'Plan not eligible',
      'Unverified',
      'Missing secret',
    ]);
  });
});

describe('keyOptionLabel', () => {
  it('names the key, its prefix and its environment', () => {
    expect(keyOptionLabel({ name: 'Support bot', prefix: 'hl_live_3fA9', environment: 'production' })).toBe(
      'Support bot · hl_live_3fA9 · Production',
    );
  });

  it('says when a key is read only', () => {
    expect(keyOptionLabel({ name: 'Viewer', prefix: 'hl_live_3fA9', environment: 'production', readOnly: true })).toBe('Viewer · hl_live_3fA9 · Production · Read only');
  });
});

describe('key status in pickers', () => {
  it('adds a status other than Active to the option, and does not offer unusable keys', async () => {
    const { isUsableKey } = await import('../../../../src-renderer/src/lib/key-labels');
    expect(keyOptionLabel({ name: 'Old', prefix: 'hl_test_3fA9', environment: 'sandbox', status: 'revoked' })).toBe('Old · hl_test_3fA9 · Sandbox · Revoked');
    expect(keyOptionLabel({ name: 'New', prefix: 'hl_test_3fA9', environment: 'sandbox', status: 'active' })).toBe('New · hl_test_3fA9 · Sandbox');
    expect(KeyStatusSchema.options.filter((s) => isUsableKey({ status: s }))).toEqual(['active', 'unverified']);
  });
});
