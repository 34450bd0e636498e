import type { KeyMeta } from '../../../src-preload/contract';
import type { KeyRecord, MetadataStore, SecretStore } from '../../ports';
import type { KeyRecords } from './key-records';
import type { KeyService } from './key-service';
import { SANDBOX_WORKSPACE, type SandboxAdmin } from './sandbox-admin';

export const FIRST_RUN_FLAG = 'firstRunDemoKey';
export const DEMO_KEY_NAME = 'Sandbox demo';

export interface SandboxKeysDeps {
  keys: KeyService;
  records: KeyRecords;
  admin: SandboxAdmin;
  secrets: SecretStore;
  metadata: MetadataStore;
  /**
   * After a reset: the demo keys it replaced (their ids) and the new one, so the tabs that used an
   * old demo key move to the new one, and rotations under way on the sandbox end.
   */
  afterReset?: (replaced: { from: string[]; to: string | null }) => void;
}

/** What the console does with its sandbox keys beyond one key's operations: sync, the demo key, reset. */
export class SandboxKeys {
  constructor(private readonly deps: SandboxKeysDeps) {}

  /** The Keys page's Refresh: reconcile with the keychain, then pull the sandbox's own last_used_at. */
  async refresh(): Promise<KeyMeta[]> {
    await this.deps.keys.reconcile();
    return this.refreshServerUsage();
  }

  /** Pull the sandbox's own last_used_at (and revocations) for sandbox keys. */
  async refreshServerUsage(): Promise<KeyMeta[]> {
    const { records } = this.deps;
    if (!records.read().some((r) => r.environment === 'sandbox')) return records.list();
    const server = await this.deps.admin.list(SANDBOX_WORKSPACE).catch(() => null);
    if (!server) return records.list();
    // Read after the sandbox answered: a key added or changed meanwhile is kept, not overwritten.
    const stored = records.read();
    let dirty = false;
    const next = stored.map((r) => {
      if (r.environment !== 'sandbox') return r;
      const match = r.serverKeyId ? server.find((s) => s.id === r.serverKeyId) : server.filter((s) => s.prefix === r.prefix).length === 1 ? server.find((s) => s.prefix === r.prefix) : undefined;
      if (!match) return r;
      const status = match.status === 'revoked' ? 'revoked' : r.status;
      if (match.last_used_at === (r.serverLastUsedAt ?? null) && status === r.status && r.serverKeyId === match.id) return r;
      dirty = true;
      return { ...r, serverKeyId: match.id, serverLastUsedAt: match.last_used_at, status };
    });
    if (dirty) {
      records.write(next);
      records.changed();
    }
    return records.list();
  }

  /**
   * First run: a sandbox key "Sandbox demo", made once (a flag in metadata), so the request
   * builder works with no set-up. Any failure (no keychain, no sandbox) skips it quietly; it is
   * tried again next start because the flag is set only on success.
   */
  async ensureDemoKey(): Promise<boolean> {
    const { metadata } = this.deps;
    if (!metadata.getFlag || !metadata.setFlag || metadata.getFlag(FIRST_RUN_FLAG)) return false;
    try {
      await this.deps.secrets.accounts();
      await this.deps.keys.create(DEMO_KEY_NAME);
      metadata.setFlag(FIRST_RUN_FLAG);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Settings > Reset sandbox: the sandbox is wiped and seeded again, its keys included. This
   * console's sandbox keys are then marked Invalid (kept, so the user decides to delete them),
   * except the old "Sandbox demo": its secret was never shown, so nobody can use it elsewhere, and
   * the new "Sandbox demo" made here replaces it (one demo key, not two of the same name).
   */
  async resetSandbox(): Promise<{ seed: number; invalidatedKeys: number; replacedDemoKeys: number; demoKey: KeyMeta | null }> {
    const { records } = this.deps;
    const { seed } = await this.deps.admin.reset();
    const now = records.nowIso();
    let invalidatedKeys = 0;
    const stored = records.read();
    const oldDemos = stored.filter((r) => r.environment === 'sandbox' && r.name === DEMO_KEY_NAME);
    const next = stored
      .filter((r) => !oldDemos.includes(r))
      .map((r): KeyRecord => {
        if (r.environment !== 'sandbox' || r.status === 'missing_secret') return r;
        invalidatedKeys++;
        const { serverKeyId: _gone, ...rest } = r;
        return { ...rest, status: 'invalid', lastCheckedAt: now, serverLastUsedAt: null };
      });
    records.write(next, (message) => `The sandbox was reset, but its keys here could not be marked Invalid: ${message}`);
    // The list no longer names them: a keychain entry left behind would only be re-listed as recovered.
    for (const r of oldDemos) await this.deps.secrets.delete(r.id).catch(() => false);
    records.changed();
    const demoKey = await this.deps.keys.create(DEMO_KEY_NAME).then(
      (created) => created.key,
      () => null,
    );
    this.deps.afterReset?.({ from: oldDemos.map((r) => r.id), to: demoKey?.id ?? null });
    return { seed, invalidatedKeys, replacedDemoKeys: oldDemos.length, demoKey };
  }
}
