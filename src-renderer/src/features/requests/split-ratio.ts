/** The builder's share of the Requests page width, in percent; kept between visits in localStorage. */
export const SPLIT_MIN = 25;
export const SPLIT_MAX = 75;
export const SPLIT_DEFAULT = 50;
const STORAGE_KEY = 'helplane.requests.split';

interface Storage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The storage, when this runs in a page that has one (tests run the module under Node). */
function storage(): Storage | undefined {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage;
  } catch {
    return undefined;
  }
}

export function clampSplit(value: number): number {
  if (!Number.isFinite(value)) return SPLIT_DEFAULT;
  return Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, Math.round(value)));
}

export function loadSplit(store: Storage | undefined = storage()): number {
  const saved = store?.getItem(STORAGE_KEY);
  return saved == null ? SPLIT_DEFAULT : clampSplit(Number(saved));
}

export function saveSplit(value: number, store: Storage | undefined = storage()): void {
  try {
    store?.setItem(STORAGE_KEY, String(clampSplit(value)));
  } catch {
    // Storage full or refused: the split still works, it is just not remembered.
  }
}

/** The ratio after a key press on the separator, or null for keys it does not handle. */
export function splitAfterKey(value: number, key: string): number | null {
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return clampSplit(value - 5);
    case 'ArrowRight':
    case 'ArrowUp':
      return clampSplit(value + 5);
    case 'Home':
      return SPLIT_MIN;
    case 'End':
      return SPLIT_MAX;
    default:
      return null;
  }
}
