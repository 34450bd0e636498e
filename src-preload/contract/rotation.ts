import { z } from 'zod';
import { KeyIdSchema } from './common';

/**
 * Key rotation (issue 19): a sandbox key is rotated by main on its own (create, test, move the
 * references, revoke now or after an overlap, check the old key is refused); a production or
 * custom key is guided (the user pastes the key made in the dashboard, then revokes the old one
 * there and asks main to confirm it is refused). Each rotation is a plan kept in
 * `rotation.json`, so one that is interrupted resumes or rolls back on the next start.
 */

export const ROTATION_STEPS = ['create', 'test', 'move', 'revoke', 'verify'] as const;
export const RotationStepNameSchema = z.enum(ROTATION_STEPS);
export type RotationStepName = z.infer<typeof RotationStepNameSchema>;

export const RotationStepStateSchema = z.enum(['done', 'current', 'waiting', 'failed', 'pending']);

export const RotationStepSchema = z.object({
  step: RotationStepNameSchema,
  /** What the step does, in words ("Create the replacement on the sandbox"). */
  label: z.string(),
  state: RotationStepStateSchema,
  /** What happened or what it waits for, when there is something to say. */
  detail: z.string().nullable(),
});
export type RotationStep = z.infer<typeof RotationStepSchema>;

export const RotationViewSchema = z.object({
  id: z.string(),
  mode: z.enum(['automatic', 'guided']),
  /** The key being replaced (renamed "<name> (rotated <date>)" once the references moved). */
  oldKeyId: z.string(),
  /** Its name when the rotation began: the replacement takes it. */
  name: z.string(),
  /** The replacement, once it is stored here. */
  newKeyId: z.string().nullable(),
  /** When the old key is revoked (automatic, with an overlap); null: at once, or by the user (guided). */
  revokeAt: z.string().nullable(),
  steps: z.array(RotationStepSchema),
  /** running: main is at it; waiting: for the overlap or the user; failed: stopped, Retry resumes; done; rolled_back. */
  state: z.enum(['running', 'waiting', 'failed', 'done', 'rolled_back']),
  /** One sentence on where it stands, for the dialog and the row. */
  message: z.string(),
});
export type RotationView = z.infer<typeof RotationViewSchema>;

/** Overlaps offered for a sandbox key, in hours (0: revoke at once); at most 30 days. */
export const MAX_OVERLAP_HOURS = 720;

export const RotateInputSchema = z.strictObject({
  id: KeyIdSchema,
  /** Hours the old key keeps working after the references moved (automatic only). */
  overlapHours: z.number().int().min(0).max(MAX_OVERLAP_HOURS).default(0),
});
export type RotateInput = z.input<typeof RotateInputSchema>;

export const RotateGuidedInputSchema = z.strictObject({
  id: KeyIdSchema,
  /** The replacement made in the Helplane dashboard (or on the custom server), pasted once. */
  secret: z.string().min(1, 'Paste the new key.').max(512, 'That is longer than any API key.'),
});
export type RotateGuidedInput = z.infer<typeof RotateGuidedInputSchema>;

export const RotationIdInputSchema = z.strictObject({ id: z.string().min(1).max(64) });

export const RotationsSchema = z.object({
  /** Rotations under way or waiting, and the ones that ended in this run of the console (done, rolled back). */
  rotations: z.array(RotationViewSchema),
});
export type Rotations = z.infer<typeof RotationsSchema>;

/** Main moved every reference from one key to another: the window moves its own (open tabs, their saved versions). */
export const KeyReferencesMovedSchema = z.object({ from: z.string(), to: z.string() });
