import { z } from 'zod';
import { KeyMetaSchema } from './keys';

/** Settings > Reset sandbox: what happened, for the message the user sees. */
export const SandboxResetSchema = z.object({
  /** The seed the sandbox's data was rebuilt from. */
  seed: z.number(),
  /** Sandbox keys of this console the reset made unusable (now marked Invalid); the old demo key is not one: it is replaced. */
  invalidatedKeys: z.number(),
  /** Old "Sandbox demo" keys removed from this computer, because the new one replaces them. */
  replacedDemoKeys: z.number().optional(),
  /** The new "Sandbox demo" key, so the console works at once (null when it could not be made). */
  demoKey: KeyMetaSchema.nullable(),
});
export type SandboxReset = z.infer<typeof SandboxResetSchema>;
