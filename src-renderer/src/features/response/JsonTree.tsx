import { Marked } from './Marked';
import { childId, TREE_CHILD_CAP, type TreeSearch } from './tree-search';

export interface TreeHighlight {
  query: string;
  search: TreeSearch;
  /** Global index of the current match, -1 for none. */
  current: number;
  /** Nodes opened so the current match shows (pathTo its node). */
  open: ReadonlySet<string>;
}

interface Props {
  value: unknown;
  name?: string;
  id?: string;
  depth?: number;
  highlight: TreeHighlight;
  /** Use as variable on a leaf: its key, value and the key of the object or array holding it. */
  onUse?: (name: string | undefined, value: unknown, parentName: string | undefined) => void;
  parentName?: string;
}

/** A collapsible JSON tree: objects and arrays as <details>, leaves as key: value; matches marked. */
export function JsonTree({ value, name, id = '', depth = 0, highlight, onUse, parentName }: Props) {
  const { query, search, current, open } = highlight;
  const label =
    name !== undefined ? (
      <span className="json-key">
        <Marked text={name} query={query} first={search.firstIndex.get(`${id}#k`) ?? -1} current={current} />
        {': '}
      </span>
    ) : null;
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    const summary = Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`;
    return (
      <details open={depth < 2 || open.has(id)} className="json-node">
        <summary>
          {label}
          <span className="hint">{summary}</span>
        </summary>
        <ul>
          {entries.slice(0, TREE_CHILD_CAP).map(([k, v]) => (
            <li key={k}>
              <JsonTree value={v} name={k} id={childId(id, k)} depth={depth + 1} highlight={highlight} {...(onUse ? { onUse } : {})} {...(name !== undefined ? { parentName: name } : {})} />
            </li>
          ))}
          {entries.length > TREE_CHILD_CAP && <li className="hint">… {entries.length - TREE_CHILD_CAP} more (see Raw)</li>}
        </ul>
      </details>
    );
  }
  return (
    <span className="json-leaf">
      {label}
      <Marked text={JSON.stringify(value)} query={query} first={search.firstIndex.get(`${id}#v`) ?? -1} current={current} />
      {onUse && (
        <button type="button" className="use-var" aria-label={`Use as variable: ${name ?? 'value'}`} onClick={() => onUse(name, value, parentName)}>
          Use as variable
        </button>
      )}
    </span>
  );
}
