import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { Matches } from './body-search';
import { Marked } from './Marked';

/** Above this many lines only the visible ones are rendered, so a 20 MB body stays responsive. */
const VIRTUAL_FROM_LINES = 3000;
/** Row height and line height are one number: a line box taller than its row clips descenders. */
const LINE_PX = 20;

export interface RawSearch {
  query: string;
  matches: Matches;
  /** Index of the current match, -1 for none. */
  current: number;
}

const NO_SEARCH: RawSearch = { query: '', matches: { offsets: [], total: 0 }, current: -1 };

export function RawBody({ text, kind, search = NO_SEARCH }: { text: string; kind: string; search?: RawSearch }) {
  const lines = useMemo(() => (text.length > 200_000 ? text.split('\n') : null), [text]);
  if (!lines || lines.length < VIRTUAL_FROM_LINES) {
    return (
      // Focusable so keyboard users can scroll a long body.
      <pre className={`body body-${kind}`} tabIndex={0} aria-label="Body">
        {search.query ? <Marked text={text} query={search.query} first={0} current={search.current} /> : text}
      </pre>
    );
  }
  return <VirtualLines lines={lines} kind={kind} search={search} />;
}

/** Index of the first offset >= `at` (offsets sorted). */
function lowerBound(offsets: readonly number[], at: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function VirtualLines({ lines, kind, search }: { lines: string[]; kind: string; search: RawSearch }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: lines.length, getScrollElement: () => scroller.current, estimateSize: () => LINE_PX, overscan: 40 });
  // Where each line starts in the text, to find the matches a visible line holds.
  const starts = useMemo(() => {
    const out = new Array<number>(lines.length);
    let at = 0;
    lines.forEach((line, i) => {
      out[i] = at;
      at += line.length + 1;
    });
    return out;
  }, [lines]);
  const { offsets } = search.matches;
  const currentLine = search.current >= 0 ? Math.max(0, lowerBound(starts, offsets[search.current]! + 1) - 1) : -1;
  useEffect(() => {
    if (currentLine >= 0) virtualizer.scrollToIndex(currentLine, { align: 'center' });
  }, [currentLine, virtualizer]);
  return (
    <div ref={scroller} className={`body body-${kind} body-virtual`} tabIndex={0} role="document" aria-label="Body" style={{ height: '30rem', overflow: 'auto' }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const line = lines[item.index]!;
          const first = search.query ? lowerBound(offsets, starts[item.index]!) : -1;
          const hasHit = first >= 0 && first < offsets.length && offsets[first]! < starts[item.index]! + line.length;
          return (
            <div
              key={item.key}
              data-line={item.index}
              className={item.index === currentLine ? 'body-line body-line-match' : 'body-line'}
              style={{ position: 'absolute', top: item.start, height: LINE_PX, lineHeight: `${LINE_PX}px`, whiteSpace: 'pre', fontFamily: 'ui-monospace, monospace', fontSize: '0.875rem' }}
            >
              {hasHit ? <Marked text={line} query={search.query} first={first} current={search.current} /> : line}
            </div>
          );
        })}
      </div>
    </div>
  );
}
