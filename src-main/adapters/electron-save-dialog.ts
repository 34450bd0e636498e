import { BrowserWindow, dialog } from 'electron';
import { extname } from 'node:path';
import type { ExportTargets } from '../ports';

/** Electron: the user picks where an export goes with the OS save dialog. */
export function createSaveDialogTargets(): ExportTargets {
  return {
    async choose(_exportId, suggestedName) {
      const ext = extname(suggestedName).slice(1);
      const options = {
        title: 'Export',
        defaultPath: suggestedName,
        filters: [{ name: ext.toUpperCase(), extensions: [ext] }],
      };
      const window = BrowserWindow.getFocusedWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : { path: result.filePath, downloadUrl: null };
    },
  };
}
