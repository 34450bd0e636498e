import { randomUUID } from 'node:crypto';
import type { AddKeyInput, CreatedKey, KeyMeta, RevokeResult } from '../../../src-preload/contract';
import { EVENT_CHANNELS } from '../../../src-preload/contract';
import type { Clock, EventSink, HttpTransport, KeyRecord, MetadataStore, SandboxRunner, SecretStore } from '../../ports';
import { PRODUCTION_BASE_URL, normaliseCustomBaseUrl } from '../../helplane/environments';
import { checkKeyFormat, keyPrefix } from '../../helplane/key-format';
import { ENV_KEY_ID } from './env-key';
import { displayBaseUrl, resolveKeyOrigin } from './key-origin';
import { AppFailure } from '../../lib/errors';
import { throttle } from '../../lib/event-throttle';
import { verifyKey } from './key-verifier';
import { SANDBOX_WORKSPACE, SandboxAdmin } from './sandbox-admin';

export interface KeyServiceDeps {
  secrets: SecretStore;
  metadata: MetadataStore;
  transport: HttpTransport;
  sandbox: SandboxRunner;
  clock: Clock;
  events: EventSink;
  /** The key from HELPLANE_API_KEY, if any: listed, usable, never stored (see env-key.ts). */
  environmentKey?: KeyRecord | null;
}

/** Printable ASCII without spaces: what any API key can reasonably be. */
const GENERIC_KEY = /^[\x21-\x7e]{8,512}$/;
export const FIRST_RUN_FLAG = 'firstRunDemoKey';
/** How often pending "Last used" times are written to the metadata file. */
const LAST_USED_FLUSH_MS = 2000;
/** At most one keys-changed event for "Last used" this often (the first of a quiet spell goes at once). */
export const KEYS_EVENT_MS = 250;
export const DEMO_KEY_NAME = 'Sandbox demo';
export const RECOVERED_KEY_NAME = 'Recovered key';

function checkSecretOffline(environment: KeyRecord['environment'], secret: string): void {
  if (!GENERIC_KEY.test(secret)) {
    throw new AppFailure('invalid_key_format', 'That does not look like an API key: it must be 8 to 512 visible characters with no spaces.');
  }
  // Helplane's own format is known for production and the sandbox; custom servers may differ.
  if (environment === 'custom') return;
  const check = checkKeyFormat(secret);
  if (!check.ok) {
    throw new AppFailure(
      'invalid_key_format',
      check.reason === 'checksum'
        ? 'This key has a typo: its checksum does not match. Copy it again from the dashboard.'
        : 'Helplane keys look like hl_live_… or hl_test_… followed by 38 letters and digits. Check what you pasted.',
    );
  }
}

/** The key manager's operations. Listing never touches the keychain. */
export class KeyService {
  private readonly admin: SandboxAdmin;
  /** HELPLANE_API_KEY: held in memory only, never written to the keychain or metadata. */
  private envKey: KeyRecord | null;
  /** "Last used" times not yet on disk: a request must not cost a metadata-file write. */
  private readonly pendingLastUsed = new Map<string, number>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  /** "Last used" changes are sent to the renderer at most every KEYS_EVENT_MS (see touch). */
  private readonly usageEvents = throttle(() => this.emitChanged(), KEYS_EVENT_MS);

  constructor(private readonly deps: KeyServiceDeps) {
    this.admin = new SandboxAdmin(deps.sandbox, deps.transport);
    this.envKey = deps.environmentKey ?? null;
  }

  /** Stored records with the pending "Last used" times laid over them. */
  private storedKeys(): KeyRecord[] {
    const keys = this.deps.metadata.readKeys();
    if (this.pendingLastUsed.size === 0) return keys;
    return keys.map((r) => (this.pendingLastUsed.has(r.id) ? { ...r, lastUsedAt: new Date(this.pendingLastUsed.get(r.id)!).toISOString() } : r));
  }

  list(): KeyMeta[] {
    const stored = this.storedKeys().map((r) => this.toMeta(r, 'keychain'));
    return this.envKey ? [...stored, this.toMeta(this.envKey, 'environment')] : stored;
  }

  /**
   * The stored record of a key (the request path looks its key up here on every send). Its
   * lastUsedAt may trail the live value by up to LAST_USED_FLUSH_MS; list() shows the live one.
   */
  find(id: string): KeyRecord {
    if (this.envKey && id === ENV_KEY_ID) return this.envKey;
    const record = this.deps.metadata.readKeys().find((r) => r.id === id);
    if (!record) throw new AppFailure('not_found', 'That key no longer exists. Pick another key.');
    return record;
  }

