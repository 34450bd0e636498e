import { useEffect, useId, useMemo, useState } from 'react';
import type { CollectionSnapshotView } from '../../../../src-preload/contract';
import { environmentName } from '../../lib/collection-request';
import type { VariableRow } from '../../store/collection-slice';
import { useConsoleStore } from '../../store';
import { OutcomeLine, type Outcome } from './OutcomeLine';

const COLLECTION = 'collection';

/** Scope choices: the collection, Sandbox, Production, each Custom server of the stored keys (as collections name them). */
function scopesOf(customs: string[], snapshot: CollectionSnapshotView): { value: string; label: string }[] {
  const envs = new Set(['sandbox', 'production', ...customs, ...snapshot.collection.environments.map((e) => e.environment)]);
  return [
    { value: COLLECTION, label: 'Collection' },
    ...[...envs].map((e) => ({ value: e, label: e === 'sandbox' ? 'Sandbox' : e === 'production' ? 'Production' : `Custom server ${e.slice('custom:'.length)}` })),
  ];
}

function rowsOf(snapshot: CollectionSnapshotView): Record<string, VariableRow[]> {
  const rows: Record<string, VariableRow[]> = { [COLLECTION]: snapshot.collection.variables.map((v) => ({ ...v })) };
  for (const env of snapshot.collection.environments) rows[env.environment] = env.variables.map((v) => ({ ...v }));
  return rows;
}

/**
 * Region `Variables`: the open collection's variables, per scope (the collection, or one environment),
 * saved to collection.yaml by main (refused naming where if a value holds a key). An outside change to
 * collection.yaml while the rows have edits asks Keep mine / Take theirs.
 */
export function VariablesPanel() {
  const snapshot = useConsoleStore((s) => s.collection)!;
  const keys = useConsoleStore((s) => s.keys);
  const dirty = useConsoleStore((s) => s.variablesDirty);
  const setDirty = useConsoleStore((s) => s.setVariablesDirty);
  const conflict = useConsoleStore((s) => s.variablesConflict);
  const saveVariables = useConsoleStore((s) => s.saveVariables);
  const dismissConflict = useConsoleStore((s) => s.dismissVariablesConflict);
  const customs = useMemo(() => [...new Set(keys.filter((k) => k.environment === 'custom').map((k) => environmentName(k)))], [keys]);
  const scopes = scopesOf(customs, snapshot);
  const [scope, setScope] = useState(COLLECTION);
  const [rows, setRows] = useState(() => rowsOf(snapshot));
  const [status, setStatus] = useState<Outcome>(null);
  const id = useId();

  // The file as main has it, unless the rows hold edits (then an outside change asks first).
  useEffect(() => {
    if (!dirty) setRows(rowsOf(snapshot));
  }, [snapshot.collectionRevision, snapshot.root, dirty]);

  const list = rows[scope] ?? [];
  const edit = (next: VariableRow[]) => {
    setRows({ ...rows, [scope]: next });
    setDirty(true);
    setStatus(null);
  };

  async function save(replaceDiskVersion = false) {
    const environments = Object.entries(rows)
      .filter(([s]) => s !== COLLECTION)
      .map(([environment, variables]) => ({ environment, variables }));
    const outcome = await saveVariables(rows[COLLECTION] ?? [], environments, { replaceDiskVersion });
    setStatus('error' in outcome ? { error: true, text: outcome.error.message } : { error: false, text: 'Variables saved to collection.yaml.' });
  }

  return (
    <section className="variables-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="collection-title">
        Variables
      </h2>
      <div className="field">
        <label htmlFor={`${id}-scope`}>Scope</label>
        <select id={`${id}-scope`} value={scope} onChange={(e) => setScope(e.target.value)}>
          {scopes.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <p className="hint">{scope === COLLECTION ? 'Used with every key.' : 'Used with keys of this server; they win over the collection’s.'} Write {'{{name}}'} in a path, query, header or body.</p>
      </div>
      {list.length === 0 ? (
        <p className="empty">No variables in this scope.</p>
      ) : (
        <ul className="variable-rows" aria-label="Variables of this scope">
          {list.map((row, index) => (
            <li key={index} className="variable-row">
              <input type="text" aria-label="Variable name" spellCheck={false} value={row.name} onChange={(e) => edit(list.map((r, i) => (i === index ? { ...r, name: e.target.value } : r)))} />
              <input type="text" aria-label="Variable value" spellCheck={false} value={row.value} onChange={(e) => edit(list.map((r, i) => (i === index ? { ...r, value: e.target.value } : r)))} />
              <button type="button" aria-label={`Remove variable ${row.name || index + 1}`} onClick={() => edit(list.filter((_, i) => i !== index))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" onClick={() => edit([...list, { name: '', value: '' }])}>
          Add variable
        </button>
        <button type="button" className="primary" disabled={!dirty} onClick={() => void save()}>
          Save variables
        </button>
      </div>
      {conflict && (
        <div role="alert" className="banner banner-warning">
          <p>{conflict}</p>
          <div className="actions">
            <button type="button" onClick={() => void save(true)}>
              Keep mine
            </button>
            <button
              type="button"
              onClick={() => {
                dismissConflict();
                setRows(rowsOf(snapshot));
                setStatus(null);
              }}
            >
              Take theirs
            </button>
          </div>
        </div>
      )}
      {!conflict && <OutcomeLine outcome={status} />}
    </section>
  );
}
