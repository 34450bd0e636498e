import { EVENT_NAMES, OPERATIONS, listenerName, type AppError, type DesktopApi, type Result } from '../../../src-preload/contract';

/**
 * The only reader of `window.helplane`. Components never touch it: they call store actions,
 * which call this. Tests swap in a fake with `setDesktopApiForTests`.
 */
let override: DesktopApi | null = null;

const MISSING: AppError = {
  code: 'internal_error',
  message: 'The console bridge is missing: open this page from Helplane Console (or `npm run web`), not directly.',
};

function missingResult<T>(): Promise<Result<T>> {
  return Promise.resolve({ ok: false, error: MISSING });
}

/** Used when the page runs without a preload or web shim, so the UI shows words rather than crashing. */
const missingApi = Object.fromEntries([
  ...OPERATIONS.map((op) => [op, () => missingResult()]),
  ...EVENT_NAMES.map((event) => [listenerName(event), () => () => {}]),
]) as DesktopApi;

/** The bridge to the main process (or the test fake). */
export function getDesktopApi(): DesktopApi {
  if (override) return override;
  // globalThis rather than window: this module is also type-checked and run under Node in tests.
  const exposed = (globalThis as { helplane?: DesktopApi }).helplane;
  return exposed ?? missingApi;
}

/** Replace the bridge (tests only); `null` restores the real one. */
export function setDesktopApiForTests(api: DesktopApi | null): void {
  override = api;
}
