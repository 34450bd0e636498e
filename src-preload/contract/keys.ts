import { z } from 'zod';
import { KeyMetaSchema } from './schemas';

const KeyId = z.string().min(1).max(128);
const Name = z.string().trim().min(1, 'Give the key a name.').max(200);

export const KeyIdInputSchema = z.strictObject({ id: KeyId });
export const RenameKeyInputSchema = z.strictObject({ id: KeyId, name: Name });
export const CreateKeyInputSchema = z.strictObject({ name: Name });

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

export const DeleteResultSchema = z.object({ deleted: z.boolean() });
