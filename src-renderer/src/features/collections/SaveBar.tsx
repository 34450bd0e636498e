import { useEffect, useId, useState } from 'react';
import { foldersOf, requestsOf } from '../../store/collection-slice';
import { consoleStore, useConsoleStore } from '../../store';
import { FieldDialog, FolderSelect } from './RequestDialogs';
import { OutcomeLine, type Outcome } from './OutcomeLine';

/** Ctrl+S / Cmd+S, as in every editor. */
const isSaveShortcut = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's';

/**
 * Save (Ctrl/Cmd+S) writes the tab's request to its file; a tab with no file (or not in the open
 * collection) asks where with Save as. A save refused says why in main's words (a key in it: which
 * file, field and line). A file changed outside while the tab has edits asks Keep mine / Take theirs.
 */
export function SaveBar() {
  const snapshot = useConsoleStore((s) => s.collection);
  const activeTabId = useConsoleStore((s) => s.activeTabId);
  const link = useConsoleStore((s) => s.savedRequest);
  const root = useConsoleStore((s) => s.collectionRoot);
  const conflict = useConsoleStore((s) => (s.activeTabId ? s.tabConflicts[s.activeTabId] : undefined));
  const saveActiveTab = useConsoleStore((s) => s.saveActiveTab);
  const saveActiveTabAs = useConsoleStore((s) => s.saveActiveTabAs);
  const keepMine = useConsoleStore((s) => s.keepMine);
  const takeTheirs = useConsoleStore((s) => s.takeTheirs);
  const [saveAs, setSaveAs] = useState(false);
  const [status, setStatus] = useState<Outcome>(null);
  const [name, setName] = useState('');
  const [folder, setFolder] = useState('');
  const id = useId();
  const linked = link !== null && link.collection === root && snapshot !== null;
  const fileName = linked ? (requestsOf(snapshot).find((r) => r.path === link.path)?.name ?? link.path) : null;

  useEffect(() => setStatus(null), [activeTabId]);

  const openSaveAs = () => {
    const s = consoleStore.getState();
    setName(fileName ? `${fileName} copy` : s.endpointId === 'custom' ? `${s.customMethod} ${s.customPath.split('?')[0]}` : (s.catalog.find((e) => e.id === s.endpointId)?.summary ?? 'New request'));
    setFolder(linked && link.path.includes('/') ? link.path.slice(0, link.path.lastIndexOf('/')) : '');
    setSaveAs(true);
  };

  async function save() {
    if (!consoleStore.getState().collection) {
      setStatus({ error: true, text: 'Open or create a collection first (Open collection, New collection): requests are saved as files in its folder.' });
      return;
    }
    const outcome = await saveActiveTab();
    if ('saveAs' in outcome) openSaveAs();
    else setStatus('error' in outcome ? { error: true, text: outcome.error.message } : { error: false, text: 'Saved.' });
  }

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!isSaveShortcut(event) || (event.target instanceof Element && event.target.closest('dialog'))) return;
      event.preventDefault();
      void save();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  return (
    <div className="save-bar">
      <div className="actions">
        <button type="button" aria-keyshortcuts="Control+S Meta+S" onClick={() => void save()}>
          Save
        </button>
        <button type="button" disabled={!snapshot} onClick={openSaveAs}>
          Save as
        </button>
        <span className="hint">{linked ? `File: ${link.path}` : snapshot ? 'Not saved in the collection yet' : 'No collection open'}</span>
      </div>
      {conflict && (
        <div role="alert" className="banner banner-warning">
          <p>{conflict.message}</p>
          <div className="actions">
            <button type="button" onClick={() => void keepMine(activeTabId!).then((o) => setStatus('error' in o ? { error: true, text: o.error.message } : { error: false, text: 'Saved over the file on disk.' }))}>
              Keep mine
            </button>
            <button type="button" onClick={() => void takeTheirs(activeTabId!).then((o) => setStatus('error' in o ? { error: true, text: o.error.message } : { error: false, text: 'Reloaded from the file.' }))}>
              Take theirs
            </button>
          </div>
        </div>
      )}
      {!conflict && <OutcomeLine outcome={status} />}
      {saveAs && snapshot && (
        <FieldDialog
          title="Save as"
          submitLabel="Save"
          onClose={() => setSaveAs(false)}
          onSubmit={async () => {
            const outcome = await saveActiveTabAs(name, folder);
            if ('error' in outcome) return outcome.error.message;
            setStatus({ error: false, text: 'Saved.' });
            return null;
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-name`}>Name</label>
            <input id={`${id}-name`} type="text" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <FolderSelect id={`${id}-folder`} label="In folder" folders={foldersOf(snapshot)} value={folder} onChange={setFolder} />
        </FieldDialog>
      )}
    </div>
  );
}
