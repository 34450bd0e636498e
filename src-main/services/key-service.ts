import { randomUUID } from 'node:crypto';
import type { AddKeyInput, KeyMeta } from '../../src-preload/contract';
import { EVENT_CHANNELS } from '../../src-preload/contract';
import type { Clock, EventSink, HttpTransport, KeyRecord, MetadataStore, SandboxRunner, SecretStore } from '../ports';
import { PRODUCTION_BASE_URL, normaliseCustomBaseUrl } from '../helplane/environments';
import { checkKeyFormat, keyPrefix } from '../helplane/key-format';
import { displayBaseUrl, resolveKeyOrigin } from './environment-resolver';
import { AppFailure } from './errors';
import { verifyKey } from './key-verifier';

export interface KeyServiceDeps {
  secrets: SecretStore;
  metadata: MetadataStore;
  transport: HttpTransport;
  sandbox: SandboxRunner;
  clock: Clock;
  events: EventSink;
}

/** Printable ASCII without spaces: what any API key can reasonably be. */
const GENERIC_KEY = /^[\x21-\x7e]{8,512}$/;

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
  constructor(private readonly deps: KeyServiceDeps) {}

  list(): KeyMeta[] {
    return this.deps.metadata.readKeys().map((r) => this.toMeta(r));
  }

  find(id: string): KeyRecord {
    const record = this.deps.metadata.readKeys().find((r) => r.id === id);
    if (!record) throw new AppFailure('not_found', 'That key no longer exists. Pick another key.');
    return record;
  }

  async add(input: AddKeyInput): Promise<KeyMeta> {
    const { secrets, metadata, transport, sandbox, clock } = this.deps;
    const baseUrl =
      input.environment === 'custom'
        ? normaliseCustomBaseUrl(input.baseUrl)
        : input.environment === 'production'
          ? PRODUCTION_BASE_URL
          : null;
    const secret = input.secret.trim();
    checkSecretOffline(input.environment, secret);

    const origin = await resolveKeyOrigin({ environment: input.environment, baseUrl }, sandbox);
    const verification = await verifyKey(transport, origin, secret);

    const record: KeyRecord = {
      id: `key_${randomUUID()}`,
      name: input.name.trim(),
      environment: input.environment,
      baseUrl,
      prefix: keyPrefix(secret),
      createdAt: new Date(clock.now()).toISOString(),
      lastUsedAt: null,
      status: verification.status,
      workspaceId: verification.workspaceId,
    };
    // Keychain first, then metadata; undo the first if the second fails.
    await secrets.set(record.id, secret);
    try {
      metadata.writeKeys([...metadata.readKeys(), record]);
    } catch (error) {
      await secrets.delete(record.id).catch(() => false);
      throw new AppFailure(
        'metadata_write_failed',
        `The key was not saved: the console could not write its settings file (${error instanceof Error ? error.message : 'unknown error'}).`,
      );
    }
    this.changed();
    return this.toMeta(record);
  }

  /** Record a use of the key (the time shown as "Last used"). */
  touch(id: string, patch: Partial<Pick<KeyRecord, 'status' | 'workspaceId'>> = {}): void {
    const now = new Date(this.deps.clock.now()).toISOString();
    const keys = this.deps.metadata.readKeys().map((r) => (r.id === id ? { ...r, ...patch, lastUsedAt: now } : r));
    this.deps.metadata.writeKeys(keys);
    this.changed();
  }

  private changed(): void {
    this.deps.events.emit(EVENT_CHANNELS.keysChanged, { keys: this.list() });
  }

  private toMeta(r: KeyRecord): KeyMeta {
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
    };
  }
}
