import { z } from 'zod';

/** Settings: what the user chose, and the defaults before they choose. */

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;

export const ProxyModeSchema = z.enum(['system', 'env', 'none']);
export type ProxyMode = z.infer<typeof ProxyModeSchema>;

export const RedirectPolicySchema = z.enum(['follow-without-key', 'refuse']);
export type RedirectPolicy = z.infer<typeof RedirectPolicySchema>;

export const SettingsSchema = z.object({
  theme: ThemeSchema,
  /** Headers and body timeout, seconds. */
  requestTimeoutSeconds: z.number().int().min(1).max(600),
  /** Largest decoded response body kept, MB. */
  maxResponseMb: z.number().int().min(1).max(1024),
  autoRetryOn429: z.boolean(),
  /** How many times a request is sent in all when each answer is 429 (the first send included). */
  autoRetryMaxAttempts: z.number().int().min(2).max(10),
  proxyMode: ProxyModeSchema,
  redirectPolicy: RedirectPolicySchema,
  /** Inspector views and exports show emails, phone numbers and names masked (safe for screen sharing). */
  maskPersonalData: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsUpdateSchema = SettingsSchema.partial().strict();
export type SettingsUpdate = z.infer<typeof SettingsUpdateSchema>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  requestTimeoutSeconds: 30,
  maxResponseMb: 100,
  autoRetryOn429: false,
  autoRetryMaxAttempts: 3,
  proxyMode: 'system',
  redirectPolicy: 'refuse',
  maskPersonalData: false,
};
