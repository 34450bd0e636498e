import { useEffect, useState } from 'react';
import type { LargeBody as LargeBodyInfo, ResponseSearch } from '../../../../src-preload/contract';
import { useConsoleStore } from '../../store';
import { searchStatus, stepMatch } from './body-search';
import { LargeRawView } from './LargeRawView';
import { SearchControls } from './SearchControls';
import { LargeTreeView } from './LargeTreeView';

const SEARCH_DEBOUNCE_MS = 250;

/** A large body: main keeps it; the views fetch the lines and nodes they show; search runs in main. */
export function LargeBody({ large, kind, onUse }: { large: LargeBodyInfo; kind: string; onUse?: (name: string | undefined, value: unknown) => void }) {
  const search = useConsoleStore((s) => s.searchResponse);
  const [view, setView] = useState<'raw' | 'tree'>('raw');
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<(ResponseSearch & { query: string }) | null>(null);
  const [current, setCurrent] = useState(-1);
  const [jump, setJump] = useState<{ line: number; seq: number; occurrence: number } | null>(null);
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
    const next = stepMatch(current, found.lines.length, step);
    const line = found.lines[next]!;
    // Which match on its line this is: a line can hold several, each listed once.
    let occurrence = 0;
    for (let i = next - 1; i >= 0 && found.lines[i] === line; i--) occurrence++;
    setCurrent(next);
    // Main finds matches by line: the Raw view shows where they are (the large tree does not search).
    setView('raw');
    setJump((j) => ({ line, seq: (j?.seq ?? 0) + 1, occurrence }));
  }

  const status = found ? searchStatus({ total: found.total, capped: found.capped, shown: found.lines.length, current }) : query ? 'Searching…' : null;
  return (
    <>
      <div className="body-toolbar" role="toolbar" aria-label="Body view">
        <button type="button" aria-pressed={view === 'raw'} onClick={() => setView('raw')}>
          Raw
        </button>
        <button type="button" aria-pressed={view === 'tree'} disabled={!large.json} onClick={() => setView('tree')}>
          Tree
        </button>
        <SearchControls query={query} onQuery={setQuery} onStep={go} canStep={(found?.lines.length ?? 0) > 0} status={status} />
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
        <LargeTreeView responseId={large.responseId} rootText={large.firstLines[0] ?? ''} {...(onUse ? { onUse } : {})} />
      ) : (
        <LargeRawView responseId={large.responseId} lineCount={large.lineCount} firstLines={large.firstLines} kind={kind} jump={jump} query={found?.query ?? ''} receivedAt={large.receivedAt} />
      )}
    </>
  );
}
