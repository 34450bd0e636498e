import { useEffect, useId, useState, type FormEvent } from 'react';
import type { KeyMeta, KeyUsageView } from '../../../../src-preload/contract';
import { EnvironmentBadge } from '../../components/EnvironmentBadge';
import { keyAgeDays, keyAgeWords, rotationDue } from '../../lib/key-age';
import { keyStatusLabel } from '../../lib/key-labels';
import { formatExactTime } from '../../lib/relative-time';
import { selectNow, useConsoleStore } from '../../store';
import { RelativeTime } from '../clock/RelativeTime';
import { KeyUsageChart } from './KeyUsageChart';

interface KeyDetailsProps {
  keyMeta: KeyMeta;
  onBack(): void;
}

/** A key's page (row button Details): its age and reminder, Read only, and its usage from this computer. */
export function KeyDetails({ keyMeta: key, onBack }: KeyDetailsProps) {
  const id = useId();
  const now = useConsoleStore(selectNow);
  const setKeyOptions = useConsoleStore((s) => s.setKeyOptions);
  const loadKeyUsage = useConsoleStore((s) => s.loadKeyUsage);
  const [usage, setUsage] = useState<KeyUsageView | null>(null);
  const [usageError, setUsageError] = useState<string | null>(null);
  const [days, setDays] = useState(key.rotationReminderDays ? String(key.rotationReminderDays) : '');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Shown at once (a checkbox must follow the click), put back if main refuses.
  const [readOnly, setReadOnly] = useState(key.readOnly === true);
  useEffect(() => setReadOnly(key.readOnly === true), [key.readOnly]);
  const fromEnvironment = key.source === 'environment';
  const age = keyAgeDays(key.createdAt, now);
  const due = rotationDue(key, now);

  // Again after each use of the key (Last used changes), so the chart follows what is sent meanwhile.
  useEffect(() => {
    let current = true;
    void loadKeyUsage(key.id).then((result) => {
      if (!current) return;
      if (result.ok) {
        setUsage(result.value);
        setUsageError(null);
      } else setUsageError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [key.id, key.lastUsedAt, loadKeyUsage]);

  async function save(patch: { readOnly?: boolean; rotationReminderDays?: number | null }, words: string) {
    setError(null);
    setSaved(null);
    if (patch.readOnly !== undefined) setReadOnly(patch.readOnly);
    const result = await setKeyOptions({ id: key.id, ...patch });
    if (result.ok) setSaved(words);
    else {
      setError(result.error.message);
      if (patch.readOnly !== undefined) setReadOnly(key.readOnly === true);
    }
  }

  function saveReminder(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = days.trim();
    if (text === '') {
      void save({ rotationReminderDays: null }, 'Rotation reminder turned off.');
      return;
    }
    const value = Number(text);
    if (!Number.isInteger(value)) {
      setError('Give a whole number of days, such as 90.');
      return;
    }
    void save({ rotationReminderDays: value }, `You will be reminded to rotate ${key.name} ${value === 1 ? '1 day' : `${value} days`} after it was created.`);
  }

  const totals = usage?.days.reduce((t, d) => ({ requests: t.requests + d.requests, errors: t.errors + d.errors, rateLimited: t.rateLimited + d.rateLimited }), {
    requests: 0,
    errors: 0,
    rateLimited: 0,
  });

  return (
    <section className="key-details" aria-labelledby={`${id}-title`}>
      <button type="button" className="link-button" onClick={onBack}>
        ← Back to keys
      </button>
      <h2 id={`${id}-title`}>
        {key.name}
        {key.readOnly && <span className="badge read-only">Read only</span>}
        {due && <span className="badge rotation-due">Rotation due</span>}
      </h2>
      <dl className="key-facts">
        <dt>Environment</dt>
        <dd>{key.environmentUnknown ? 'Unknown (recovered key)' : <EnvironmentBadge environment={key.environment} baseUrl={key.baseUrl} hostVisible />}</dd>
        <dt>Prefix</dt>
        <dd>
          <code>{key.prefix}</code>
        </dd>
        <dt>Created</dt>
        <dd>
          <time dateTime={key.createdAt} title={formatExactTime(key.createdAt)}>
            {new Date(key.createdAt).toLocaleDateString()}
          </time>{' '}
          ({age === 0 ? 'today' : `${keyAgeWords(age)} old`})
        </dd>
        <dt>Status</dt>
        <dd>{keyStatusLabel(key.status)}</dd>
      </dl>
      {due && (
        <p className="banner banner-warning" role="status">
          Rotation due: {key.name} is {keyAgeWords(age)} old and the reminder is set for {key.rotationReminderDays} days. Create or paste its replacement, move your
          requests to it, then revoke this one.
        </p>
      )}

      <form className="form key-options" onSubmit={saveReminder}>
        <div className="field checkbox-field">
          <label>
            <input type="checkbox" checked={readOnly} onChange={(e) => void save({ readOnly: e.target.checked }, e.target.checked ? `${key.name} is read only now.` : `${key.name} may send any method again.`)} />{' '}
            Read only
          </label>
          <p className="hint">
            The console sends only GET requests with a read-only key and refuses any other, in words. The Inspector prefers read-only keys.
            {fromEnvironment && ' For the key from HELPLANE_API_KEY this lasts until the console quits.'}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-remind`}>Remind me to rotate after</label>
          <div className="inline-field">
            <input
              id={`${id}-remind`}
              type="number"
              inputMode="numeric"
              min={1}
              max={3650}
              step={1}
              value={days}
              aria-describedby={`${id}-remind-hint`}
              onChange={(e) => setDays(e.target.value)}
            />
            <span>days</span>
            <button type="submit">Save reminder</button>
          </div>
          <p id={`${id}-remind-hint`} className="hint">
            Counted from Created. Leave it empty for no reminder.
          </p>
        </div>
        <p role="status" className={error ? 'form-error' : 'hint'}>
          {error ?? saved ?? ''}
        </p>
      </form>

      <section className="key-usage" aria-labelledby={`${id}-usage`} role="region">
        <h3 id={`${id}-usage`}>Key usage</h3>
        <dl className="key-facts">
          <dt>Last used here</dt>
          <dd>
            <RelativeTime iso={usage?.lastUsedHere ? new Date(usage.lastUsedHere).toISOString() : (key.lastUsedAt ?? null)} />
          </dd>
          <dt>Last used (server)</dt>
          <dd>
            {key.serverLastUsedAt ? (
              <RelativeTime iso={key.serverLastUsedAt} />
            ) : key.environment === 'sandbox' ? (
              'Never'
            ) : (
              'Not known: only the sandbox tells the console when a key was last used'
            )}
          </dd>
        </dl>
        {usageError && <p className="form-error">The usage could not be read: {usageError}</p>}
        {usage && totals && (
          <>
            <p>
              Last 30 days from this computer: {totals.requests === 1 ? '1 request' : `${totals.requests} requests`}, {totals.errors === 1 ? '1 error' : `${totals.errors} errors`},{' '}
              {totals.rateLimited === 1 ? 'one 429' : `${totals.rateLimited} × 429`}.
            </p>
            <KeyUsageChart usage={usage} />
          </>
        )}
      </section>
    </section>
  );
}
