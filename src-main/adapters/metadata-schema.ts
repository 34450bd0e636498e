import { z } from 'zod';
import { ruleAbidingPrefix } from '../helplane/key-format';
import type { KeyRecord } from '../ports';

export const METADATA_VERSION = 1;

export const KeyRecordSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  environment: z.enum(['production', 'sandbox', 'custom']),
  baseUrl: z.string().nullable(),
  // Older consoles stored the first 12 characters of any key: cut on every read and write.
  prefix: z.string().transform(ruleAbidingPrefix),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  status: z.enum(['active', 'revoked', 'invalid', 'plan_not_eligible', 'unverified', 'missing_secret']),
  workspaceId: z.string().nullable(),
  serverKeyId: z.string().nullable().optional(),
  lastCheckedAt: z.string().nullable().optional(),
  statusReason: z.string().max(1000).nullable().optional(),
  serverLastUsedAt: z.string().nullable().optional(),
  // Older consoles drop this field and read the key as custom with no base URL: still sent nowhere.
  environmentUnknown: z.boolean().optional(),
  readOnly: z.boolean().optional(),
  rotationReminderDays: z.number().int().min(1).max(3650).nullable().optional(),
  replacedBy: z.string().max(128).nullable().optional(),
}) satisfies z.ZodType<KeyRecord>;

/** The keys file: metadata only. A secret never has a field here. */
export const MetadataFileSchema = z.object({
  version: z.literal(METADATA_VERSION),
  keys: z.array(KeyRecordSchema),
  flags: z.record(z.string(), z.boolean()).default({}),
});
export type MetadataFile = z.infer<typeof MetadataFileSchema>;
