import type { KeyMeta } from '../../../src-preload/contract';
import type { Clock, EventSink, KeyRecord, MetadataStore, SandboxRunner } from '../../ports';
import { AppFailure } from '../../lib/errors';
import { throttle } from '../../lib/event-throttle';
import type { WriteListener } from '../../lib/retry-backoff';
import { ENV_KEY_ID } from './env-key';
import { displayBaseUrl } from './key-origin';
import { LastUsedBuffer } from './last-used';

/** At most one keys-changed event for "Last used" this often (the first of a quiet spell goes at once). */
export const KEYS_EVENT_MS = 250;

export interface KeyRecordsDeps {
  metadata: MetadataStore;
  sandbox: SandboxRunner;
  clock: Clock;
  events: EventSink;
  /** The key from HELPLANE_API_KEY, if any: listed, usable, never stored (see env-key.ts). */
  environmentKey?: KeyRecord | null;
  /** Told how writing "Last used" times went (on failure they stay in memory and are retried). */
  lastUsedWrites?: WriteListener;
}

/**
 * The keys this console knows: the metadata file (never a secret), the environment's key held in
 * memory, and "Last used" times not yet written. Every change tells the renderer (keys-changed).
 */
export class KeyRecords {
  /** HELPLANE_API_KEY: held in memory only, never written to the keychain or metadata. */
  private envKey: KeyRecord | null;
  private readonly lastUsed: LastUsedBuffer;
  /** "Last used" changes are sent to the renderer at most every KEYS_EVENT_MS (see touch). */
  private readonly usageEvents = throttle(() => this.emitChanged(), KEYS_EVENT_MS);

  constructor(private readonly deps: KeyRecordsDeps) {
    this.envKey = deps.environmentKey ?? null;
    this.lastUsed = new LastUsedBuffer((times) => {
      const keys = this.deps.metadata.readKeys();
      if (keys.some((r) => times.has(r.id))) {
        this.deps.metadata.writeKeys(keys.map((r) => (times.has(r.id) ? { ...r, lastUsedAt: new Date(times.get(r.id)!).toISOString() } : r)));
      }
    }, deps.lastUsedWrites);
  }

  /** The records on disk, as written (no pending "Last used"). */
  read(): KeyRecord[] {
    return this.deps.metadata.readKeys();
  }

  /** Replace the records on disk; `failure` words the error if the file cannot be written. */
  write(records: KeyRecord[], failure?: (message: string) => string): void {
    try {
      this.deps.metadata.writeKeys(records);
    } catch (error) {
      if (!failure) throw error;
      throw new AppFailure('metadata_write_failed', failure(messageOf(error)));
    }
  }

  /** Stored records with the pending "Last used" times laid over them. */
  private stored(): KeyRecord[] {
    const keys = this.deps.metadata.readKeys();
    if (this.lastUsed.size === 0) return keys;
    return keys.map((r) => this.withPendingUse(r));
  }

  /** A record with its pending "Last used" time, if it has one. */
  withPendingUse(r: KeyRecord): KeyRecord {
    const used = this.lastUsed.get(r.id);
    return used === undefined ? r : { ...r, lastUsedAt: new Date(used).toISOString() };
  }

  list(): KeyMeta[] {
    const stored = this.stored().map((r) => this.toMeta(r));
    return this.envKey ? [...stored, this.toMeta(this.envKey)] : stored;
  }

  /**
   * The stored record of a key (the request path looks its key up here on every send). Its
   * lastUsedAt may trail the live value until the pending times are written; list() shows the live one.
   */
  find(id: string): KeyRecord {
    if (this.envKey && id === ENV_KEY_ID) return this.envKey;
    const record = this.deps.metadata.readKeys().find((r) => r.id === id);
    if (!record) throw new AppFailure('not_found', 'That key no longer exists. Pick another key.');
    return record;
  }

  /** Apply a patch to one stored key (with its pending "Last used"), or to the environment's key. */
  update(id: string, patch: Partial<KeyRecord>): KeyMeta {
    if (id === ENV_KEY_ID && this.envKey) {
      this.envKey = { ...this.envKey, ...patch };
      this.changed();
      return this.toMeta(this.envKey);
    }
    const records = this.deps.metadata.readKeys();
    const found = records.find((r) => r.id === id);
    if (!found) throw new AppFailure('not_found', 'That key no longer exists.');
    const updated = { ...this.withPendingUse(found), ...patch };
    this.write(
      records.map((r) => (r.id === id ? updated : r)),
      (message) => `The change was not saved: ${message}`,
    );
    this.changed();
    return this.toMeta(updated);
  }

  /** Remove a stored key's record (its secret is already gone from the keychain). */
  remove(id: string): void {
    this.lastUsed.delete(id);
    this.write(
      this.deps.metadata.readKeys().filter((r) => r.id !== id),
      (message) => `The key left the keychain, but its entry could not be removed from the list: ${message}`,
    );
    this.changed();
  }

  /**
   * Record a use of the key (the time shown as "Last used"). The renderer hears of it at once, or
   * within KEYS_EVENT_MS in a burst; the file gets it later (last-used.ts), so the request path
   * never waits on a disk write. `known` is the record the caller just looked up: when the patch
   * changes nothing in it, the metadata file is not read again.
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
      this.lastUsed.set(id, now);
    }
    this.usageEvents.poke();
  }

  /** Write pending "Last used" times now (the hosts call it on shutdown). */
  flush(): void {
    this.lastUsed.flush();
  }

  /** A change the user made: the renderer hears of it now (a pending "Last used" event is folded in). */
  changed(): void {
    this.usageEvents.cancel();
    this.emitChanged();
  }

  nowIso(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }

  toMeta(r: KeyRecord): KeyMeta {
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
      source: r.id === ENV_KEY_ID ? 'environment' : 'keychain',
      lastCheckedAt: r.lastCheckedAt ?? null,
      statusReason: r.statusReason ?? null,
      serverLastUsedAt: r.serverLastUsedAt ?? null,
      ...(r.environmentUnknown ? { environmentUnknown: true } : {}),
      readOnly: r.readOnly === true,
      rotationReminderDays: r.rotationReminderDays ?? null,
      ...(r.replacedBy ? { replacedBy: r.replacedBy } : {}),
    };
  }

  private emitChanged(): void {
    this.deps.events.emit('keysChanged', { keys: this.list() });
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
