import { AppFailure } from '../../lib/errors';
import type { FolderPicker } from '../../ports';

/** collections:pickFolder — the system picker where the host has one (desktop); refused in words where not (web host). */
export function pickFolderWith(picker: FolderPicker | undefined): () => Promise<{ folder: string | null }> {
  return async () => {
    if (!picker) throw new AppFailure('request_rejected', 'The system folder picker is not available here (web host): type the folder’s path.');
    return { folder: await picker.choose() };
  };
}
