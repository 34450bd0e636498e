import { useId, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { selectAppInfo, selectKeys, useConsoleStore } from '../../store';
import { resetSummary } from './reset-summary';

function PathRow({ label, path }: { label: string; path: string | null | undefined }) {
  const [note, setNote] = useState<string | null>(null);
  async function copy() {
    if (!path) return;
    try {
      await navigator.clipboard.writeText(path);
      setNote('Copied.');
    } catch {
      setNote('The clipboard is not available: select the path and copy it.');
    }
  }
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd>
        {path ? <code className="path">{path}</code> : <span className="hint">Not known (the sandbox runs elsewhere).</span>}{' '}
        {path && (
          <button type="button" aria-label={`Copy ${label.toLowerCase()}`} onClick={() => void copy()}>
            Copy
          </button>
        )}
        {note && (
          <span role="status" className="hint">
            {' '}
            {note}
          </span>
        )}
      </dd>
    </div>
  );
}

/** Settings > Sandbox data: where the data lives, and a reset to the seed data. */
export function SandboxDataSection() {
  const id = useId();
  const info = useConsoleStore(selectAppInfo);
  const keys = useConsoleStore(selectKeys);
  const resetSandbox = useConsoleStore((s) => s.resetSandbox);
  const loadAppInfo = useConsoleStore((s) => s.loadAppInfo);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const sandboxKeys = keys.filter((k) => k.environment === 'sandbox' && k.status !== 'missing_secret').length;
  const embedded = info?.sandbox.dataDir !== null && info?.sandbox.dataDir !== undefined;

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Sandbox data</h2>
      <dl className="paths">
        <PathRow label="Sandbox data location" path={info?.sandbox.dataDir} />
        <PathRow label="Console data location" path={info?.dataDir} />
      </dl>
      <p className="hint">
        The sandbox keeps its workspaces, contacts, conversations and keys in a SQLite database there. The console&apos;s own folder holds key
        names (never secrets: those are in the OS keychain), History, settings and logs.
      </p>
      <SandboxOutsideNote baseUrl={info?.sandbox.baseUrl ?? null} />
      <button type="button" className="danger" disabled={!embedded} onClick={() => {
          setDone(null);
          setConfirming(true);
        }}>
        Reset sandbox
      </button>
      {done && (
        <p role="status" className="hint">
          {done}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title="Reset the sandbox?"
          confirmLabel="Reset sandbox"
          busyText="Resetting…"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            const result = await resetSandbox();
            if (!result.ok) return result.error.message;
            setDone(resetSummary(result.value));
            void loadAppInfo();
            return null;
          }}
        >
          <p>Everything in the sandbox goes back to its seed data: contacts and conversations you created are deleted, and so are all of its API keys.</p>
          <p className="hint">
            {sandboxKeys === 0
              ? 'No sandbox key of this console is affected.'
              : `${sandboxKeys} sandbox ${sandboxKeys === 1 ? 'key' : 'keys'} of this console will stop working and be marked Invalid.`}{' '}
            A new sandbox key is created so requests work straight away. Production and custom keys are not touched.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/**
 * Using the sandbox from curl or code (Copy as code): where it listens, that the port stays, and
 * which key to use — "Sandbox demo"'s secret is never shown, by design, so a key of one's own.
 */
function SandboxOutsideNote({ baseUrl }: { baseUrl: string | null }) {
  return (
    <div className="hint" role="note" aria-label="Use the sandbox outside the console">
      <p>
        {baseUrl ? (
          <>
            The embedded sandbox listens on <code>{baseUrl}</code> and keeps that port at the next launch while it is free.
          </>
        ) : (
          'The embedded sandbox starts with the first request, on the port of the last launch while it is free.'
        )}
      </p>
      <p>
        To call it from curl or your own code (Copy as code), create a sandbox key on the Keys page (Create key) and copy its secret there:
        the “Sandbox demo” key’s secret is never shown, so it works only inside the console. Then set HELPLANE_API_KEY to it.
      </p>
    </div>
  );
}
