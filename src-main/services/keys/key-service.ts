import { randomUUID } from 'node:crypto';
import type { AddKeyInput, CreatedKey, EditKeyInput, KeyMeta, KeyOptionsInput, RevokeResult } from '../../../src-preload/contract';
import type { HttpTransport, KeyRecord, SandboxRunner, SecretStore } from '../../ports';
import { AppFailure } from '../../lib/errors';
import { PRODUCTION_BASE_URL, normaliseCustomBaseUrl } from '../../helplane/environments';
import { checkKeyFormat, describeFormatFault, keyPrefix, redactKeys } from '../../helplane/key-format';
import { ENV_KEY_ID } from './env-key';
import { resolveKeyOrigin } from './key-origin';
import type { KeyRecords } from './key-records';
import { reconcileKeychain } from './keychain-reconcile';
import { statusFromReply, verifyKey, type Verification } from './key-verifier';
import { SANDBOX_WORKSPACE, type SandboxAdmin } from './sandbox-admin';

export interface KeyServiceDeps {
  secrets: SecretStore;
  records: KeyRecords;
  transport: HttpTransport;
  sandbox: SandboxRunner;
  admin: SandboxAdmin;
}

/** Printable ASCII without spaces: what any API key can reasonably be. */
const GENERIC_KEY = /^[\x21-\x7e]{8,512}$/;

