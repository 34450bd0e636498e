import { useId, useState } from 'react';
import type { CollectionTreeNodeView } from '../../../../src-preload/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { foldersOf } from '../../store/collection-slice';
import { useConsoleStore } from '../../store';
import { FieldDialog, FolderSelect } from './RequestDialogs';

type RequestNode = Extract<CollectionTreeNodeView, { kind: 'request' }>;
type Action = { kind: 'rename' | 'move' | 'delete'; node: RequestNode } | null;

const leaf = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/** Where a damaged file's parse error is, in words. */
function where(problem: Extract<CollectionTreeNodeView, { kind: 'damaged' }>['problem']): string {
  if (problem.line === undefined) return '';
  return ` (line ${problem.line}${problem.column !== undefined ? `, column ${problem.column}` : ''})`;
}

/**
 * The collection's folders and requests as nested lists: a request opens in a tab (or focuses the
 * tab that has it); its Actions offer Rename, Duplicate, Move and Delete. A file that does not parse
 * is listed with its error and cannot be opened; two requests with one name are both marked.
 */
export function CollectionTree({ root }: { root: Extract<CollectionTreeNodeView, { kind: 'folder' }> }) {
  const openRequest = useConsoleStore((s) => s.openRequest);
  const duplicateRequest = useConsoleStore((s) => s.duplicateRequest);
  const renameRequest = useConsoleStore((s) => s.renameRequest);
  const moveRequest = useConsoleStore((s) => s.moveRequest);
  const deleteRequest = useConsoleStore((s) => s.deleteRequest);
  const snapshot = useConsoleStore((s) => s.collection);
  const activePath = useConsoleStore((s) => (s.savedRequest && s.savedRequest.collection === s.collectionRoot ? s.savedRequest.path : null));
  const [expanded, setExpanded] = useState<string | null>(null);
  const [action, setAction] = useState<Action>(null);
  const [name, setName] = useState('');
  const [folder, setFolder] = useState('');
  const id = useId();

  const message = (outcome: { ok: true } | { error: { message: string } }) => ('error' in outcome ? outcome.error.message : null);

  function renderNode(node: CollectionTreeNodeView) {
    if (node.kind === 'folder') {
      return (
        <li key={`f:${node.path}`} className="tree-folder">
          <span className="tree-folder-name">{node.name}/</span>
          {node.children.length > 0 ? <ul aria-label={`Folder ${node.path}`}>{node.children.map(renderNode)}</ul> : <p className="hint">Empty folder</p>}
        </li>
      );
    }
    if (node.kind === 'damaged') {
      return (
        <li key={`d:${node.path}`} className="tree-damaged">
          <span className="tree-damaged-name">{leaf(node.path)}</span>
          <span className="tree-damaged-problem">
            Cannot be read{where(node.problem)}: {node.problem.message}
          </span>
        </li>
      );
    }
    const open = expanded === node.path;
    return (
      <li key={`r:${node.path}`} className={`tree-request${node.path === activePath ? ' current' : ''}`}>
        <div className="tree-request-row">
          <button type="button" className="tree-open" aria-current={node.path === activePath ? 'true' : undefined} title={node.path} onClick={() => void openRequest(node.path)}>
            <span className="method">{node.method}</span> <span className="tree-name">{node.name}</span>
            {node.duplicateName && <span className="tree-duplicate"> — duplicate name</span>}
          </button>
          <button type="button" className="tree-more" aria-expanded={open} aria-label={`Actions for ${node.name}`} onClick={() => setExpanded(open ? null : node.path)}>
            ⋯
          </button>
        </div>
        {open && (
          <div className="tree-actions" role="group" aria-label={`Actions for ${node.name}`}>
            <button
              type="button"
              onClick={() => {
                setName(node.name);
                setAction({ kind: 'rename', node });
              }}
            >
              Rename
            </button>
            <button type="button" onClick={() => void duplicateRequest(node.path).then(() => setExpanded(null))}>
              Duplicate
            </button>
            <button
              type="button"
              onClick={() => {
                setFolder(folderOf(node.path));
                setAction({ kind: 'move', node });
              }}
            >
              Move
            </button>
            <button type="button" className="danger" onClick={() => setAction({ kind: 'delete', node })}>
              Delete
            </button>
          </div>
        )}
      </li>
    );
  }

  const close = () => {
    setAction(null);
    setExpanded(null);
  };
  return (
    <>
      {root.children.length === 0 ? <p className="empty">No requests yet. Save a tab here with Save as.</p> : <ul className="collection-tree" aria-label="Requests">{root.children.map(renderNode)}</ul>}
      {action?.kind === 'rename' && (
        <FieldDialog title={`Rename ${action.node.name}`} submitLabel="Rename" onClose={close} onSubmit={async () => message(await renameRequest(action.node.path, name))}>
          <div className="field">
            <label htmlFor={`${id}-name`}>Name</label>
            <input id={`${id}-name`} type="text" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
            <p className="hint">The file is renamed after the request.</p>
          </div>
        </FieldDialog>
      )}
      {action?.kind === 'move' && (
        <FieldDialog title={`Move ${action.node.name}`} submitLabel="Move" onClose={close} onSubmit={async () => message(await moveRequest(action.node.path, folder))}>
          <FolderSelect id={`${id}-to`} label="To folder" folders={foldersOf(snapshot)} value={folder} onChange={setFolder} />
        </FieldDialog>
      )}
      {action?.kind === 'delete' && (
        <ConfirmDialog title="Delete request" confirmLabel="Delete request" onClose={close} onConfirm={async () => message(await deleteRequest(action.node.path))}>
          <p>
            Delete {action.node.name} ({action.node.path}) from the collection folder? A tab that has it keeps its draft, unsaved.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
