import { useId, useState, type FormEvent } from 'react';
import { SCAN_MAX_FILE_MB_DEFAULT, type ScanReportView } from '../../../../src-preload/contract';
import { formatBytes } from '../../lib/units';
import { useConsoleStore } from '../../store';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** Settings → Scan for leaked keys: a folder's text files searched in main; findings name file:line and the key, never its value. */
export function LeakScanSection() {
  const id = useId();
  const scan = useConsoleStore((s) => s.scanForLeaks);
  const [folder, setFolder] = useState('');
  const [maxMb, setMaxMb] = useState(String(SCAN_MAX_FILE_MB_DEFAULT));
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ScanReportView | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const mb = Number(maxMb);
    if (!Number.isInteger(mb) || mb < 1 || mb > 100) {
      setError('Give a whole number of MB from 1 to 100.');
      return;
    }
    setBusy(true);
    setError(null);
    setReport(null);
    const result = await scan(folder.trim(), mb);
    setBusy(false);
    if (result.ok) setReport(result.value);
    else setError(result.error.message);
  }

  const skipped = report ? report.skipped.binary + report.skipped.tooLarge + report.skipped.unreadable : 0;

  return (
    <section className="leak-scan" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Scan for leaked keys</h2>
      <p className="hint">
        Looks through a folder’s text files (following its .gitignore files) for Helplane keys with a valid checksum and for the values of the keys
        stored here. Findings name the file, the line and the key — never the key itself. The same scan runs from the terminal: npm run cli -- scan
        &lt;folder&gt;.
      </p>
      <form className="form" onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <div className="field">
          <label htmlFor={`${id}-folder`}>Folder</label>
          <input id={`${id}-folder`} type="text" required spellCheck={false} autoCapitalize="off" placeholder="/home/you/projects/app" value={folder} onChange={(e) => setFolder(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-max`}>Skip files larger than (MB)</label>
          <input id={`${id}-max`} type="number" min={1} max={100} step={1} value={maxMb} onChange={(e) => setMaxMb(e.target.value)} />
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Scanning…' : 'Scan'}
          </button>
        </div>
      </form>
      <div role="status" className="leak-scan-result">
        {error && <p className="form-error">{error}</p>}
        {report && (
          <>
            <p className={report.findings.length > 0 ? 'form-error' : undefined}>
              {report.findings.length === 0
                ? `No keys found in ${plural(report.filesScanned, 'file', 'files')} (${formatBytes(report.bytesScanned)}).`
                : `${plural(report.findings.length, 'key found', 'keys found')} in ${plural(report.filesScanned, 'file', 'files')} (${formatBytes(report.bytesScanned)}). Remove them from these files, and rotate every key that was committed or shared.`}
              {skipped > 0 &&
                ` Skipped: ${[
                  report.skipped.binary && plural(report.skipped.binary, 'binary file', 'binary files'),
                  report.skipped.tooLarge && plural(report.skipped.tooLarge, 'file over the size', 'files over the size'),
                  report.skipped.unreadable && `${plural(report.skipped.unreadable, 'unreadable entry', 'unreadable entries')} (${report.unreadable.slice(0, 3).join(', ')})`,
                ]
                  .filter(Boolean)
                  .join(', ')}.`}
            </p>
            {report.findings.length > 0 && (
              <ul className="leak-findings" aria-label="Leaked keys">
                {report.findings.map((f) => (
                  <li key={`${f.file}:${f.line}:${f.keyName ?? ''}`}>
                    <code>
                      {f.file}:{f.line}
                    </code>{' '}
                    — {f.keyName ? `${f.keyName} (one of your keys)` : 'a Helplane key that is not one of yours'}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}
