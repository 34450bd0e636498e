import { useId, useState } from 'react';
import { useConsoleStore } from '../../store';
import { CollectionTree } from './CollectionTree';
import { FolderDialog } from './FolderDialog';
import { VariablesPanel } from './VariablesPanel';
import './collections.css';

/** Region `Collection`: Open / New collection, the tree, what went wrong; region `Variables` below it. */
export function CollectionPanel() {
  const snapshot = useConsoleStore((s) => s.collection);
  const root = useConsoleStore((s) => s.collectionRoot);
  const gone = useConsoleStore((s) => s.collectionGone);
  const problem = useConsoleStore((s) => s.collectionProblem);
  const [dialog, setDialog] = useState<'open' | 'new' | null>(null);
  const id = useId();
  const problems = snapshot?.problems.filter((p) => p.file === 'collection.yaml') ?? [];

  return (
    <div className="collection-column">
      <section className="collection-panel" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="collection-title">
          Collection
        </h2>
        <p className="collection-name" title={root ?? undefined}>
          {snapshot ? snapshot.collection.name : root ? 'Not open' : 'No collection open'}
          {root && <span className="hint collection-root"> {root}</span>}
        </p>
        <div className="actions collection-actions">
          <button type="button" onClick={() => setDialog('open')}>
            Open collection
          </button>
          <button type="button" onClick={() => setDialog('new')}>
            New collection
          </button>
        </div>
        {gone && (
          <p role="alert" className="banner banner-warning">
            {gone} Your tabs keep their drafts.
          </p>
        )}
        {problem && (
          <p role="alert" className="form-error">
            {problem}
          </p>
        )}
        {problems.map((p) => (
          <p key={p.message} role="alert" className="form-error">
            {p.message}
          </p>
        ))}
        {snapshot && <CollectionTree root={snapshot.tree.kind === 'folder' ? snapshot.tree : { kind: 'folder', path: '', name: '', children: [] }} />}
        {!snapshot && !gone && <p className="hint">Open a folder of request files, or make a new collection, to save requests as files you can keep in git.</p>}
      </section>
      {snapshot && <VariablesPanel />}
      {dialog && <FolderDialog mode={dialog} onClose={() => setDialog(null)} />}
    </div>
  );
}
