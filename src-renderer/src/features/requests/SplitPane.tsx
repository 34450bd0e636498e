import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { clampSplit, loadSplit, saveSplit, SPLIT_MAX, SPLIT_MIN, splitAfterKey } from './split-ratio';

/**
 * Builder on the left, response on the right, with a separator to drag or move with the arrow
 * keys (Home/End for the ends). Below about 900 px wide the two stack and the separator hides.
 */
export function SplitPane({ start, end, label }: { start: ReactNode; end: ReactNode; label: string }) {
  const [ratio, setRatio] = useState(loadSplit);
  const container = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  const apply = (value: number) => {
    const next = clampSplit(value);
    setRatio(next);
    saveSplit(next);
  };
  const fromPointer = (event: PointerEvent<HTMLDivElement>) => {
    const box = container.current?.getBoundingClientRect();
    if (box && box.width > 0) apply(((event.clientX - box.left) / box.width) * 100);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = splitAfterKey(ratio, event.key);
    if (next === null) return;
    event.preventDefault();
    apply(next);
  };

  return (
    // The ratio reaches CSS as a custom property: a style prop goes through CSSOM, which the CSP allows.
    <div ref={container} className="split" style={{ ['--split' as string]: `${ratio}%` }}>
      <div className="split-start">{start}</div>
      <div
        className="split-separator"
        role="separator"
        aria-orientation="vertical"
        aria-label={label}
        aria-valuenow={ratio}
        aria-valuemin={SPLIT_MIN}
        aria-valuemax={SPLIT_MAX}
        aria-valuetext={`Builder ${ratio}% of the width`}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onPointerDown={(e) => {
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => dragging.current && fromPointer(e)}
        onPointerUp={(e) => {
          dragging.current = false;
          e.currentTarget.releasePointerCapture(e.pointerId);
        }}
      />
      <div className="split-end">{end}</div>
    </div>
  );
}
