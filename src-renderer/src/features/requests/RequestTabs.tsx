import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { AddKeyDialog } from '../keys/AddKeyDialog';
import { ImportCurlDialog } from './ImportCurlDialog';
import { consoleStore, useConsoleStore } from '../../store';
import { tabLabel } from '../../store/tabs-slice';
import { requestsOf } from '../../store/collection-slice';

/** Ctrl+T / Cmd+T (new tab) and Ctrl+W / Cmd+W (close tab), as in a browser. */
function tabShortcut(event: globalThis.KeyboardEvent): 'new' | 'close' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  const key = event.key.toLowerCase();
  return key === 't' ? 'new' : key === 'w' ? 'close' : null;
}

/**
 * The strip of open requests (WAI-ARIA tabs, automatic activation): arrow keys, Home and End move
 * between tabs; each tab has its Close tab button beside it; an unsaved tab shows a dot.
 */
export function RequestTabs({ panelId }: { panelId: string }) {
  const tabs = useConsoleStore((s) => s.tabs);
  const activeTabId = useConsoleStore((s) => s.activeTabId);
  const catalog = useConsoleStore((s) => s.catalog);
  const activeEndpointId = useConsoleStore((s) => s.endpointId);
  const customMethod = useConsoleStore((s) => s.customMethod);
  const customPath = useConsoleStore((s) => s.customPath);
  const newTab = useConsoleStore((s) => s.newTab);
  const closeTab = useConsoleStore((s) => s.closeTab);
  const activateTab = useConsoleStore((s) => s.activateTab);
  const problem = useConsoleStore((s) => s.workspaceProblem);
  const collection = useConsoleStore((s) => s.collection);
  const activeSaved = useConsoleStore((s) => s.savedRequest);
  const strip = useRef<HTMLDivElement>(null);
  const [dialog, setDialog] = useState<'import' | 'addKey' | null>(null);
  // The keys before Add key: the one added from an import becomes the tab's key.
  const keysBefore = useRef<ReadonlySet<string>>(new Set());
  const focusActive = useRef(false);

  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      const which = tabShortcut(event);
      if (!which || (event.target instanceof Element && event.target.closest('dialog'))) return;
      event.preventDefault();
      // Read when the key is pressed, not when the listener was set up.
      const s = consoleStore.getState();
      if (which === 'new') s.newTab();
      else if (s.activeTabId) s.closeTab(s.activeTabId);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // After an arrow key the newly active tab takes the focus (roving tabindex).
  useEffect(() => {
    if (!focusActive.current) return;
    focusActive.current = false;
    strip.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
  }, [activeTabId]);

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = tabs.length - 1;
    const to = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    focusActive.current = true;
    activateTab(tabs[to]!.id);
  }

  // The tablist holds only the tabs (ARIA: a tablist owns tabs, nothing else); each Close tab button
  // is its sibling outside it, placed beside its tab by CSS order (the tablist is display: contents).
  // A tab of the open collection is named after its request, as the tree names it.
  const saved = new Map(requestsOf(collection).map((r) => [r.path, `${r.method} ${r.name}`]));
  const labels = tabs.map((tab) => {
    const link = tab.id === activeTabId ? activeSaved : tab.form.savedRequest;
    const named = link && collection && link.collection === collection.root ? saved.get(link.path) : undefined;
    return named ?? tabLabel(tab.id === activeTabId ? { endpointId: activeEndpointId, customMethod, customPath } : tab.form, { catalog });
  });
  return (
    <div className="request-tabs">
      <div className="request-tabs-row" ref={strip}>
        <div className="request-tabs-strip" role="tablist" aria-label="Open requests">
          {tabs.map((tab, index) => {
            const active = tab.id === activeTabId;
            const label = labels[index]!;
            return (
              <button
                key={tab.id}
                type="button"
                role="tab"
                id={`${tab.id}-tab`}
                className={`request-tab${active ? ' active' : ''}`}
                style={{ order: index * 2 }}
                aria-selected={active}
                aria-controls={panelId}
                tabIndex={active ? 0 : -1}
                onClick={() => activateTab(tab.id)}
                onKeyDown={(e) => onTabKey(e, index)}
                title={tab.unsaved ? `${label} (unsaved)` : label}
              >
                <span className="request-tab-label">{label}</span>
                {tab.unsaved && (
                  <span className="request-tab-unsaved" aria-label="unsaved" role="img">
                    ●
                  </span>
                )}
              </button>
            );
          })}
        </div>
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            type="button"
            className={`request-tab-close${tab.id === activeTabId ? ' active' : ''}`}
            style={{ order: index * 2 + 1 }}
            aria-label="Close tab"
            aria-describedby={`${tab.id}-tab`}
            title={`Close ${labels[index]} (Ctrl+W)`}
            onClick={() => closeTab(tab.id)}
          >
            ×
          </button>
        ))}
        <button type="button" className="request-tabs-new" style={{ order: tabs.length * 2 }} aria-label="New tab" title="New tab (Ctrl+T)" onClick={() => newTab()}>
          +
        </button>
      </div>
      <button type="button" className="request-tabs-import" onClick={() => setDialog('import')}>
        Import curl
      </button>
      {dialog === 'import' && (
        <ImportCurlDialog
          onClose={() => setDialog((d) => (d === 'import' ? null : d))}
          onAddKey={() => {
            keysBefore.current = new Set(consoleStore.getState().keys.map((k) => k.id));
            setDialog('addKey');
          }}
        />
      )}
      {dialog === 'addKey' && (
        <AddKeyDialog
          onClose={() => {
            setDialog(null);
            const s = consoleStore.getState();
            const added = s.keys.find((k) => !keysBefore.current.has(k.id));
            if (added) s.selectKey(added.id);
          }}
        />
      )}
      {problem && (
        <p className="request-tabs-problem" role="status">
          {problem}
        </p>
      )}
    </div>
  );
}
