import { useEffect, useId, useState } from 'react';
import type { LargeBody as LargeBodyInfo, ResponseSearch } from '../../../../src-preload/contract';
import { useConsoleStore } from '../../store';
import { LargeRawView } from './LargeRawView';
import { LargeTreeView } from './LargeTreeView';

const SEARCH_DEBOUNCE_MS = 250;

/** A large body: main keeps it; the views fetch the lines and nodes they show; search runs in main. */
export function LargeBody({ large, kind }: { large: LargeBodyInfo; kind: string }) {
  const search = useConsoleStore((s) => s.searchResponse);
  const id = useId();
  const [view, setView] = useState<'raw' | 'tree'>('raw');
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<(ResponseSearch & { query: string }) | null>(null);
  const [current, setCurrent] = useState(-1);
  const [jump, setJump] = useState<{ line: number; seq: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setFound(null);
    setCurrent(-1);
    if (query === '') return;
    let live = true;
    const timer = setTimeout(() => {
      void search(large.responseId, query).then((result) => {
        if (!live) return;
        if (!result.ok) return setError(result.error.message);
        setError(null);
        setFound({ ...result.value, query });
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, large.responseId, search]);

  function go(step: 1 | -1) {
    if (!found || found.lines.length === 0) return;
    const next = current < 0 ? (step === 1 ? 0 : found.lines.length - 1) : (current + step + found.lines.length) % found.lines.length;
    setCurrent(next);
    setView('raw');
    setJump((j) => ({ line: found.lines[next]!, seq: (j?.seq ?? 0) + 1 }));
  }

  const status = found ? `${found.total}${found.capped ? '+' : ''} match${found.total === 1 ? '' : 'es'}${current >= 0 ? ` (showing ${current + 1} of ${found.lines.length})` : ''}` : query ? 'Searching…' : null;
  return (
    <>
      <div className="body-toolbar" role="toolbar" aria-label="Body view">
        <button type="button" aria-pressed={view === 'raw'} onClick={() => setView('raw')}>
          Raw
        </button>
        <button type="button" aria-pressed={view === 'tree'} disabled={!large.json} onClick={() => setView('tree')}>
          Tree
        </button>
        <label htmlFor={`${id}-search`}>Search in body</label>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') go(e.shiftKey ? -1 : 1);
          }}
        />
        <button type="button" disabled={!found?.lines.length} onClick={() => go(-1)}>
          Previous match
        </button>
        <button type="button" disabled={!found?.lines.length} onClick={() => go(1)}>
          Next match
        </button>
        {status && <span role="status">{status}</span>}
      </div>
      <p className="hint">
        Large body ({large.lineCount.toLocaleString()} lines): the console keeps it and shows it a window at a time. Copy is not offered; use Save to file.
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {view === 'tree' && large.json ? (
        <LargeTreeView responseId={large.responseId} rootText={large.firstLines[0] ?? ''} />
      ) : (
        <LargeRawView responseId={large.responseId} lineCount={large.lineCount} firstLines={large.firstLines} kind={kind} jump={jump} receivedAt={large.receivedAt} />
      )}
    </>
  );
}
