import { useId, useState } from 'react';
import type { SnippetLanguage } from '../../../../src-preload/contract';
import { useConsoleStore } from '../../store';

const LANGUAGES: Array<[SnippetLanguage, string]> = [
  ['curl', 'curl'],
  ['javascript-fetch', 'JavaScript fetch'],
  ['node', 'Node.js'],
  ['python-requests', 'Python requests'],
  ['go', 'Go'],
];

/** Copy the request as code; the key is always `$HELPLANE_API_KEY` (or the language's equivalent, a constant to fill in the browser). */
export function CopyAsCode() {
  const id = useId();
  const copySnippet = useConsoleStore((s) => s.copySnippet);
  const [language, setLanguage] = useState<SnippetLanguage>('curl');
  const [code, setCode] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  // The browser snippet has no environment: the user pastes the key into its constant.
  const keyHint =
    language === 'javascript-fetch'
      ? 'Paste your key into HELPLANE_API_KEY at the top before running it; do not share the code with your key in it.'
      : 'Set HELPLANE_API_KEY in your environment before running it.';

  async function copy() {
    const result = await copySnippet(language);
    if ('error' in result) {
      setCode(null);
      setMessage(result.error.message);
      return;
    }
    setCode(result.code);
    try {
      await navigator.clipboard.writeText(result.code);
      setMessage(`Copied. ${keyHint}`);
    } catch {
      setMessage(`Select the code below and copy it. ${keyHint}`);
    }
  }

  return (
    <div className="copy-as-code">
      <div className="field inline">
        <label htmlFor={`${id}-lang`}>Language</label>
        <select id={`${id}-lang`} value={language} onChange={(e) => setLanguage(e.target.value as SnippetLanguage)}>
          {LANGUAGES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void copy()}>
          Copy as code
        </button>
      </div>
      {message && (
        <p role="status" className="hint">
          {message}
        </p>
      )}
      {code && (
        <pre className="snippet" aria-label="Code snippet" tabIndex={0}>
          {code}
        </pre>
      )}
    </div>
  );
}
