/** Most matches marked and stepped through in a body the renderer holds; more are counted, not marked. */
export const MARK_CAP = 10_000;

export interface Matches {
  /** Start offset of each marked match, in order (at most `cap`). */
  offsets: number[];
  /** Every match in the text. */
  total: number;
}

/** Case-insensitive, non-overlapping matches of `needle` in `text`. */
export function findMatches(text: string, needle: string, cap = MARK_CAP): Matches {
  const offsets: number[] = [];
  if (needle === '') return { offsets, total: 0 };
  const hay = text.toLowerCase();
  const n = needle.toLowerCase();
  let total = 0;
  for (let i = hay.indexOf(n); i !== -1; i = hay.indexOf(n, i + n.length)) {
    if (offsets.length < cap) offsets.push(i);
    total++;
  }
  return { offsets, total };
}

export interface Segment {
  text: string;
  /** Index of the match this segment is, or -1 for the text between matches. */
  match: number;
}

/** `text` cut into plain runs and matches (offsets from findMatches, `first` the index of offsets[0]). */
export function segments(text: string, offsets: readonly number[], length: number, first = 0): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  offsets.forEach((start, i) => {
    if (start > at) out.push({ text: text.slice(at, start), match: -1 });
    out.push({ text: text.slice(start, start + length), match: first + i });
    at = start + length;
  });
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), match: -1 });
  return out;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * What the search says, plainly: "12 matches", "3 of 12 matches", and past a cap
 * "100,000+ matches; showing the first 10,000" (+ "3 of the first 10,000").
 * `total` is every match counted (`capped`: counting stopped there), `shown` how many can be stepped through.
 */
export function searchStatus({ total, capped, shown, current }: { total: number; capped: boolean; shown: number; current: number }): string {
  if (total === 0) return 'No matches';
  const all = `${count(total)}${capped ? '+' : ''} match${total === 1 && !capped ? '' : 'es'}`;
  if (shown >= total && !capped) return current >= 0 ? `${count(current + 1)} of ${all}` : all;
  const head = `${all}; showing the first ${count(shown)}`;
  return current >= 0 ? `${head} (${count(current + 1)} of ${count(shown)})` : head;
}

/** The next index when stepping by `step` through `size` matches (wrapping; -1 means none yet). */
export function stepMatch(current: number, size: number, step: 1 | -1): number {
  if (size === 0) return -1;
  if (current < 0) return step === 1 ? 0 : size - 1;
  return (current + step + size) % size;
}