  async add(input: AddKeyInput): Promise<KeyMeta> {
    const baseUrl =
      input.environment === 'custom' ? normaliseCustomBaseUrl(input.baseUrl) : input.environment === 'production' ? PRODUCTION_BASE_URL : null;
    const secret = input.secret.trim();
    checkSecretOffline(input.environment, secret);
    const origin = await resolveKeyOrigin({ environment: input.environment, baseUrl }, this.deps.sandbox);
    const verification = await verifyKey(this.deps.transport, origin, secret);
    const record: KeyRecord = {
      id: `key_${randomUUID()}`,
      name: input.name.trim(),
      environment: input.environment,
      baseUrl,
      prefix: keyPrefix(secret),
      createdAt: this.nowIso(),
      lastUsedAt: null,
      status: verification.status,
      workspaceId: verification.workspaceId,
      lastCheckedAt: this.nowIso(),
    };
    await this.store(record, secret);
    return this.toMeta(record, 'keychain');
  }

  /** A new sandbox key via the admin routes; in the keychain before the secret is returned once. */
  async create(name: string): Promise<CreatedKey> {
    const created = await this.admin.create(name.trim(), SANDBOX_WORKSPACE);
    const record: KeyRecord = {
      id: `key_${randomUUID()}`,
      name: created.name,
      environment: 'sandbox',
      baseUrl: null,
      prefix: created.prefix,
      createdAt: this.nowIso(),
      lastUsedAt: null,
      status: 'active',
      workspaceId: SANDBOX_WORKSPACE,
      serverKeyId: created.id,
      lastCheckedAt: this.nowIso(),
    };
    try {
      await this.store(record, created.secret);
    } catch (error) {
      // Not kept here: revoke it on the server so no usable key exists that nobody holds.
      await this.admin.revoke(created.id).catch(() => undefined);
      throw error;
    }
    return { key: this.toMeta(record, 'keychain'), secret: created.secret };
  }

  /** One cheap authenticated call; the status and the time of the check are saved. */
  async test(id: string): Promise<KeyMeta> {
    const record = this.find(id);
    const secret = await this.secretOf(record);
    if (secret === null) return this.update(id, { status: 'missing_secret', lastCheckedAt: this.nowIso() });
    const origin = await resolveKeyOrigin(record, this.deps.sandbox);
    const v = await verifyKey(this.deps.transport, origin, secret);
    const patch = { status: v.status, lastCheckedAt: this.nowIso(), workspaceId: v.workspaceId ?? record.workspaceId };
    if (id === ENV_KEY_ID && this.envKey) {
      this.envKey = { ...this.envKey, ...patch };
      this.changed();
      return this.toMeta(this.envKey, 'environment');
    }
    return this.update(id, patch);
  }

  rename(id: string, name: string): KeyMeta {
    this.refuseEnvKey(id, 'renamed');
    return this.update(id, { name: name.trim() });
  }

  /** Sandbox: revoked server-side. Production and custom: only the dashboard can, so say so. */
  async revoke(id: string): Promise<RevokeResult> {
    this.refuseEnvKey(id, 'revoked here');
    const record = this.find(id);
    if (record.environment !== 'sandbox') {
      const used = this.pendingLastUsed.get(id);
      return {
        key: this.toMeta(used === undefined ? record : { ...record, lastUsedAt: new Date(used).toISOString() }, 'keychain'),
        revokedOnServer: false,
        message:
          record.environment === 'production'
            ? 'Production keys are revoked in the Helplane dashboard (Settings > API). You can delete this key from this computer.'
            : 'Keys of a custom server are revoked on that server. You can delete this key from this computer.',
      };
    }
    const serverId = record.serverKeyId ?? (await this.findServerId(record));
    if (!serverId) throw new AppFailure('not_found', 'The sandbox does not know this key (it may have been reset). Delete it from this computer instead.');
    await this.admin.revoke(serverId, record.workspaceId ?? SANDBOX_WORKSPACE);
    const key = this.update(id, { status: 'revoked', serverKeyId: serverId, lastCheckedAt: this.nowIso() });
    return { key, revokedOnServer: true, message: 'The key is revoked: the next request with it gets 401 revoked_api_key.' };
  }

  /** Removes the keychain entry and the metadata (the caller has confirmed). */
  async delete(id: string): Promise<{ deleted: boolean }> {
    this.refuseEnvKey(id, 'deleted here (unset HELPLANE_API_KEY instead)');
    this.find(id);
    await this.deps.secrets.delete(id);
    this.pendingLastUsed.delete(id);
    try {
      this.deps.metadata.writeKeys(this.deps.metadata.readKeys().filter((r) => r.id !== id));
    } catch (error) {
      throw new AppFailure('metadata_write_failed', `The key left the keychain, but its entry could not be removed from the list: ${messageOf(error)}`);
    }
    this.changed();
    return { deleted: true };
  }

