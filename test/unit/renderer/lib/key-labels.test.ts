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
});
