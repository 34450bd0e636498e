import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';

/** Above this many lines only the visible ones are rendered, so a 20 MB body stays responsive. */
const VIRTUAL_FROM_LINES = 3000;
/** Row height and line height are one number: a line box taller than its row clips descenders. */
const LINE_PX = 20;

export function RawBody({ text, kind }: { text: string; kind: string }) {
  const lines = useMemo(() => (text.length > 200_000 ? text.split('\n') : null), [text]);
  if (!lines || lines.length < VIRTUAL_FROM_LINES) {
    return (
      // Focusable so keyboard users can scroll a long body.
      <pre className={`body body-${kind}`} tabIndex={0} aria-label="Body">
        {text}
      </pre>
    );
  }
  return <VirtualLines lines={lines} kind={kind} />;
}

function VirtualLines({ lines, kind }: { lines: string[]; kind: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: lines.length, getScrollElement: () => scroller.current, estimateSize: () => LINE_PX, overscan: 40 });
  return (
    <div ref={scroller} className={`body body-${kind} body-virtual`} tabIndex={0} role="document" aria-label="Body" style={{ height: '30rem', overflow: 'auto' }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div key={item.key} style={{ position: 'absolute', top: item.start, height: LINE_PX, lineHeight: `${LINE_PX}px`, whiteSpace: 'pre', fontFamily: 'ui-monospace, monospace', fontSize: '0.875rem' }}>
            {lines[item.index]}
          </div>
        ))}
      </div>
    </div>
  );
}
