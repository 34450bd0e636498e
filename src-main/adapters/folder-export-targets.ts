import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportTargets } from '../ports';

/** Files written straight into one folder (tests, and hosts without a save dialog). */
export function folderExportTargets(dir: string): ExportTargets {
  return {
    async choose(_exportId, suggestedName) {
      await mkdir(dir, { recursive: true });
      return { path: join(dir, suggestedName), downloadUrl: null };
    },
  };
}
