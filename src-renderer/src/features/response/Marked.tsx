import { useEffect, useRef } from 'react';
import { findMatches, segments } from './body-search';

interface Props {
  text: string;
  query: string;
  /** Global index of this text's first match. */
  first: number;
  /** Global index of the current match, -1 for none. */
  current: number;
  /** Bring the current match into view when it becomes current (off where the view positions itself). */
  scroll?: boolean;
}

/** Text with its matches of `query` in <mark>; the current one gets its own class. */
export function Marked({ text, query, first, current, scroll = true }: Props) {
  const currentMark = useRef<HTMLElement>(null);
  const { offsets } = query === '' ? { offsets: [] } : findMatches(text, query, Number.MAX_SAFE_INTEGER);
  const holdsCurrent = current >= first && current < first + offsets.length;
  // Only when the current match changes: a re-render (scrolling, a tick) must not pull the view back.
  useEffect(() => {
    if (scroll && holdsCurrent) currentMark.current?.scrollIntoView({ block: 'nearest' });
  }, [scroll, holdsCurrent, current]);
  if (offsets.length === 0) return <>{text}</>;
  return (
    <>
      {segments(text, offsets, query.length, first).map((s, i) =>
        s.match < 0 ? (
          s.text
        ) : (
          <mark key={i} ref={s.match === current ? currentMark : undefined} className={s.match === current ? 'hit hit-current' : 'hit'} aria-current={s.match === current ? 'true' : undefined}>
            {s.text}
          </mark>
        ),
      )}
    </>
  );
}
