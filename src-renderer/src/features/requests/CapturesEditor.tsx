import { useId, useState, type FormEvent } from 'react';
import { useConsoleStore } from '../../store';

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * The tab's captures (variable ← JSONPath of a 2xx reply): applied by main after each Send,
 * written by Save with the request. Main checks the JSONPath (RFC 9535) before sending.
 */
export function CapturesEditor() {
  const captures = useConsoleStore((s) => s.captures);
  const setCaptures = useConsoleStore((s) => s.setCaptures);
  const [variable, setVariable] = useState('');
  const [path, setPath] = useState('$.id');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = variable.trim();
    if (!VARIABLE_NAME.test(name)) return setProblem('A variable name starts with a letter or _, then letters, digits, _ . or -.');
    if (!path.trim().startsWith('$')) return setProblem('A JSONPath starts with $, such as $.id or $.data[0].id.');
    if (captures.some((c) => c.variable === name)) return setProblem(`${name} is captured already; remove that one first.`);
    setCaptures([...captures, { variable: name, path: path.trim() }]);
    setVariable('');
    setProblem(null);
  }

  return (
    <div className="captures-editor">
      <h3 id={`${id}-title`}>Captures</h3>
      {captures.length === 0 ? (
        <p className="hint">After a 2xx, a capture sets a variable from the reply (such as contact_id ← $.id) for the next requests.</p>
      ) : (
        <ul className="test-list" aria-labelledby={`${id}-title`}>
          {captures.map((c) => (
            <li key={c.variable}>
              <code>
                {c.variable} ← {c.path}
              </code>{' '}
              <button type="button" aria-label={`Remove capture ${c.variable}`} onClick={() => setCaptures(captures.filter((x) => x.variable !== c.variable))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form add-test" onSubmit={add} aria-label="Add capture">
        <div className="field">
          <label htmlFor={`${id}-var`}>Capture variable</label>
          <input id={`${id}-var`} type="text" spellCheck={false} autoCapitalize="off" value={variable} placeholder="contact_id" onChange={(e) => setVariable(e.target.value)} />
        </div>
        <div className="field">
          {/* Not "…JSONPath": accessible names match by substring, and the builder has a textbox "Path". */}
          <label htmlFor={`${id}-path`}>Capture from</label>
          <input id={`${id}-path`} type="text" spellCheck={false} autoCapitalize="off" value={path} aria-describedby={`${id}-path-hint`} onChange={(e) => setPath(e.target.value)} />
          <span id={`${id}-path-hint`} className="hint">
            A JSONPath of the reply, such as $.data[0].id
          </span>
        </div>
        <div className="actions">
          <button type="submit">Add capture</button>
        </div>
        {problem && (
          <p role="alert" className="form-error">
            {problem}
          </p>
        )}
      </form>
    </div>
  );
}
