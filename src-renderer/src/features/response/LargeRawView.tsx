import { useCallback, useEffect, useRef, useState, type UIEvent } from 'react';
import { useConsoleStore } from '../../store';
import { Marked } from './Marked';

/** Row height and line height are one number: a line box taller than its row clips descenders (`_`, `g`). */
const LINE_PX = 20;
/** Browsers cap an element's height (~33M px in Chromium): past this the scrollbar is scaled. */
const MAX_SCROLL_PX = 8_000_000;
const CHUNK = 400;
const VIEWPORT_PX = 480;
/** Lines kept in the renderer at most; the body itself stays in main. */
const CACHE_LINES = 20_000;

export interface LargeRawViewProps {
  responseId: string;
  lineCount: number;
  firstLines: readonly string[];
  kind: string;
  /** A line to bring into view (a search match), and a counter so the same line can be jumped to again. */
  jump: { line: number; seq: number; occurrence: number } | null;
  /** The search whose matches are marked in the lines shown. */
  query: string;
  receivedAt: number;
}

/**
 * The raw view of a body kept in main: only the visible lines exist here, fetched in chunks as
 * the user scrolls. Rows are laid out by hand (not by pixel offset) so a 7-million-line body still
 * fits in a scrollable element.
 */
export function LargeRawView({ responseId, lineCount, firstLines, kind, jump, query, receivedAt }: LargeRawViewProps) {
  const fetchLines = useConsoleStore((s) => s.fetchResponseLines);
  const scroller = useRef<HTMLDivElement>(null);
  const cache = useRef(new Map<number, string>());
  const pending = useRef(new Set<number>());
  const [, setVersion] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const visible = Math.ceil(VIEWPORT_PX / LINE_PX);
  const height = Math.min(lineCount * LINE_PX, MAX_SCROLL_PX);
  const maxScroll = Math.max(0, height - VIEWPORT_PX);
  const maxFirst = Math.max(0, lineCount - visible);
  const first = maxScroll > 0 ? Math.min(maxFirst, Math.round((scrollTop / maxScroll) * maxFirst)) : 0;
  const firstRef = useRef(first);
  firstRef.current = first;

  useEffect(() => {
    cache.current = new Map(firstLines.map((l, i) => [i, l] as const));
    pending.current.clear();
    setVersion((v) => v + 1);
  }, [responseId, firstLines]);

  const load = useCallback(
    (from: number, to: number) => {
      for (let chunk = Math.floor(from / CHUNK) * CHUNK; chunk < Math.min(to, lineCount); chunk += CHUNK) {
        if (cache.current.has(chunk) && cache.current.has(Math.min(chunk + CHUNK, lineCount) - 1)) continue;
        if (pending.current.has(chunk)) continue;
        pending.current.add(chunk);
        void fetchLines(responseId, chunk, CHUNK).then((result) => {
          pending.current.delete(chunk);
          if (!result.ok) return setError(result.error.message);
          // Past the cap, forget the lines far from where the user is (they are fetched again if needed).
          if (cache.current.size > CACHE_LINES) {
            for (const i of cache.current.keys()) if (Math.abs(i - firstRef.current) > CACHE_LINES / 4) cache.current.delete(i);
          }
          result.value.lines.forEach((line, i) => cache.current.set(chunk + i, line));
          setVersion((v) => v + 1);
        });
      }
    },
    [fetchLines, lineCount, responseId],
  );

  useEffect(() => load(first, first + visible + 1), [first, visible, load]);

  useEffect(() => {
    const el = scroller.current;
    if (!jump || !el) return;
    const target = Math.max(0, jump.line - 2);
    el.scrollTop = maxFirst > 0 ? (Math.min(target, maxFirst) / maxFirst) * maxScroll : 0;
    setScrollTop(el.scrollTop);
  }, [jump, maxFirst, maxScroll]);

  const rows = [];
  for (let i = first; i < Math.min(lineCount, first + visible + 1); i++) {
    const text = cache.current.get(i);
    rows.push(
      <div key={i} data-line={i} className={jump?.line === i ? 'body-line body-line-match' : 'body-line'} style={{ height: LINE_PX, lineHeight: `${LINE_PX}px`, whiteSpace: 'pre', overflow: 'hidden' }}>
        {text === undefined ? ' ' : query ? <Marked text={text} query={query} first={0} current={jump?.line === i ? jump.occurrence : -1} scroll={false} /> : text}
      </div>,
    );
  }
  return (
    <>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div
        ref={scroller}
        className={`body body-${kind} body-virtual`}
        tabIndex={0}
        role="document"
        aria-label="Body"
        data-line-count={lineCount}
        data-received-at={receivedAt}
        style={{ height: VIEWPORT_PX, overflow: 'auto', position: 'relative', fontFamily: 'ui-monospace, monospace', fontSize: '0.875rem' }}
        onScroll={(e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div style={{ height: Math.max(height, VIEWPORT_PX) }} />
        <div style={{ position: 'absolute', top: scrollTop, left: 0, right: 0 }}>{rows}</div>
      </div>
    </>
  );
}
