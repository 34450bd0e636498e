/** A collapsible JSON tree: objects and arrays as <details>, leaves as key: value. */
export function JsonTree({ value, name, depth = 0, highlight }: { value: unknown; name?: string; depth?: number; highlight: string }) {
  const label = name !== undefined ? <span className="json-key">{name}: </span> : null;
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    const summary = Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`;
    return (
      <details open={depth < 2} className="json-node">
        <summary>
          {label}
          <span className="hint">{summary}</span>
        </summary>
        <ul>
          {entries.slice(0, 1000).map(([k, v]) => (
            <li key={k}>
              <JsonTree value={v} name={k} depth={depth + 1} highlight={highlight} />
            </li>
          ))}
          {entries.length > 1000 && <li className="hint">… {entries.length - 1000} more (see Raw)</li>}
        </ul>
      </details>
    );
  }
  const text = JSON.stringify(value);
  const hit = highlight !== '' && text.toLowerCase().includes(highlight.toLowerCase());
  return (
    <span className={hit ? 'json-leaf json-hit' : 'json-leaf'}>
      {label}
      {text}
    </span>
  );
}
