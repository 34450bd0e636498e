import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJsonFileStore } from '../../../../src-main/adapters/json-file-store';
import { RotationPlans, type RotationPlan } from '../../../../src-main/services/keys/rotation/rotation-plans';
import { rotationView } from '../../../../src-main/services/keys/rotation/rotation-view';
import { tempDirPerTest } from '../../../helpers/temp-dir-per-test';

const dataDir = tempDirPerTest('rotation-plans');

const plan = (overrides: Partial<RotationPlan> = {}): RotationPlan => ({
  id: 'rot_0123456789abcdef',
  mode: 'automatic',
  oldKeyId: 'key_old',
  name: 'Deploy bot',
  newKeyId: 'key_new',
  newServerKeyId: null,
  startedAt: '2026-12-01T10:00:00.000Z',
  overlapHours: 0,
  revokeAt: null,
  step: 'create',
  problem: null,
  ...overrides,
});

describe('rotation.json', () => {
  it('keeps the plans across a restart, and sets a damaged file aside keeping the plans that parse', () => {
    const dir = dataDir();
    const path = join(dir, 'rotation.json');
    new RotationPlans(createJsonFileStore(path)).put(plan());
    expect(new RotationPlans(createJsonFileStore(path)).list()).toEqual([plan()]);

    const text = JSON.parse(readFileSync(path, 'utf8')) as { rotations: unknown[] };
    writeFileSync(path, JSON.stringify({ version: 1, rotations: [...text.rotations, { id: 'rot_bad', step: 'dance' }] }));
    const reread = new RotationPlans(createJsonFileStore(path));
    expect(reread.list().map((p) => p.id)).toEqual(['rot_0123456789abcdef']);
    expect(readdirSync(dir).some((f) => f.startsWith('rotation.json.damaged-') || f.startsWith('rotation.damaged-'))).toBe(true);

    writeFileSync(path, '{ not json');
    expect(new RotationPlans(createJsonFileStore(path)).list()).toEqual([]);
  });

  it('finds the plan holding a key, as the old key or the replacement', () => {
    const plans = new RotationPlans(createJsonFileStore(join(dataDir(), 'rotation.json')));
    plans.put(plan());
    expect(plans.holding('key_old')?.id).toBe('rot_0123456789abcdef');
    expect(plans.holding('key_new')?.id).toBe('rot_0123456789abcdef');
    expect(plans.holding('key_other')).toBeUndefined();
    plans.remove('rot_0123456789abcdef');
    expect(plans.list()).toEqual([]);
  });
});

describe('what the window is shown of a plan', () => {
  const now = Date.parse('2026-12-01T12:00:00.000Z');
  const states = (p: RotationPlan, busy = false) => rotationView(p, { now, busy, record: null }).steps.map((s) => s.state);

  it('the steps before the plan’s step are done, its own is in progress, failed or waiting', () => {
    expect(states(plan({ step: 'test' }), true)).toEqual(['done', 'current', 'pending', 'pending', 'pending']);
    expect(states(plan({ step: 'revoke', problem: 'The sandbox did not revoke the key (HTTP 500).' }))).toEqual(['done', 'done', 'done', 'failed', 'pending']);
    expect(states(plan({ step: 'revoke', revokeAt: '2026-12-02T12:00:00.000Z' }))).toEqual(['done', 'done', 'done', 'waiting', 'pending']);
    // The overlap has ended but the timer has not run yet: not shown as waiting on anything.
    expect(rotationView(plan({ step: 'revoke', revokeAt: '2026-12-01T11:00:00.000Z' }), { now, busy: false, record: null }).state).toBe('running');
    expect(states(plan({ mode: 'guided', step: 'revoke' }))).toEqual(['done', 'done', 'done', 'waiting', 'pending']);
    expect(states(plan({ mode: 'guided', step: 'verify', problem: 'The old key still works.' }))).toEqual(['done', 'done', 'done', 'waiting', 'failed']);
  });

  it('says in words what comes next, and names no secret', () => {
    const waiting = rotationView(plan({ mode: 'guided', step: 'revoke' }), { now, busy: false, record: { id: 'key_old', name: 'Partner', environment: 'production', baseUrl: null, prefix: 'hl_live_AbCd', createdAt: '', lastUsedAt: null, status: 'active', workspaceId: null } });
    expect(waiting.message).toMatch(/revoke the old key \(prefix hl_live_AbCd\) in the Helplane dashboard \(Settings > API\), then choose Check old key is refused/);
    const undoing = rotationView(plan({ step: 'rollback', problem: 'connect ENETUNREACH' }), { now, busy: false, record: null });
    expect(undoing.state).toBe('failed');
    expect(undoing.message).toMatch(/Retry to undo it/);
    expect(rotationView(plan({ step: 'move' }), { now, busy: false, record: null }).newKeyId).toBe('key_new');
    expect(rotationView(plan({ step: 'create' }), { now, busy: false, record: null }).newKeyId).toBeNull();
  });
});
