import { describe, expect, it } from 'vitest';
import { clampSplit, loadSplit, saveSplit, SPLIT_DEFAULT, splitAfterKey } from '../../../../../src-renderer/src/features/requests/split-ratio';

function memory() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('split ratio', () => {
  it('keeps the split between 25% and 75%, whole percents', () => {
    expect(clampSplit(10)).toBe(25);
    expect(clampSplit(90)).toBe(75);
    expect(clampSplit(42.6)).toBe(43);
    expect(clampSplit(Number.NaN)).toBe(SPLIT_DEFAULT);
  });

  it('moves by 5 with the arrows, to the ends with Home/End, ignores other keys', () => {
    expect(splitAfterKey(50, 'ArrowLeft')).toBe(45);
    expect(splitAfterKey(50, 'ArrowRight')).toBe(55);
    expect(splitAfterKey(73, 'ArrowRight')).toBe(75);
    expect(splitAfterKey(50, 'Home')).toBe(25);
    expect(splitAfterKey(50, 'End')).toBe(75);
    expect(splitAfterKey(50, 'a')).toBeNull();
  });

  it('remembers the last split, and reads junk as the default', () => {
    const store = memory();
    expect(loadSplit(store)).toBe(SPLIT_DEFAULT);
    saveSplit(35, store);
    expect(loadSplit(store)).toBe(35);
    store.setItem('helplane.requests.split', 'wide');
    expect(loadSplit(store)).toBe(SPLIT_DEFAULT);
  });
});
