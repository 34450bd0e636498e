import type { Settings } from '../../../src-preload/contract';

/** What Settings decide for each request. */
export interface RequestSettings {
  timeoutMs: number;
  maxResponseBytes: number;
  redirectPolicy?: Settings['redirectPolicy'];
}

export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
  timeoutMs: 30_000,
  maxResponseBytes: 100 * 1024 * 1024,
  redirectPolicy: 'refuse',
};

/** The request engine's part of the user's Settings. */
export function requestSettingsOf(settings: Settings): RequestSettings {
  return {
    ...DEFAULT_REQUEST_SETTINGS,
    timeoutMs: settings.requestTimeoutSeconds * 1000,
    maxResponseBytes: settings.maxResponseMb * 1024 * 1024,
    redirectPolicy: settings.redirectPolicy,
  };
}
