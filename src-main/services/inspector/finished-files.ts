import { AppFailure } from '../../lib/errors';
import type { FileReveal } from '../../ports';

/** How many finished exports Show in folder remembers (the oldest is forgotten first). */
const REMEMBERED = 200;

/**
 * Finished export files by export id, for Show in folder: the window names an export, never a
 * path, so it cannot ask the file manager to open anything but what the console wrote.
 */
export class FinishedFiles {
  private readonly paths = new Map<string, string>();

  constructor(private readonly reveal: FileReveal | null) {}

  record(exportId: string, path: string): void {
    this.paths.set(exportId, path);
    if (this.paths.size > REMEMBERED) this.paths.delete(this.paths.keys().next().value!);
  }

  showInFolder(exportId: string): { shown: boolean } {
    if (!this.reveal) throw new AppFailure('request_rejected', 'Show in folder is only in the desktop app: the web host offers the file as a download.');
    const path = this.paths.get(exportId);
    if (!path) throw new AppFailure('not_found', 'That export has no finished file to show (it was cancelled, failed, or is from an earlier run).');
    this.reveal.showInFolder(path);
    return { shown: true };
  }
}
