import { useEffect, useId } from 'react';
import { useConsoleStore } from '../../store';
import { KeyPicker } from '../keys/KeyPicker';
import { ContactSearch } from './ContactSearch';
import { ContactView } from './ContactView';
import { ConversationView } from './ConversationView';
import { ExportPanel } from './ExportPanel';
import { MaskSwitch } from './MaskSwitch';
import { sideButton } from './inspector-format';

/** The support staff's view: find a contact, read its conversations, export lists. Read-only. */
export function InspectorPage() {
  const id = useId();
  const keys = useConsoleStore((s) => s.keys);
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
        <MaskSwitch />
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
          <KeyPicker label="Read with key" className="field inline-field" preferReadOnly />
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
