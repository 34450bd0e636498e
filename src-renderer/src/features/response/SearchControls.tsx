import { useId } from 'react';

interface Props {
  query: string;
  onQuery(query: string): void;
  onStep(step: 1 | -1): void;
  canStep: boolean;
  /** What searchStatus says, or null when there is nothing to say. */
  status: string | null;
}

/** "Search in body" with Previous/Next (also Shift+Enter/Enter in the field) and a plain count. */
export function SearchControls({ query, onQuery, onStep, canStep, status }: Props) {
  const id = useId();
  return (
    // A row of its own in the toolbar: in a narrow response column it wraps as one group.
    <div className="body-search">
      <label htmlFor={`${id}-search`}>Search in body</label>
      <input
        id={`${id}-search`}
        type="search"
        value={query}
        aria-describedby={status ? `${id}-status` : undefined}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          onStep(e.shiftKey ? -1 : 1);
        }}
      />
      <button type="button" disabled={!canStep} onClick={() => onStep(-1)}>
        Previous match
      </button>
      <button type="button" disabled={!canStep} onClick={() => onStep(1)}>
        Next match
      </button>
      {status && (
        <span id={`${id}-status`} role="status">
          {status}
        </span>
      )}
    </div>
  );
}
