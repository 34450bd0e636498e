import { useEffect, useId, useMemo } from 'react';
import { isUsableKey } from '../../lib/usable-keys';
import { useConsoleStore } from '../../store';
import { ContactSearch } from './ContactSearch';
import { ContactView } from './ContactView';
import { ConversationView } from './ConversationView';
import { ExportPanel } from './ExportPanel';
import { sideButton } from './inspector-format';

/** The support staff's view: find a contact, read its conversations, export lists. Read-only. */
export function InspectorPage() {
  const id = useId();
  const allKeys = useConsoleStore((s) => s.keys);
  // A recovered key of unknown environment is not offered: main would refuse it.
  const keys = useMemo(() => allKeys.filter(isUsableKey), [allKeys]);
  const keyId = useConsoleStore((s) => s.inspectorKeyId ?? s.keys.find(isUsableKey)?.id ?? '');
  const selectKey = useConsoleStore((s) => s.selectInspectorKey);
  const view = useConsoleStore((s) => s.views[s.viewIndex]);
  const canBack = useConsoleStore((s) => s.viewIndex > 0);
  const canForward = useConsoleStore((s) => s.viewIndex < s.views.length - 1);
  const back = useConsoleStore((s) => s.inspectorBack);
  const forward = useConsoleStore((s) => s.inspectorForward);

  // Alt+Left / Alt+Right and the mouse's side buttons move through the Inspector's pages.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowLeft') {
        e.preventDefault();
        back();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        forward();
      }
    };
    const onMouse = (e: MouseEvent) => {
      const dir = sideButton(e.button);
      if (!dir) return;
      e.preventDefault();
      if (dir === 'back') back();
      else forward();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mouseup', onMouse);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mouseup', onMouse);
    };
  }, [back, forward]);

  return (
    <section className="page" aria-labelledby={`${id}-title`}>
      <div className="page-head">
        <h1 id={`${id}-title`}>Inspector</h1>
        <nav aria-label="Inspector pages" className="actions">
          <button type="button" onClick={back} disabled={!canBack} aria-keyshortcuts="Alt+ArrowLeft">
            ← Back
          </button>
          <button type="button" onClick={forward} disabled={!canForward} aria-keyshortcuts="Alt+ArrowRight">
            Forward →
          </button>
        </nav>
      </div>
      {keys.length === 0 ? (
        <p className="empty">Add or create a key on the Keys page first: the Inspector reads the API with one of your keys.</p>
      ) : (
        <>
          <div className="field inline-field">
            <label htmlFor={`${id}-key`}>Read with key</label>
            <select id={`${id}-key`} value={keyId} onChange={(e) => selectKey(e.target.value)}>
              {keys.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name} · {k.prefix}
                </option>
              ))}
            </select>
          </div>
          {view?.kind === 'search' && (
            <>
              <ContactSearch />
              <ExportPanel />
            </>
          )}
          {view?.kind === 'contact' && <ContactView contact={view.contact} />}
          {view?.kind === 'conversation' && <ConversationView />}
        </>
      )}
    </section>
  );
}
