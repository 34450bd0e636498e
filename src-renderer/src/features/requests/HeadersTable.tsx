import { selectActiveKey, useConsoleStore } from '../../store';

/** Extra headers. X-API-Key is shown but never editable or readable: main attaches it. */
export function HeadersTable({ isPost }: { isPost: boolean }) {
  const rows = useConsoleStore((s) => s.headerRows);
  const key = useConsoleStore(selectActiveKey);
  const idempotencyEnabled = useConsoleStore((s) => s.idempotencyEnabled);
  const idempotencyKey = useConsoleStore((s) => s.idempotencyKey);
  const setRow = useConsoleStore((s) => s.setHeaderRow);
  const addRow = useConsoleStore((s) => s.addHeaderRow);
  const removeRow = useConsoleStore((s) => s.removeHeaderRow);
  const setIdempotency = useConsoleStore((s) => s.setIdempotencyEnabled);

  return (
    <fieldset className="headers-table">
      <legend>Headers</legend>
      <table aria-label="Request headers">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>X-API-Key</td>
            <td>{key ? `•••• from ${key.name}` : '(no key)'}</td>
            <td className="hint">Added by the console</td>
          </tr>
          {isPost && (
            <tr>
              <td>Idempotency-Key</td>
              <td>
                <code>{idempotencyEnabled ? idempotencyKey : '(off)'}</code>
              </td>
              <td>
                <label>
                  <input type="checkbox" checked={idempotencyEnabled} onChange={(e) => setIdempotency(e.target.checked)} /> Send Idempotency-Key
                </label>
              </td>
            </tr>
          )}
          {rows.map((row, i) => (
            <tr key={i}>
              <td>
                <input aria-label={`Header ${i + 1} name`} value={row.name} onChange={(e) => setRow(i, { ...row, name: e.target.value })} />
              </td>
              <td>
                <input aria-label={`Header ${i + 1} value`} value={row.value} onChange={(e) => setRow(i, { ...row, value: e.target.value })} />
              </td>
              <td>
                <button type="button" onClick={() => removeRow(i)}>
                  Remove header {i + 1}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={addRow}>
        Add header
      </button>
    </fieldset>
  );
}
