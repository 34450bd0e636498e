import { useEffect, useId, useState } from 'react';
import type { Settings } from '../../../../src-preload/contract';
import { useConsoleStore } from '../../store';
import { AccessLogSection } from './AccessLogSection';
import { LeakScanSection } from './LeakScanSection';
import { SandboxDataSection } from './SandboxDataSection';

function NumberSetting({ label, value, min, max, hint, onCommit }: { label: string; value: number; min: number; max: number; hint: string; onCommit(v: number): void }) {
  const id = useId();
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const n = Number(text);
  const valid = /^\d+$/.test(text) && n >= min && n <= max;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        value={text}
        aria-invalid={!valid}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => valid && n !== value && onCommit(n)}
      />
      <p id={`${id}-hint`} className={valid ? 'hint' : 'form-error'}>
        {valid ? hint : `Enter a whole number from ${min} to ${max}.`}
      </p>
    </div>
  );
}

export function SettingsPage() {
  const id = useId();
  const settings = useConsoleStore((s) => s.settings);
  const error = useConsoleStore((s) => s.settingsError);
  const update = useConsoleStore((s) => s.updateSettings);
  const load = useConsoleStore((s) => s.loadSettings);
  useEffect(() => {
    void load();
  }, [load]);

  const select = <K extends 'theme' | 'proxyMode' | 'redirectPolicy'>(key: K, label: string, options: Array<[Settings[K], string]>, hint: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={settings[key]} aria-describedby={`${id}-${key}-hint`} onChange={(e) => void update({ [key]: e.target.value })}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      <p id={`${id}-${key}-hint`} className="hint">
        {hint}
      </p>
    </div>
  );

  return (
    <section className="page" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Settings</h1>
      {error && (
        <p role="alert" className="form-error">
          {error.message}
        </p>
      )}
      <form className="form" onSubmit={(e) => e.preventDefault()}>
        {select('theme', 'Theme', [['system', 'System'], ['light', 'Light'], ['dark', 'Dark']], 'System follows your operating system.')}
        <NumberSetting label="Request timeout (seconds)" value={settings.requestTimeoutSeconds} min={1} max={600} hint="How long to wait for response headers, and between parts of the body." onCommit={(v) => void update({ requestTimeoutSeconds: v })} />
        <NumberSetting label="Maximum response size (MB)" value={settings.maxResponseMb} min={1} max={1024} hint="Larger bodies are cut at this size and marked as too large." onCommit={(v) => void update({ maxResponseMb: v })} />
        <div className="field">
          <label>
            <input type="checkbox" checked={settings.autoRetryOn429} onChange={(e) => void update({ autoRetryOn429: e.target.checked })} /> Automatic retry on 429
          </label>
          <p className="hint">After 429 Too Many Requests, send the same request again once Retry-After has passed.</p>
        </div>
        <NumberSetting
          label="Attempts on 429"
          value={settings.autoRetryMaxAttempts}
          min={2}
          max={10}
          hint="How many times a request is sent in all, the first send included, before the automatic retry stops."
          onCommit={(v) => void update({ autoRetryMaxAttempts: v })}
        />
        {select(
          'proxyMode',
          'Proxy',
          [['system', 'System'], ['env', 'Environment variables (HTTPS_PROXY, NO_PROXY)'], ['none', 'None']],
          'On Linux, System reads the same HTTPS_PROXY / HTTP_PROXY / NO_PROXY variables as Environment variables.',
        )}
        {select(
          'redirectPolicy',
          'Redirects to another server',
          [['refuse', 'Refuse'], ['follow-without-key', 'Follow without the key']],
          'Redirects on the key’s own server are followed with the key. The key never goes to another server.',
        )}
      </form>
      <SandboxDataSection />
      <AccessLogSection />
      <LeakScanSection />
      <p className="hint">The console sends no telemetry.</p>
    </section>
  );
}
