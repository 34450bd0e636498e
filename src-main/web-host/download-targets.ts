import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportTargets } from '../ports';

/** Finished exports the browser may download, by unguessable export id. */
export interface DownloadRegistry {
  resolve(exportId: string): { path: string; fileName: string } | null;
}

/**
 * The web host cannot show a save dialog from main: exports are written under
 * `<dataDir>/exports/` and offered to the browser as a download once complete.
 */
export function createDownloadTargets(dataDir: string): ExportTargets & DownloadRegistry {
  const files = new Map<string, { path: string; fileName: string }>();
  return {
    async choose(exportId, suggestedName) {
      const dir = join(dataDir, 'exports', exportId);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const path = join(dir, suggestedName);
      files.set(exportId, { path, fileName: suggestedName });
      return { path, downloadUrl: `/__helplane/downloads/${exportId}` };
    },
    resolve: (exportId) => (/^exp_[0-9a-f]{16}$/.test(exportId) ? (files.get(exportId) ?? null) : null),
  };
}
