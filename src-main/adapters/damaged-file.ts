import { existsSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/**
 * Where a damaged file is set aside, next to itself: `keys.json` → `keys.damaged-<epoch ms>.json`
 * (a counter is added should that name be taken), so the user can still open it.
 */
export function damagedPath(path: string, now: number = Date.now()): string {
  const ext = extname(path);
  const stem = basename(path, ext);
  for (let n = 0; ; n += 1) {
    const candidate = join(dirname(path), `${stem}.damaged-${now}${n === 0 ? '' : `-${n}`}${ext}`);
    if (!existsSync(candidate)) return candidate;
  }
}

/** Rename a damaged file aside (never delete it), so the next write does not replace it; its new path. */
export function setFileAside(path: string): string {
  const target = damagedPath(path);
  renameSync(path, target);
  return target;
}
