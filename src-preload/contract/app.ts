import { z } from 'zod';

/** App info: which host, which sandbox, whether the keychain works. */

export const AppHostSchema = z.enum(['electron', 'web']);
export type AppHost = z.infer<typeof AppHostSchema>;

export const SandboxStateSchema = z.enum(['starting', 'ready', 'failed', 'stopped']);
export type SandboxState = z.infer<typeof SandboxStateSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  host: AppHostSchema,
  platform: z.string(),
  sandbox: z.object({
    state: SandboxStateSchema,
    baseUrl: z.string().nullable(),
    message: z.string().nullable(),
    /** Where the embedded sandbox keeps its data (null: not known, e.g. an external sandbox). */
    dataDir: z.string().nullable().optional(),
  }),
  /** The console's own data folder: key metadata, History, settings, logs. */
  dataDir: z.string().optional(),
  keychain: z.object({
    available: z.boolean(),
    message: z.string().nullable(),
  }),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;
