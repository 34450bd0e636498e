import { useEffect, useId, useRef, useState } from 'react';
import { useConsoleStore } from '../../store';
import { contactCount } from './inspector-format';

/** Wait this long after the last keystroke before searching. */
const DEBOUNCE_MS = 250;

/** `Find contact`: results as the agent types; a newer search cancels the older one. */
export function ContactSearch() {
  const id = useId();
  const query = useConsoleStore((s) => s.searchQuery);
  const status = useConsoleStore((s) => s.searchStatus);
  const results = useConsoleStore((s) => s.searchResults);
  const hasMore = useConsoleStore((s) => s.searchHasMore);
  const error = useConsoleStore((s) => s.searchError);
  const searchContacts = useConsoleStore((s) => s.searchContacts);
  const openContact = useConsoleStore((s) => s.openContact);
  const loadMore = useConsoleStore((s) => s.loadMoreContacts);
  const [text, setText] = useState(query);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  function onChange(value: string) {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void searchContacts(value), DEBOUNCE_MS);
  }

  return (
    <div className="inspector-search">
      <label htmlFor={`${id}-q`}>Find contact</label>
      <input
        id={`${id}-q`}
        type="search"
        placeholder="Email (exact) or part of a name or email"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            clearTimeout(timer.current);
            void searchContacts(text);
          }
        }}
      />
      <p className="hint" aria-live="polite">
        {status === 'loading' && 'Searching…'}
        {status === 'ready' && results.length === 0 && `No contact matches “${query}”.`}
        {status === 'ready' && results.length > 0 && contactCount(results.length, hasMore)}
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error.message}
        </p>
      )}
      {results.length > 0 && (
        <ul className="result-list" aria-label="Contacts found">
          {results.map((c) => (
            <li key={c.id}>
              <button type="button" className="result" onClick={() => openContact(c)}>
                <span className="result-name">{c.name}</span>
                <span className="result-detail">{c.email}</span>
                <span className="result-detail">
                  {c.conversation_count} conversation{c.conversation_count === 1 ? '' : 's'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {hasMore && (
        <p className="actions">
          <button type="button" disabled={status === 'loading'} onClick={() => void loadMore()}>
            Load more
          </button>
          <span className="hint">or type more of the name or email to narrow the list.</span>
        </p>
      )}
    </div>
  );
}
