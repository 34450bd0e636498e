import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsUpdate } from '../../../src-preload/contract';
import { AppFailure } from '../../lib/errors';
import { keepAside } from '../../lib/keep-aside';
import { writeFailureReason } from '../../lib/write-failure';
import type { JsonDocument } from '../../ports';

/**
 * The user's settings, kept in the data dir; a damaged file falls back to the defaults field by
 * field, and is kept aside rather than overwritten (one that does not parse, by the document).
 */
export class SettingsService {
  private current: Settings;

  constructor(private readonly store: JsonDocument) {
    const raw = store.read();
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    let dropped = raw !== undefined && (raw === null || typeof raw !== 'object' || Array.isArray(raw));
    if (raw && typeof raw === 'object') {
      for (const [k, v] of Object.entries(raw)) {
        const field = SettingsSchema.shape[k as keyof Settings] as { safeParse(v: unknown): { success: boolean } } | undefined;
        if (field?.safeParse(v).success) merged[k] = v;
        // A bad value of a known field sets the file aside; an unknown field (another version's) does not.
        else if (field) dropped = true;
      }
    }
    this.current = SettingsSchema.parse(merged);
    if (dropped) keepAside(store, this.current);
  }

  get(): Settings {
    return { ...this.current };
  }

  /** A field given as undefined is a field not given (as in JSON, which the web host speaks). Applied only once on disk. */
  update(patch: SettingsUpdate): Settings {
    const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next = SettingsSchema.parse({ ...this.current, ...given });
    try {
      this.store.write(next);
    } catch (error) {
      throw new AppFailure('settings_write_failed', `Your settings were not changed: settings.json could not be saved because ${writeFailureReason(error)}. Make the data folder writable, then try again.`);
    }
    this.current = next;
    return this.get();
  }
}
