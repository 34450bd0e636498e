import { useRef, useState } from 'react';
import { selectKeys, selectKeysError, selectKeysStatus, useConsoleStore } from '../../store';
import { AddKeyDialog } from './AddKeyDialog';
import { KeysTable } from './KeysTable';

export function KeysPage() {
  const keys = useConsoleStore(selectKeys);
  const status = useConsoleStore(selectKeysStatus);
  const error = useConsoleStore(selectKeysError);
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);

  function closeDialog() {
    setAdding(false);
    addButton.current?.focus();
  }

  return (
    <section className="page" aria-labelledby="keys-title">
      <div className="page-head">
        <h1 id="keys-title">Keys</h1>
        <button ref={addButton} type="button" className="primary" onClick={() => setAdding(true)}>
          Add key
        </button>
      </div>
      {status === 'error' && error && (
        <p role="alert" className="form-error">
          Could not load the keys: {error.message}
        </p>
      )}
      {(status === 'idle' || status === 'loading') && <p className="hint">Loading keys…</p>}
      {status === 'ready' && keys.length === 0 && (
        <p className="empty">No API keys yet. Use Add key to paste one from the Helplane dashboard.</p>
      )}
      {keys.length > 0 && <KeysTable keys={keys} />}
      {adding && <AddKeyDialog onClose={closeDialog} />}
    </section>
  );
}
