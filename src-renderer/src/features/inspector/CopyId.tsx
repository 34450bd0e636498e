import { useState } from 'react';

/** `Copy id` beside an id the agent pastes into a ticket, a query or the request builder. */
export function CopyId({ id }: { id: string }) {
  const [note, setNote] = useState('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(id);
      setNote('Copied');
    } catch {
      setNote('The clipboard is not available: select the id and copy it.');
    }
  }
  return (
    <>
      <button type="button" className="copy-id" title={`Copy ${id}`} onClick={() => void copy()}>
        Copy id
      </button>
      <span className="hint copy-note" role="status">
        {note}
      </span>
    </>
  );
}

/** An id in code type with its Copy id button. */
export function IdWithCopy({ id }: { id: string }) {
  return (
    <span className="id-with-copy">
      <code>{id}</code> <CopyId id={id} />
    </span>
  );
}
