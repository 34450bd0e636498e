import { useEffect, useId, useRef, useState } from 'react';
import type { Contact } from '../../../../src-preload/contract';
import { useConsoleStore } from '../../store';
import { idKind, type SearchBy } from '../../store/inspector-slice';
import { contactCount, describeScan } from './inspector-format';
import { usePersonalField } from './PersonalField';

/** Wait this long after the last keystroke before searching. */
const DEBOUNCE_MS = 250;

const PLACEHOLDER: Record<SearchBy, string> = {
  auto: 'Email (exact), part of a name or email, or an id (ct_…, cv_…)',
  company: 'Part of a company name, then Enter',
  phone: 'Digits of a phone number, then Enter',
};

/** A contact found: the button opens it; masked, the Reveal buttons sit beside it (not inside). */
function ContactResult({ contact, onOpen }: { contact: Contact; onOpen: (c: Contact) => void }) {
  const name = usePersonalField(contact.name, 'name', 'name');
  const email = usePersonalField(contact.email, 'email', 'email');
  const phone = usePersonalField(contact.phone ?? '', 'phone', 'phone');
  return (
    <li>
      <button type="button" className="result" onClick={() => onOpen(contact)}>
        <span className="result-name">{name.text}</span>
        <span className="result-detail">{email.text}</span>
        {contact.company && <span className="result-detail">{contact.company}</span>}
        {contact.phone && <span className="result-detail">{phone.text}</span>}
        <span className="result-detail">
          {contact.conversation_count} conversation{contact.conversation_count === 1 ? '' : 's'}
        </span>
      </button>
      {(name.button || email.button || phone.button) && (
        <span className="reveal-row">
          {name.button} {email.button} {contact.phone && phone.button}
        </span>
      )}
    </li>
  );
}

/**
 * `Find contact`: names and emails as the agent types (the API's filters; a newer search cancels the
 * older one); an id opens on Enter; company and phone are a paced scan of the contacts list, with its
 * progress and Cancel, because the API cannot filter them.
 */
export function ContactSearch() {
  const id = useId();
  const query = useConsoleStore((s) => s.searchQuery);
  const status = useConsoleStore((s) => s.searchStatus);
  const results = useConsoleStore((s) => s.searchResults);
  const hasMore = useConsoleStore((s) => s.searchHasMore);
  const error = useConsoleStore((s) => s.searchError);
  const by = useConsoleStore((s) => s.searchBy);
  const scan = useConsoleStore((s) => (s.scanPurpose === 'find' || s.scanPurpose === 'open-contact' ? s.scanProgress : null));
  const scanPurpose = useConsoleStore((s) => s.scanPurpose);
  const scanQuery = useConsoleStore((s) => s.scanQuery);
  const scanError = useConsoleStore((s) => s.scanError);
  const setBy = useConsoleStore((s) => s.setSearchBy);
  const searchContacts = useConsoleStore((s) => s.searchContacts);
  const submit = useConsoleStore((s) => s.submitSearch);
  const cancelScan = useConsoleStore((s) => s.cancelScan);
  const openContact = useConsoleStore((s) => s.openContact);
  const loadMore = useConsoleStore((s) => s.loadMoreContacts);
  const [text, setText] = useState(query);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  function onChange(value: string, pasted: boolean) {
    setText(value);
    clearTimeout(timer.current);
    // A pasted id opens at once; a typed one waits for Enter (a half-typed id would scan for nothing),
    // and is no name to search for meanwhile (a late name search would race the Enter).
    if (by === 'auto' && idKind(value)) {
      if (pasted) void submit(value);
      return;
    }
    timer.current = setTimeout(() => void searchContacts(value), DEBOUNCE_MS);
  }

  // From the click until the last event (the first may still be on its way).
  const scanning = (scanPurpose === 'find' || scanPurpose === 'open-contact') && (scan === null || scan.state === 'running' || scan.state === 'waiting');
  const shown = by === 'auto' ? results : (scan?.matches ?? []);
  const pendingId = by === 'auto' ? idKind(text) : null;

  return (
    <div className="inspector-search">
      <div className="search-row">
        <div className="field">
          <label htmlFor={`${id}-q`}>Find contact</label>
          <input
            id={`${id}-q`}
            type="search"
            placeholder={PLACEHOLDER[by]}
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(e) => onChange(e.target.value, (e.nativeEvent as InputEvent).inputType === 'insertFromPaste')}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                clearTimeout(timer.current);
                void submit(text);
              }
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-by`}>Find by</label>
          <select id={`${id}-by`} value={by} onChange={(e) => setBy(e.target.value as SearchBy)}>
            <option value="auto">Name, email or id</option>
            <option value="company">Company (scans contacts)</option>
            <option value="phone">Phone (scans contacts)</option>
          </select>
        </div>
        {by !== 'auto' && (
          <button type="button" onClick={() => void submit(text)} disabled={scanning || text.trim() === ''}>
            Scan contacts
          </button>
        )}
      </div>
      <p className="hint" aria-live="polite">
        {by === 'auto' && pendingId && !scanning && status !== 'loading' && `Press Enter to open ${pendingId} ${text.trim()}.`}
        {by === 'auto' && !pendingId && status === 'loading' && 'Searching…'}
        {by === 'auto' && !pendingId && status === 'ready' && results.length === 0 && `No contact matches “${query}”.`}
        {by === 'auto' && !pendingId && status === 'ready' && results.length > 0 && contactCount(results.length, hasMore)}
        {by !== 'auto' && !scan && !scanning && 'The API cannot filter by this: the scan reads every contact, paced under the rate limit.'}
      </p>
      {(scanning || scan) && (
        <div className="scan-progress">
          <progress aria-label="Scan progress" max={scan?.total ?? undefined} value={scan && scan.total !== null ? scan.scanned : undefined} />
          <p className={scan?.state === 'failed' ? 'form-error' : 'hint'} aria-live="polite">
            {describeScan(scan, scanPurpose === 'open-contact' ? (scanQuery?.value ?? null) : null)}
          </p>
          {scanning && (
            <button type="button" onClick={() => void cancelScan()}>
              Cancel scan
            </button>
          )}
        </div>
      )}
      {(error || scanError) && (
        <p role="alert" className="form-error">
          {(error ?? scanError)!.message}
        </p>
      )}
      {shown.length > 0 && (
        <ul className="result-list" aria-label="Contacts found">
          {shown.map((c) => (
            <ContactResult key={c.id} contact={c} onOpen={openContact} />
          ))}
        </ul>
      )}
      {by === 'auto' && hasMore && (
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
