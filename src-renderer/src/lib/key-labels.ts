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

/** "Sandbox demo · hl_test_3fA9 · Sandbox" for the Key picker. */
export function keyOptionLabel(key: Pick<KeyMeta, 'name' | 'prefix' | 'environment'>): string {
  return `${key.name} · ${key.prefix} · ${ENVIRONMENT_LABELS[key.environment]}`;
}
