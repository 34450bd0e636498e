import type { Shell } from 'electron';
import type { FileReveal } from '../ports';

/** Electron: Show in folder opens the system's file manager with the file selected. */
export function createShowInFolder(shell: Pick<Shell, 'showItemInFolder'>): FileReveal {
  return { showInFolder: (path) => shell.showItemInFolder(path) };
}
