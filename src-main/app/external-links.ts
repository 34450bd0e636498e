import type { Shell } from 'electron';

/**
 * The only places the console hands to the OS browser: Helplane's own https sites. Anything
 * else (http, file:, custom schemes, look-alike hosts, credentials in the URL) is refused,
 * because shell.openExternal on an attacker's URL can run local programs.
 */
export const EXTERNAL_ORIGINS: readonly string[] = ['https://helplane.io', 'https://www.helplane.io', 'https://api.helplane.io', 'https://docs.helplane.io'];

/** True for an https URL on the allowlist, with no user name, password or explicit port. */
export function isAllowedExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  return EXTERNAL_ORIGINS.includes(parsed.origin);
}

export type ExternalOpener = (url: string) => boolean;

/** Open allowlisted URLs in the OS browser; say false (and open nothing) for any other. */
export function createExternalOpener(shell: Pick<Shell, 'openExternal'>, onError: (error: unknown) => void = () => undefined): ExternalOpener {
  return (url) => {
    if (!isAllowedExternalUrl(url)) return false;
    shell.openExternal(new URL(url).href).catch(onError);
    return true;
  };
}
