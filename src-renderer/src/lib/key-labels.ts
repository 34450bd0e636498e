import type { EnvironmentKind, KeyMeta, KeyStatus } from '../../../src-preload/contract';

/** Words for each key status; a Record so a new status in the contract fails the type-check here. */
export const KEY_STATUS_LABELS: Record<KeyStatus, string> = {
  active: 'Active',
  revoked: 'Revoked',
  invalid: 'Invalid',
  plan_not_eligible: 'Plan not eligible',
  unverified: 'Unverified',
  missing_secret: 'Missing secret',
};

export const ENVIRONMENT_LABELS: Record<EnvironmentKind, string> = {
  sandbox: 'Sandbox',
  production: 'Production',
  custom: 'Custom',
};

/** Order of the Environment choices in the Add key dialog. */
export const ENVIRONMENT_CHOICES: readonly EnvironmentKind[] = ['sandbox', 'production', 'custom'];

export function keyStatusLabel(status: KeyStatus): string {
  return KEY_STATUS_LABELS[status] ?? status;
}

/** Statuses a request cannot succeed with: the server refuses the key, or the keychain lost it. */
const UNUSABLE: ReadonlySet<KeyStatus> = new Set<KeyStatus>(['revoked', 'invalid', 'plan_not_eligible', 'missing_secret']);

/**
 * Whether a key may be offered for Send (Unverified may: it was only not checked). Not a recovered
 * key whose environment is unknown: main refuses it (key_environment_unknown) until Edit assigns one.
 */
export function isUsableKey(key: Pick<KeyMeta, 'status'> & Partial<Pick<KeyMeta, 'environmentUnknown'>>): boolean {
  return !UNUSABLE.has(key.status) && key.environmentUnknown !== true;
}

/** Whether pickers list a key at all: a key of unknown environment is only on the Keys page (Edit). */
export function isPickable(key: Partial<Pick<KeyMeta, 'environmentUnknown'>>): boolean {
  return key.environmentUnknown !== true;
}

/** "Sandbox demo · hl_test_3fA9 · Sandbox" for the Key picker; a status other than Active is added ("… · Revoked"). */
export function keyOptionLabel(key: Pick<KeyMeta, 'name' | 'prefix' | 'environment'> & Partial<Pick<KeyMeta, 'status' | 'readOnly'>>): string {
  const label = `${key.name} · ${key.prefix} · ${ENVIRONMENT_LABELS[key.environment]}${key.readOnly ? ' · Read only' : ''}`;
  return key.status && key.status !== 'active' ? `${label} · ${keyStatusLabel(key.status)}` : label;
}

/** Why Send is off with this key, and what to do. */
export function unusableKeyMessage(key: Pick<KeyMeta, 'name' | 'status'> & Partial<Pick<KeyMeta, 'environmentUnknown'>>): string {
  const status = keyStatusLabel(key.status);
  if (key.environmentUnknown === true) return `“${key.name}” was recovered from the keychain and its environment is unknown: choose Edit on the Keys page and set it.`;
  return key.status === 'missing_secret'
    ? `“${key.name}” has no secret in the keychain: pick another key, or delete it and add it again on the Keys page.`
    : `“${key.name}” is ${status}: the server refuses it. Pick another key, or add a working one on the Keys page.`;
}

/** Unverified is never shown bare: what stopped the check (main's words), or that none was made yet. */
export function unverifiedReason(reason: string | null | undefined): string {
  return reason?.trim() ? reason : 'Not checked yet: press Test to check it with its server.';
}
