import { BrowserWindow, dialog } from 'electron';
import type { FolderPicker } from '../ports';

/** Electron: Open/New collection's "Choose folder…" is the OS folder picker. */
export function createFolderPicker(): FolderPicker {
  return {
    async choose() {
      const options = { title: 'Collection folder', properties: ['openDirectory' as const, 'createDirectory' as const] };
      const window = BrowserWindow.getFocusedWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
