import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsUpdate } from '../../../src-preload/contract';
import type { JsonDocument } from '../../ports';

/** The user's settings, kept in the data dir; a damaged file falls back to the defaults field by field. */
export class SettingsService {
  private current: Settings;

  constructor(private readonly store: JsonDocument) {
    const raw = store.read();
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    if (raw && typeof raw === 'object') {
      for (const [k, v] of Object.entries(raw)) {
        const field = SettingsSchema.shape[k as keyof Settings] as { safeParse(v: unknown): { success: boolean } } | undefined;
        if (field?.safeParse(v).success) merged[k] = v;
      }
    }
    this.current = SettingsSchema.parse(merged);
  }

  get(): Settings {
    return { ...this.current };
  }

  update(patch: SettingsUpdate): Settings {
    this.current = SettingsSchema.parse({ ...this.current, ...patch });
    this.store.write(this.current);
    return this.get();
  }
}
