import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Helplane Console';

/**
 * Where the console keeps its files: the same folder Electron's `userData` names, so the
 * desktop app and the web host share settings (keys themselves live in the OS keychain).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}
