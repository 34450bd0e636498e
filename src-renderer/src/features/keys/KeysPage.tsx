import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyMeta } from '../../../../src-preload/contract';
import { selectAppInfo, selectKeys, selectKeysError, selectKeysStatus, useConsoleStore } from '../../store';
import { AddKeyDialog } from './AddKeyDialog';
import { CreateKeyDialog } from './CreateKeyDialog';
import { DeleteKeyDialog } from './DeleteKeyDialog';
import { EditKeyDialog } from './EditKeyDialog';
import { KeyDetails } from './KeyDetails';
import { filterKeys } from './filter-keys';
import { KeysTable, type KeyDialogKind } from './KeysTable';
import { RenameKeyDialog } from './RenameKeyDialog';
import { RevokeKeyDialog } from './RevokeKeyDialog';
import { KeyRotations } from './rotation/KeyRotations';
import { RotateKeyDialog } from './rotation/RotateKeyDialog';

type OpenDialog = { kind: 'add' } | { kind: 'create' } | { kind: KeyDialogKind; key: KeyMeta };

export function KeysPage() {
  const keys = useConsoleStore(selectKeys);
  const status = useConsoleStore(selectKeysStatus);
  const error = useConsoleStore(selectKeysError);
  const syncError = useConsoleStore((s) => s.keysSyncError);
  const appInfo = useConsoleStore(selectAppInfo);
  const [query, setQuery] = useState('');
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const shown = useMemo(() => filterKeys(keys, query), [keys, query]);
  const syncKeys = useConsoleStore((s) => s.syncKeys);

  useEffect(() => {
    // Opening the page reconciles with the keychain and pulls the sandbox's last-used times;
    // the plain list (startSession) never touches the keychain.
    void syncKeys();
  }, [syncKeys]);

  function open(next: OpenDialog, from: HTMLElement) {
    opener.current = from;
    setDialog(next);
  }

  function closeDialog() {
    setDialog(null);
    // Back to the button that opened it; if its row is gone (deleted), to the filter box.
    const target = opener.current;
    opener.current = null;
    if (target?.isConnected) target.focus();
    else filterRef.current?.focus();
  }

  // The dialogs read the latest metadata, so a rename seen via an event shows up in an open dialog.
  const dialogKey = dialog && 'key' in dialog ? (keys.find((k) => k.id === dialog.key.id) ?? dialog.key) : null;

  return (
    <section className="page" aria-labelledby="keys-title">
      <div className="page-head">
        <h1 id="keys-title">Keys</h1>
        <div className="actions">
          <button type="button" onClick={(e) => open({ kind: 'create' }, e.currentTarget)}>
            Create key
          </button>
          <button type="button" className="primary" onClick={(e) => open({ kind: 'add' }, e.currentTarget)}>
            Add key
          </button>
        </div>
      </div>
      {appInfo && !appInfo.keychain.available && (
        <p className="form-error">
          Keys cannot be saved or used right now: {appInfo.keychain.message ?? 'the OS keychain cannot be reached.'} Nothing
          is stored anywhere else in the meantime.
        </p>
      )}
      {status === 'error' && error && (
        <p role="alert" className="form-error">
          Could not load the keys: {error.message}
        </p>
      )}
      {syncError && (
        <div role="alert" className="form-error">
          <p>The keys could not be checked against the keychain, so this list may be out of date: {syncError.message}</p>
          <button type="button" onClick={() => void syncKeys()}>
            Check again
          </button>
        </div>
      )}
      {(status === 'idle' || status === 'loading') && <p className="hint">Loading keys…</p>}
      {status === 'ready' && keys.length === 0 && (
        <p className="empty">
          No API keys yet. Use Add key to paste one from the Helplane dashboard, or Create key for a sandbox key.
        </p>
      )}
      {dialog?.kind === 'details' && dialogKey && <KeyDetails keyMeta={dialogKey} onBack={closeDialog} />}
      {keys.length > 0 && dialog?.kind !== 'details' && (
        <>
          <KeyRotations />
          <div className="field filter-field">
            <label htmlFor={`${id}-filter`}>Filter keys</label>
            <input
              id={`${id}-filter`}
              ref={filterRef}
              type="search"
              placeholder="Name or prefix"
              autoComplete="off"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
          <p className="visually-hidden" role="status">
            {query.trim() === '' ? '' : `${shown.length} of ${keys.length} keys shown`}
          </p>
          {shown.length === 0 ? (
            <p className="empty">No key name or prefix contains “{query.trim()}”.</p>
          ) : (
            <KeysTable keys={shown} onOpenDialog={(kind, key, from) => open({ kind, key }, from)} />
          )}
        </>
      )}
      {dialog?.kind === 'add' && <AddKeyDialog onClose={closeDialog} />}
      {dialog?.kind === 'create' && <CreateKeyDialog onClose={closeDialog} />}
      {dialog?.kind === 'rename' && dialogKey && <RenameKeyDialog keyMeta={dialogKey} onClose={closeDialog} />}
      {dialog?.kind === 'edit' && dialogKey && <EditKeyDialog keyMeta={dialogKey} onClose={closeDialog} />}
      {dialog?.kind === 'revoke' && dialogKey && <RevokeKeyDialog keyMeta={dialogKey} onClose={closeDialog} />}
      {dialog?.kind === 'delete' && dialogKey && <DeleteKeyDialog keyMeta={dialogKey} onClose={closeDialog} />}
      {dialog?.kind === 'rotate' && dialogKey && <RotateKeyDialog keyMeta={dialogKey} onClose={closeDialog} />}
    </section>
  );
}
