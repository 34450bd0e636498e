import { useState } from 'react';
import { formatBytes } from '../../lib/units';
import { useConsoleStore } from '../../store';

/**
 * Offered when a body passed the maximum response size (fetch it again, whole, into a file), or
 * for a large body main keeps (`responseId`: main writes its copy, for any method).
 */
export function SaveToFile({ method, responseId }: { method: string; responseId?: string }) {
  const saveBody = useConsoleStore((s) => s.saveBody);
  const saveResponse = useConsoleStore((s) => s.saveResponse);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; href: string | null; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (method !== 'GET' && !responseId) return <p className="hint">Only GET responses can be saved to a file (a {method} would run again).</p>;

  async function save() {
    setBusy(true);
    setError(null);
    const result = responseId ? await saveResponse(responseId) : await saveBody();
    setBusy(false);
    if ('error' in result) setError(result.error.message);
    else setMessage({ text: `Saved ${formatBytes(result.saved.bytes)} to ${result.saved.path}.`, href: result.saved.downloadUrl, name: result.saved.fileName });
  }

  return (
    <div className="save-to-file">
      <button type="button" disabled={busy} onClick={() => void save()}>
        {busy ? 'Saving…' : 'Save to file'}
      </button>
      {message && (
        <p role="status">
          {message.text}{' '}
          {message.href && (
            <a href={message.href} download={message.name}>
              Download {message.name}
            </a>
          )}
        </p>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