  /** Write pending "Last used" times now (the hosts call it on shutdown). */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.pendingLastUsed.size === 0) return;
    const pending = new Map(this.pendingLastUsed);
    this.pendingLastUsed.clear();
    const keys = this.deps.metadata.readKeys();
    if (keys.some((r) => pending.has(r.id))) {
      this.deps.metadata.writeKeys(keys.map((r) => (pending.has(r.id) ? { ...r, lastUsedAt: new Date(pending.get(r.id)!).toISOString() } : r)));
    }
  }

  /**
   * Record a use of the key (the time shown as "Last used"). The renderer hears of it at once, or
   * within KEYS_EVENT_MS in a burst; the file gets it within LAST_USED_FLUSH_MS, so the request
   * path never waits on a disk write. `known` is the record the caller just looked up: when the
   * patch changes nothing in it, the metadata file is not read again.
   */
  touch(id: string, patch: Partial<Pick<KeyRecord, 'status' | 'workspaceId'>> = {}, known?: KeyRecord): void {
    // An epoch number here: the ISO text is made when the list is read or the file written.
    const now = this.deps.clock.now();
    if (this.envKey && id === ENV_KEY_ID) {
      this.envKey = { ...this.envKey, ...patch, lastUsedAt: new Date(now).toISOString() };
    } else {
      if (known?.id !== id || patchChanges(known, patch)) {
        const current = this.deps.metadata.readKeys().find((r) => r.id === id);
        if (current && patchChanges(current, patch)) this.deps.metadata.writeKeys(this.deps.metadata.readKeys().map((r) => (r.id === id ? { ...r, ...patch } : r)));
      }
      this.pendingLastUsed.set(id, now);
      if (!this.flushTimer) {
        this.flushTimer = setTimeout(() => this.flush(), LAST_USED_FLUSH_MS);
        // A pending write must not keep a CLI or test process alive; dispose flushes.
        this.flushTimer.unref();
      }
    }
    this.usageEvents.poke();
  }

  /**
   * Start-up and explicit refresh only (never list()): keychain accounts without metadata come
   * back as "Recovered key"; metadata without a secret shows "Missing secret".
   */
  async reconcile(): Promise<KeyMeta[]> {
    const accounts = new Set(await this.deps.secrets.accounts());
    const records = this.deps.metadata.readKeys();
    const known = new Set(records.map((r) => r.id));
    let dirty = false;
    const next: KeyRecord[] = records.map((r) => {
      if (!accounts.has(r.id) && r.status !== 'missing_secret') {
        dirty = true;
        return { ...r, status: 'missing_secret' as const };
      }
      if (accounts.has(r.id) && r.status === 'missing_secret') {
        dirty = true;
        return { ...r, status: 'unverified' as const };
      }
      return r;
    });
    for (const account of accounts) {
      if (known.has(account)) continue;
      const secret = await this.deps.secrets.get(account);
      if (secret === null) continue;
      dirty = true;
      const format = checkKeyFormat(secret);
      next.push({
        id: account,
        name: RECOVERED_KEY_NAME,
        // Only sandbox-style test keys can be placed with confidence; others are assumed production.
        environment: format.ok && format.mode === 'test' ? 'sandbox' : 'production',
        baseUrl: null,
        prefix: keyPrefix(secret),
        createdAt: this.nowIso(),
        lastUsedAt: null,
        status: 'unverified',
        workspaceId: null,
      });
    }
    if (dirty) {
      this.deps.metadata.writeKeys(next);
      this.changed();
    }
    return this.list();
  }

  /** Pull the sandbox's own last_used_at (and revocations) for sandbox keys. */
  async refreshServerUsage(): Promise<KeyMeta[]> {
    const records = this.deps.metadata.readKeys();
    if (!records.some((r) => r.environment === 'sandbox')) return this.list();
    const server = await this.admin.list(SANDBOX_WORKSPACE).catch(() => null);
    if (!server) return this.list();
    let dirty = false;
    const next = records.map((r) => {
      if (r.environment !== 'sandbox') return r;
      const match = r.serverKeyId ? server.find((s) => s.id === r.serverKeyId) : server.filter((s) => s.prefix === r.prefix).length === 1 ? server.find((s) => s.prefix === r.prefix) : undefined;
      if (!match) return r;
      const status = match.status === 'revoked' ? 'revoked' : r.status;
      if (match.last_used_at === (r.serverLastUsedAt ?? null) && status === r.status && r.serverKeyId === match.id) return r;
      dirty = true;
      return { ...r, serverKeyId: match.id, serverLastUsedAt: match.last_used_at, status };
    });
    if (dirty) {
      this.deps.metadata.writeKeys(next);
      this.changed();
    }
    return this.list();
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
      await this.create(DEMO_KEY_NAME);
      metadata.setFlag(FIRST_RUN_FLAG);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Settings > Reset sandbox: the sandbox is wiped and seeded again, its keys included. This
   * console's sandbox keys are then marked Invalid (kept, so the user decides to delete them), and
   * a new "Sandbox demo" key is made so requests work at once.
   */
  async resetSandbox(): Promise<{ seed: number; invalidatedKeys: number; demoKey: KeyMeta | null }> {
    const { seed } = await this.admin.reset();
    const now = this.nowIso();
    let invalidatedKeys = 0;
    const records = this.deps.metadata.readKeys().map((r): KeyRecord => {
      if (r.environment !== 'sandbox' || r.status === 'missing_secret') return r;
      invalidatedKeys++;
      const { serverKeyId: _gone, ...rest } = r;
      return { ...rest, status: 'invalid', lastCheckedAt: now, serverLastUsedAt: null };
    });
    try {
      this.deps.metadata.writeKeys(records);
    } catch (error) {
      throw new AppFailure('metadata_write_failed', `The sandbox was reset, but its keys here could not be marked Invalid: ${messageOf(error)}`);
    }
    this.changed();
    const demoKey = await this.create(DEMO_KEY_NAME).then(
      (created) => created.key,
      () => null,
    );
    return { seed, invalidatedKeys, demoKey };
  }

  private async findServerId(record: KeyRecord): Promise<string | null> {
    const server = await this.admin.list(record.workspaceId ?? SANDBOX_WORKSPACE);
    const matches = server.filter((s) => s.prefix === record.prefix);
    return matches.length === 1 ? matches[0]!.id : null;
  }

  private async secretOf(record: KeyRecord): Promise<string | null> {
    return this.deps.secrets.get(record.id);
  }

  /** Keychain first, then metadata; undo the first if the second fails. */
  private async store(record: KeyRecord, secret: string): Promise<void> {
    await this.deps.secrets.set(record.id, secret);
    try {
      this.deps.metadata.writeKeys([...this.deps.metadata.readKeys(), record]);
    } catch (error) {
      await this.deps.secrets.delete(record.id).catch(() => false);
      throw new AppFailure('metadata_write_failed', `The key was not saved: the console could not write its settings file (${messageOf(error)}).`);
    }
    this.changed();
  }

  private update(id: string, patch: Partial<KeyRecord>): KeyMeta {
    const records = this.deps.metadata.readKeys();
    const found = records.find((r) => r.id === id);
    if (!found) throw new AppFailure('not_found', 'That key no longer exists.');
    const pendingUse = this.pendingLastUsed.get(id);
    const updated = { ...found, ...(pendingUse !== undefined ? { lastUsedAt: new Date(pendingUse).toISOString() } : {}), ...patch };
    try {
      this.deps.metadata.writeKeys(records.map((r) => (r.id === id ? updated : r)));
    } catch (error) {
      throw new AppFailure('metadata_write_failed', `The change was not saved: ${messageOf(error)}`);
    }
    this.changed();
    return this.toMeta(updated, 'keychain');
  }

  private refuseEnvKey(id: string, what: string): void {
    if (id === ENV_KEY_ID) throw new AppFailure('invalid_argument', `The key from HELPLANE_API_KEY comes from the environment and cannot be ${what}.`);
  }

  private nowIso(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }

  /** A change the user made: the renderer hears of it now (a pending "Last used" event is folded in). */
  private changed(): void {
    this.usageEvents.cancel();
    this.emitChanged();
  }

  private emitChanged(): void {
    this.deps.events.emit(EVENT_CHANNELS.keysChanged, { keys: this.list() });
  }

  private toMeta(r: KeyRecord, source: 'keychain' | 'environment'): KeyMeta {
    return {
      id: r.id,
      name: r.name,
      environment: r.environment,
      baseUrl: displayBaseUrl(r, this.deps.sandbox),
      prefix: r.prefix,
      createdAt: r.createdAt,
      lastUsedAt: r.lastUsedAt,
      status: r.status,
      workspaceId: r.workspaceId,
      source,
      lastCheckedAt: r.lastCheckedAt ?? null,
      serverLastUsedAt: r.serverLastUsedAt ?? null,
    };
  }
}

/** Would `patch` change anything in `record`? */
function patchChanges(record: KeyRecord, patch: Partial<KeyRecord>): boolean {
  for (const k in patch) if (record[k as keyof KeyRecord] !== patch[k as keyof KeyRecord]) return true;
  return false;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
}