function checkSecretOffline(environment: KeyRecord['environment'], secret: string): void {
  // A Helplane-looking key is told which character is wrong (it is never one of the key's own: only letters and digits are).
  const fault = environment === 'custom' ? null : describeFormatFault(secret);
  if (fault) throw new AppFailure('invalid_key_format', fault);
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

/**
 * A key's name is shown everywhere (tables, pickers, History, the access log, reports): a key pasted
 * into it by mistake would be shown with it. Refused in words, before anything is stored.
 */
function checkKeyName(name: string): string {
  const trimmed = name.trim();
  if (redactKeys(trimmed) !== trimmed) throw new AppFailure('invalid_argument', 'The name holds an API key. Give the key a name such as “Support bot”; the key itself goes in the API key field.');
  return trimmed;
}

/** The key manager's operations on one key. Listing never touches the keychain. */
export class KeyService {
  constructor(private readonly deps: KeyServiceDeps) {}

  list(): KeyMeta[] {
    return this.deps.records.list();
  }

  /** The stored record of a key (key-records.ts). */
  find(id: string): KeyRecord {
    return this.deps.records.find(id);
  }

  /** Record a use of the key (key-records.ts). */
  touch(id: string, patch: Partial<Pick<KeyRecord, 'status' | 'workspaceId'>> = {}, known?: KeyRecord): void {
    this.deps.records.touch(id, patch, known);
  }

  /** Write pending "Last used" times now (the hosts call it on shutdown). */
  flush(): void {
    this.deps.records.flush();
  }

  /** Start-up and explicit refresh: the keychain and the metadata agree again (keychain-reconcile.ts). */
  async reconcile(): Promise<KeyMeta[]> {
    await reconcileKeychain(this.deps.secrets, this.deps.records);
    return this.list();
  }

  /**
   * Add key. `options` serve a rotation: the id the plan chose beforehand, and `accept`, which sees
   * the server's answer before anything is stored and throws to refuse the key.
   */
  async add(input: AddKeyInput, options: { id?: string; accept?: (verification: Verification) => void } = {}): Promise<KeyMeta> {
    const { records } = this.deps;
    const name = checkKeyName(input.name);
    const baseUrl =
      input.environment === 'custom' ? normaliseCustomBaseUrl(input.baseUrl) : input.environment === 'production' ? PRODUCTION_BASE_URL : null;
    const secret = input.secret.trim();
    checkSecretOffline(input.environment, secret);
    const origin = await resolveKeyOrigin({ environment: input.environment, baseUrl }, this.deps.sandbox);
    const verification = await verifyKey(this.deps.transport, origin, secret);
    options.accept?.(verification);
    const record: KeyRecord = {
      id: options.id ?? newKeyId(),
      name,
      environment: input.environment,
      baseUrl,
      prefix: keyPrefix(secret),
      createdAt: records.nowIso(),
      lastUsedAt: null,
      status: verification.status,
      workspaceId: verification.workspaceId,
      lastCheckedAt: records.nowIso(),
      statusReason: verification.reason,
    };
    await this.store(record, secret);
    return records.toMeta(record);
  }

  /**
   * A new sandbox key via the admin routes; in the keychain before the secret is returned once.
   * A rotation passes the id its plan chose and the name the key has here until the references move.
   */
  async create(name: string, options: { id?: string; localName?: string } = {}): Promise<CreatedKey> {
    const { records, admin } = this.deps;
    const created = await admin.create(checkKeyName(name), SANDBOX_WORKSPACE);
    const record: KeyRecord = {
      id: options.id ?? newKeyId(),
      name: options.localName ?? created.name,
      environment: 'sandbox',
      baseUrl: null,
      prefix: created.prefix,
      createdAt: records.nowIso(),
      lastUsedAt: null,
      status: 'active',
      workspaceId: SANDBOX_WORKSPACE,
      serverKeyId: created.id,
      lastCheckedAt: records.nowIso(),
    };
    try {
      await this.store(record, created.secret);
    } catch (error) {
      // Not kept here: revoke it on the server so no usable key exists that nobody holds.
      await admin.revoke(created.id).catch(() => undefined);
      throw error;
    }
    return { key: records.toMeta(record), secret: created.secret };
  }

  /** One cheap authenticated call; the status and the time of the check are saved. */
  async test(id: string): Promise<KeyMeta> {
    const { records } = this.deps;
    const record = this.find(id);
    const secret = await this.deps.secrets.get(record.id);
    if (secret === null) return records.update(id, { status: 'missing_secret', lastCheckedAt: records.nowIso() });
    const origin = await resolveKeyOrigin(record, this.deps.sandbox);
    const v = await verifyKey(this.deps.transport, origin, secret);
    return records.update(id, { status: v.status, statusReason: v.reason, lastCheckedAt: records.nowIso(), workspaceId: v.workspaceId ?? record.workspaceId });
  }

  /**
   * A reply to a request with this key said what the key is (statusFromReply: a 401 revoked or
   * invalid, a 2xx active): saved and announced at once, so the table and pickers agree with it.
   */
  noteReplyStatus(id: string, httpStatus: number, body: string): void {
    const learned = statusFromReply(httpStatus, body);
    if (learned === null) return;
    const { records } = this.deps;
    const record = records.withPendingUse(this.find(id));
    // A missing secret is the keychain's business, not the server's; an unchanged status needs no write.
    if (record.status === learned || record.status === 'missing_secret') return;
    records.update(id, { status: learned, statusReason: null, lastCheckedAt: records.nowIso() });
  }

  rename(id: string, name: string): KeyMeta {
    refuseEnvKey(id, 'renamed');
    return this.deps.records.update(id, { name: checkKeyName(name) });
  }

  /** Details: Read only and the rotation reminder (the key from HELPLANE_API_KEY too, for this run). */
  setOptions(input: KeyOptionsInput): KeyMeta {
    this.find(input.id);
    const patch: Partial<KeyRecord> = {};
    if (input.readOnly !== undefined) patch.readOnly = input.readOnly;
    if (input.rotationReminderDays !== undefined) patch.rotationReminderDays = input.rotationReminderDays;
    return this.deps.records.update(input.id, patch);
  }

  /**
   * Edit key: where the key is sent. The user's explicit act, so the key goes to the new origin
   * from now on (and only there); the secret must fit the environment, as in Add key. Changing
   * where it goes makes what the old server said of it stale: status unverified, workspace unknown.
   */
  async edit(input: EditKeyInput): Promise<KeyMeta> {
    refuseEnvKey(input.id, 'edited (change HELPLANE_BASE_URL instead)');
    const record = this.find(input.id);
    const baseUrl = input.environment === 'custom' ? normaliseCustomBaseUrl(input.baseUrl) : input.environment === 'production' ? PRODUCTION_BASE_URL : null;
    const secret = await this.deps.secrets.get(record.id);
    if (secret === null) throw new AppFailure('secret_missing', 'The keychain no longer holds this key, so its environment cannot be checked. Add it again.');
    checkSecretOffline(input.environment, secret);
    if (input.environment === record.environment && baseUrl === record.baseUrl && !record.environmentUnknown) return this.deps.records.toMeta(this.deps.records.withPendingUse(record));
    return this.deps.records.update(record.id, {
      environment: input.environment,
      baseUrl,
      environmentUnknown: undefined,
      status: 'unverified',
      workspaceId: null,
      serverKeyId: null,
      lastCheckedAt: null,
    });
  }

  /** Sandbox: revoked server-side. Production and custom: only the dashboard can, so say so. */
  async revoke(id: string): Promise<RevokeResult> {
    refuseEnvKey(id, 'revoked here');
    const { records } = this.deps;
    const record = this.find(id);
    if (record.environment !== 'sandbox') {
      return {
        key: records.toMeta(records.withPendingUse(record)),
        revokedOnServer: false,
        message:
          record.environmentUnknown
            ? 'This recovered key can only be revoked where it was issued (the Helplane dashboard or its own server). You can delete it from this computer.'
            : record.environment === 'production'
            ? 'Production keys are revoked in the Helplane dashboard (Settings > API). You can delete this key from this computer.'
            : 'Keys of a custom server are revoked on that server. You can delete this key from this computer.',
      };
    }
    const serverId = record.serverKeyId ?? (await this.findServerId(record));
    if (!serverId) throw new AppFailure('not_found', 'The sandbox does not know this key (it may have been reset). Delete it from this computer instead.');
    await this.deps.admin.revoke(serverId, record.workspaceId ?? SANDBOX_WORKSPACE);
    const key = records.update(id, { status: 'revoked', serverKeyId: serverId, lastCheckedAt: records.nowIso() });
    return { key, revokedOnServer: true, message: 'The key is revoked: the next request with it gets 401 revoked_api_key.' };
  }

  /** Removes the keychain entry and the metadata (the caller has confirmed). */
  async delete(id: string): Promise<{ deleted: boolean }> {
    refuseEnvKey(id, 'deleted here (unset HELPLANE_API_KEY instead)');
    this.find(id);
    await this.deps.secrets.delete(id);
    this.deps.records.remove(id);
    return { deleted: true };
  }

  private async findServerId(record: KeyRecord): Promise<string | null> {
    const server = await this.deps.admin.list(record.workspaceId ?? SANDBOX_WORKSPACE);
    const matches = server.filter((s) => s.prefix === record.prefix);
    return matches.length === 1 ? matches[0]!.id : null;
  }

  /** Keychain first, then metadata; undo the first if the second fails. */
  private async store(record: KeyRecord, secret: string): Promise<void> {
    const { records } = this.deps;
    await this.deps.secrets.set(record.id, secret);
    try {
      records.write([...records.read(), record], (message) => `The key was not saved: the console could not write its settings file (${message}).`);
    } catch (error) {
      await this.deps.secrets.delete(record.id).catch(() => false);
      throw error;
    }
    records.changed();
  }
}

/** The id of a key stored here (never derived from its secret). */
export function newKeyId(): string {
  return `key_${randomUUID()}`;
}

function refuseEnvKey(id: string, what: string): void {
  if (id === ENV_KEY_ID) throw new AppFailure('invalid_argument', `The key from HELPLANE_API_KEY comes from the environment and cannot be ${what}.`);
}
