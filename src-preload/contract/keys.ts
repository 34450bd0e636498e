import { z } from 'zod';
import { KeyIdSchema, MAX_PATH } from './common';

/** Keys: what the renderer may know of a key, the operations on one and the keys-changed event. */

const MAX_NAME = 200;
/** Generous upper bound for a pasted secret; real keys are 47 characters. */
const MAX_SECRET = 512;

const KeyNameSchema = z.string().trim().min(1, 'Give the key a name.').max(MAX_NAME);

export const EnvironmentKindSchema = z.enum(['production', 'sandbox', 'custom']);
export type EnvironmentKind = z.infer<typeof EnvironmentKindSchema>;

export const KeyStatusSchema = z.enum([
  'active',
  'revoked',
  'invalid',
  'plan_not_eligible',
  'unverified',
  'missing_secret',
]);
export type KeyStatus = z.infer<typeof KeyStatusSchema>;

/** Where a key's secret lives. */
export const KeySourceSchema = z.enum(['keychain', 'environment']);
export type KeySource = z.infer<typeof KeySourceSchema>;

/** What the renderer may know about a key: everything except the secret. */
export const KeyMetaSchema = z.object({
  id: z.string(),
  name: z.string(),
  environment: EnvironmentKindSchema,
  baseUrl: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  status: KeyStatusSchema,
  workspaceId: z.string().nullable(),
  /** `environment`: from HELPLANE_API_KEY, usable but never stored. */
  source: KeySourceSchema.optional(),
  /** When Test (or adding) last asked the server about this key. */
  lastCheckedAt: z.string().nullable().optional(),
  /** Why the status is what it is when that is not plain: an Unverified key says what stopped the check. */
  statusReason: z.string().nullable().optional(),
  /** The server's own last_used_at (sandbox keys), accurate to 60 s. */
  serverLastUsedAt: z.string().nullable().optional(),
  /**
   * A recovered key whose environment cannot be known: listed, but Test, Send and the Inspector
   * refuse it until the user assigns one (Edit key). Its `environment` then means nothing.
   */
  environmentUnknown: z.boolean().optional(),
  /** Main refuses every request but GET and HEAD with this key (Details → Read only). */
  readOnly: z.boolean().optional(),
  /** Details → Remind me to rotate after (days from Created); null: no reminder. */
  rotationReminderDays: z.number().nullable().optional(),
  /** A rotation moved this key's references to that key (its replacement): never picked by default. */
  replacedBy: z.string().nullable().optional(),
});
export type KeyMeta = z.infer<typeof KeyMetaSchema>;

export const AddKeyInputSchema = z.strictObject({
  name: KeyNameSchema,
  environment: EnvironmentKindSchema,
  /** Only for `custom`: https, or http on a loopback address. */
  baseUrl: z.string().max(MAX_PATH).optional(),
  secret: z.string().min(1, 'Paste the API key.').max(MAX_SECRET),
});
export type AddKeyInput = z.infer<typeof AddKeyInputSchema>;

export const KeyIdInputSchema = z.strictObject({ id: KeyIdSchema });
export const RenameKeyInputSchema = z.strictObject({ id: KeyIdSchema, name: KeyNameSchema });
export const CreateKeyInputSchema = z.strictObject({ name: KeyNameSchema });

/**
 * Edit key: the environment and, for `custom`, the base URL a key is sent to. Always an explicit
 * act of the user (the key then goes to that origin only); main checks the URL and the key's format.
 */
export const EditKeyInputSchema = z
  .strictObject({
    id: KeyIdSchema,
    environment: EnvironmentKindSchema,
    baseUrl: z.string().trim().max(MAX_PATH).optional(),
  })
  .refine((v) => v.environment !== 'custom' || (v.baseUrl ?? '') !== '', { message: 'Give the base URL of the custom server.', path: ['baseUrl'] })
  .refine((v) => v.environment === 'custom' || v.baseUrl === undefined, { message: 'Only a custom server has a base URL of its own.', path: ['baseUrl'] });
export type EditKeyInput = z.infer<typeof EditKeyInputSchema>;

/**
 * The ONLY reply type that carries a secret: the sandbox key just created, for the "shown once"
 * dialog. It is already in the keychain when this reply leaves main; nothing stores it again.
 */
export const CreatedKeySchema = z.object({ key: KeyMetaSchema, secret: z.string() });
export type CreatedKey = z.infer<typeof CreatedKeySchema>;

export const RevokeResultSchema = z.object({
  key: KeyMetaSchema,
  /** False for production and custom keys: revocation happens in the Helplane dashboard. */
  revokedOnServer: z.boolean(),
  message: z.string(),
});
export type RevokeResult = z.infer<typeof RevokeResultSchema>;

/** A key's Details: Read only, and the rotation reminder (null turns it off). Absent fields stay as they are. */
export const KeyOptionsInputSchema = z.strictObject({
  id: KeyIdSchema,
  readOnly: z.boolean().optional(),
  rotationReminderDays: z.number().int('Give a whole number of days.').min(1, 'Give at least 1 day.').max(3650, 'Give at most 3650 days (ten years).').nullable().optional(),
});
export type KeyOptionsInput = z.infer<typeof KeyOptionsInputSchema>;

/** How many days Key usage covers. */
export const KEY_USAGE_DAYS = 30;

/** One day of a key's use from this computer (local date `YYYY-MM-DD`). */
export const KeyUsageDaySchema = z.object({
  date: z.string(),
  requests: z.number().int().nonnegative(),
  /** Replies of 400 and above (429 included) and requests that got no reply. */
  errors: z.number().int().nonnegative(),
  rateLimited: z.number().int().nonnegative(),
});
export const KeyUsageSchema = z.object({
  keyId: z.string(),
  /** KEY_USAGE_DAYS days, oldest first, today last; days without a request are there with zeros. */
  days: z.array(KeyUsageDaySchema),
  /** When this computer last sent with the key (epoch ms), null when never. */
  lastUsedHere: z.number().nullable(),
});
export type KeyUsageView = z.infer<typeof KeyUsageSchema>;

export const DeleteResultSchema = z.object({ deleted: z.boolean() });

/** Event: the key list changed (added, renamed, used, revoked…), sent whole. */
export const KeysChangedEventSchema = z.object({ keys: z.array(KeyMetaSchema) });
export type KeysChangedEvent = z.infer<typeof KeysChangedEventSchema>;
